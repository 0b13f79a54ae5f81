import type { Prisma } from "../db/generated/client";

/**
 * What an organisation may show of a member: the membership's own name and time zone (see
 * schema.prisma: only what the organisation entered until the person joins, then the person's own),
 * and the email, never the global account's profile. Select PERSON on a membership and read it through
 * `seen`, which gives it the shape of a user.
 */
export const PERSON = {
  firstName: true,
  lastName: true,
  timezone: true,
  user: { select: { id: true, email: true } },
} as const satisfies Prisma.MembershipSelect;

type WithPerson = { firstName: string; lastName: string; timezone: string | null; user: { id: string; email: string } };

/** A member as their organisation sees them; `timezone` is null until they join. */
export type SeenPerson = { id: string; email: string; firstName: string; lastName: string; timezone: string | null };

export function seen<M extends WithPerson>(member: M): Omit<M, keyof WithPerson> & { user: SeenPerson } {
  const { firstName, lastName, timezone, user, ...rest } = member;
  return { ...rest, user: { id: user.id, email: user.email, firstName, lastName, timezone } };
}
