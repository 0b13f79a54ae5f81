import { cache } from "react";
import { db } from "../db/client";
import { currentUser } from "./session";
import type { Actor } from "../authz/actor";

// A membership that grants access now: active, and not past an implementation admin's expiry.
const live = () => ({ status: "ACTIVE" as const, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] });

/**
 * The signed-in user's active membership in the organisation with this slug, or null. A missing
 * organisation, a foreign one and a deactivated or expired membership all look the same.
 */
export const currentMember = cache(async (orgSlug: string) => {
  const user = await currentUser();
  if (!user) return null;
  const membership = await db().membership.findFirst({
    where: {
      userId: user.id,
      organization: { slug: orgSlug },
      ...live(),
    },
    select: { id: true, role: true, organization: { select: { id: true, name: true, slug: true } } },
  });
  if (!membership) return null;
  return { user, membershipId: membership.id, role: membership.role, organization: membership.organization };
});

export type Member = NonNullable<Awaited<ReturnType<typeof currentMember>>>;

/** Organisations the user can switch to. */
export async function activeOrganizations(userId: string) {
  const rows = await db().membership.findMany({
    where: { userId, ...live() },
    select: { organization: { select: { name: true, slug: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.map((r) => r.organization);
}

/** The member as the Actor that services take. */
export function memberActor(member: Member, ipAddress: string | null = null): Actor {
  return { userId: member.user.id, membershipId: member.membershipId, organizationId: member.organization.id, role: member.role, ipAddress };
}
