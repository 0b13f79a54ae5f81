import { cache } from "react";
import { db, type Db } from "../db/client";
import { currentUser } from "./session";
import type { Actor } from "../authz/actor";
import { liveMembership } from "./live";

// Identity lookups run across organisations by nature (which organisations is this user in?), so they
// use the plain client; everything after them goes through the scoped layer (lib/db/tenant.ts).


/**
 * The user's membership that grants access now in the organisation with this slug, or null. A missing
 * organisation, a foreign one and a deactivated or expired membership all look the same.
 */
export function findLiveMembership(client: Db, userId: string, orgSlug: string) {
  return client.membership.findFirst({
    where: { userId, organization: { slug: orgSlug }, ...liveMembership() },
    select: { id: true, role: true, lastActiveAt: true, organization: { select: { id: true, name: true, slug: true } } },
  });
}

/** "Last active" is kept to the nearest few minutes: at most one write per member per this interval. */
export const LAST_ACTIVE_RESOLUTION_MS = 5 * 60_000;

export async function touchLastActive(client: Db, membership: { id: string; lastActiveAt: Date | null; organization: { id: string } }, now = new Date()) {
  if (membership.lastActiveAt && now.getTime() - membership.lastActiveAt.getTime() < LAST_ACTIVE_RESOLUTION_MS) return false;
  // Conditional, so concurrent requests of one member write once.
  const { count } = await client.membership.updateMany({
    where: {
      organizationId: membership.organization.id,
      id: membership.id,
      OR: [{ lastActiveAt: null }, { lastActiveAt: { lt: new Date(now.getTime() - LAST_ACTIVE_RESOLUTION_MS) } }],
    },
    data: { lastActiveAt: now },
  });
  return count === 1;
}

/** The signed-in user's live membership in the organisation with this slug, or null. */
export const currentMember = cache(async (orgSlug: string) => {
  const user = await currentUser();
  if (!user) return null;
  const membership = await findLiveMembership(db(), user.id, orgSlug);
  if (!membership) return null;
  await touchLastActive(db(), membership);
  return { user, membershipId: membership.id, role: membership.role, organization: membership.organization };
});

export type Member = NonNullable<Awaited<ReturnType<typeof currentMember>>>;

/** Organisations the user can switch to. */
export async function activeOrganizations(userId: string, client: Db = db()) {
  const rows = await client.membership.findMany({
    where: { userId, ...liveMembership() },
    select: { organization: { select: { name: true, slug: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.map((r) => r.organization);
}

/** The member as the Actor that services take. */
export function memberActor(member: Member, ipAddress: string | null = null): Actor {
  return { userId: member.user.id, membershipId: member.membershipId, organizationId: member.organization.id, role: member.role, ipAddress };
}
