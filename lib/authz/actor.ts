import type { Role } from "../db/generated/enums";

/** Who is acting, in which organisation: what every tenant service takes first. */
export type Actor = {
  userId: string;
  membershipId: string;
  organizationId: string;
  role: Role;
  ipAddress?: string | null;
};

/** A signed-in member as the Actor that services take (what lib/auth/member.ts's currentMember finds). */
export function memberActor(
  member: { user: { id: string }; membershipId: string; role: Role; organization: { id: string } },
  ipAddress: string | null = null,
): Actor {
  return {
    userId: member.user.id,
    membershipId: member.membershipId,
    organizationId: member.organization.id,
    role: member.role,
    ipAddress,
  };
}
