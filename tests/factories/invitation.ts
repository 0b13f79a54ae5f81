import type { Db } from "../../lib/db/client";
import type { Role } from "../../lib/db/generated/enums";
import { generateToken } from "../../lib/security/tokens";
import { createMember } from "./member";
import { withDefaults } from "./unique";

export type InvitationOverrides = {
  /** The pending membership it is for; by default a new INVITED member with `email` and `role`. */
  member?: { user: { email: string }; membership: { id: string; role: Role } };
  email?: string;
  role?: Role;
  invitedById?: string | null;
  message?: string;
  expiresAt?: Date;
  acceptedAt?: Date | null;
  cancelledAt?: Date | null;
};

/**
 * A pending invitation, stored as the app stores one (only the token's SHA-256), with the raw token
 * that its link carries, for accept tests. Nothing is emailed.
 */
export async function createInvitation(db: Db, organizationId: string, { member, email, role, ...overrides }: InvitationOverrides = {}) {
  const invited = member ?? (await createMember(db, organizationId, { role: role ?? "PARTICIPANT", status: "INVITED", email }));
  const { token, hash } = generateToken();
  const invitation = await db.invitation.create({
    data: withDefaults(
      {
        organizationId,
        membershipId: invited.membership.id,
        email: invited.user.email,
        role: role ?? invited.membership.role,
        tokenHash: hash,
        expiresAt: new Date(Date.now() + 14 * 86_400_000),
      },
      overrides,
    ),
  });
  return { invitation, token, ...invited };
}
