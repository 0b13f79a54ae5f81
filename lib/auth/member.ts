import { cache } from "react";
import { db, type Db } from "../db/client";
import { findLiveMembership } from "../db/cross-tenant";
import { tenantDb } from "../db/tenant";
import { currentUser, type CurrentUser } from "./session";

// Pages build the Actor services take from the member with memberActor.
export { memberActor } from "../authz/actor";

// Which organisation a request is in is found across organisations (lib/db/cross-tenant.ts); everything
// after that goes through the scoped layer (lib/db/tenant.ts).

/** "Last active" is kept to the nearest few minutes: at most one write per member per this interval. */
export const LAST_ACTIVE_RESOLUTION_MS = 5 * 60_000;

export async function touchLastActive(
  client: Db,
  membership: { id: string; lastActiveAt: Date | null; organization: { id: string } },
  now = new Date(),
) {
  if (membership.lastActiveAt && now.getTime() - membership.lastActiveAt.getTime() < LAST_ACTIVE_RESOLUTION_MS) return false;
  // Conditional, so concurrent requests of one member write once.
  const { count } = await tenantDb(client, membership.organization.id).membership.updateMany({
    where: {
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
  return memberOf(user, membership);
});

/** The member a request acts as: the user, and their live membership (findLiveMembership). */
export function memberOf(user: CurrentUser, membership: NonNullable<Awaited<ReturnType<typeof findLiveMembership>>>) {
  return { user, membershipId: membership.id, role: membership.role, locale: membership.locale, organization: membership.organization };
}

export type Member = NonNullable<Awaited<ReturnType<typeof currentMember>>>;
