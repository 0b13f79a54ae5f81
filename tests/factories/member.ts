import type { Db } from "../../lib/db/client";
import type { MembershipStatus, Role } from "../../lib/db/generated/enums";
import { unique } from "./unique";

export type MemberOverrides = {
  role?: Role;
  status?: MembershipStatus;
  /** The account's email; an account that already has it joins as it is (accounts are global). */
  email?: string;
  passwordHash?: string | null;
  /** The new account's own name and time zone (default "Test <role>", UTC): what the person set, not the organisation. */
  account?: { firstName?: string; lastName?: string; timezone?: string };
  expiresAt?: Date | null;
  lastActiveAt?: Date | null;
  unitId?: string | null;
  /** Defaults to now for ACTIVE and DEACTIVATED members, and null (never joined) for the others. */
  joinedAt?: Date | null;
  /**
   * The names the organisation entered itself. A member who has not joined shows only these (the
   * database keeps the account's own out of sight until they join); a joined one shows the account's.
   */
  firstName?: string;
  lastName?: string;
};

/** A person with a membership of the organisation: a new account, unless `email` names an existing one. */
export async function createMember(
  db: Db,
  organizationId: string,
  {
    role = "PARTICIPANT",
    status = "ACTIVE",
    email,
    passwordHash = null,
    account: own = {},
    expiresAt = null,
    lastActiveAt = null,
    unitId = null,
    joinedAt,
    firstName,
    lastName,
  }: MemberOverrides = {},
) {
  const account = { firstName: "Test", lastName: role.toLowerCase(), ...own, passwordHash };
  const user = email
    ? await db.user.upsert({ where: { email: email.toLowerCase() }, create: { email: email.toLowerCase(), ...account }, update: {} })
    : await db.user.create({ data: { email: `user-${unique()}@example.test`, ...account } });
  const membership = await db.membership.create({
    data: {
      organizationId,
      userId: user.id,
      role,
      status,
      expiresAt,
      lastActiveAt,
      unitId,
      joinedAt: joinedAt !== undefined ? joinedAt : status === "ACTIVE" || status === "DEACTIVATED" ? new Date() : null,
      ...(firstName !== undefined && { firstName }),
      ...(lastName !== undefined && { lastName }),
    },
  });
  return { user, membership };
}

export type TestMember = Awaited<ReturnType<typeof createMember>>;
