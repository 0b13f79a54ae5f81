import type { Tx } from "./client";

// The deliberate reads across organisations, each with why it must see past one tenant. Everything
// else reaches tenant data through tenantDb (./tenant.ts); a new function here needs a reason as good.

/**
 * How many other organisations the user belongs to (any status). The account is global: what one
 * organisation may change about it (name, password, sessions) depends on whether it is theirs alone.
 * The tenant layer sees only this organisation, so this asks the database directly.
 */
export async function otherMemberships(tx: Tx, userId: string, organizationId: string, live = false): Promise<number> {
  const [row] = live
    ? await tx.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM "Membership"
         WHERE "userId" = ${userId}::uuid AND "organizationId" <> ${organizationId}::uuid
           AND "status" = 'ACTIVE' AND ("expiresAt" IS NULL OR "expiresAt" > now())`
    : await tx.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM "Membership" WHERE "userId" = ${userId}::uuid AND "organizationId" <> ${organizationId}::uuid`;
  return Number(row.n);
}
