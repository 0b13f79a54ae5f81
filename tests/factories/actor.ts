import type { Actor } from "../../lib/authz/actor";
import type { Db } from "../../lib/db/client";
import type { Role } from "../../lib/db/generated/enums";
import { createMember } from "./index";

/** A member of the organisation with this role, as the Actor services take. */
export async function createActor(db: Db, organizationId: string, role: Role, extra: { passwordHash?: string; email?: string } = {}): Promise<Actor & { email: string }> {
  const { user, membership } = await createMember(db, organizationId, { role, ...extra });
  return { userId: user.id, membershipId: membership.id, organizationId, role, ipAddress: "192.0.2.10", email: user.email };
}
