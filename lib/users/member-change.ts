import type { TenantTx } from "../db/tenant";
import { msg } from "../i18n/msg";
import { liveMembership } from "../auth/live";
import { ForbiddenError, NotFoundError } from "../errors";
import { PERSON, seen } from "./person";

// What every change to a member reads first (their edit, the bulk steps), and the last-owner rule.

export const MEMBER = {
  id: true,
  role: true,
  status: true,
  unitId: true,
  expiresAt: true,
  joinedAt: true,
  userId: true,
  ...PERSON,
  programmes: { select: { programmeId: true } },
  invitations: {
    where: { acceptedAt: null, cancelledAt: null },
    select: { id: true, role: true },
    orderBy: { lastSentAt: "desc" },
    take: 1,
  },
} as const;

export async function findForChange(tx: TenantTx, membershipId: string) {
  const member = await tx.membership.findFirst({ where: { id: membershipId }, select: MEMBER });
  if (!member) throw new NotFoundError();
  return seen(member);
}

/** Refuses a change that would leave the organisation with no active OWNER (call with the org locked). */
export async function assertOwnersRemain(tx: TenantTx, leaving: string[]) {
  const others = await tx.membership.count({ where: { role: "OWNER", ...liveMembership(), id: { notIn: leaving } } });
  if (others === 0) throw new ForbiddenError(msg("Users.server.lastOwner"));
}

export type Planned = Awaited<ReturnType<typeof findForChange>>;
