import type { Db } from "../../lib/db/client";
import type { MembershipStatus, Role } from "../../lib/db/generated/enums";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export async function createOrganization(db: Db, overrides: { name?: string; seatLimit?: number } = {}) {
  const id = unique();
  return db.organization.create({ data: { name: overrides.name ?? `Org ${id}`, slug: `org-${id}`, seatLimit: overrides.seatLimit ?? 25 } });
}

export async function createMember(
  db: Db,
  organizationId: string,
  {
    role = "PARTICIPANT",
    status = "ACTIVE",
    email,
    passwordHash = null,
    expiresAt = null,
  }: { role?: Role; status?: MembershipStatus; email?: string; passwordHash?: string | null; expiresAt?: Date | null } = {},
) {
  const user = await db.user.create({
    data: { email: email ?? `user-${unique()}@example.test`, firstName: "Test", lastName: role.toLowerCase(), passwordHash },
  });
  const membership = await db.membership.create({
    data: { organizationId, userId: user.id, role, status, expiresAt, joinedAt: status === "ACTIVE" || status === "DEACTIVATED" ? new Date() : null },
  });
  return { user, membership };
}
