import type { Tx } from "../db/client";

export type RateLimit = { limit: number; windowSeconds: number };

export const LIMITS = {
  // Failed sign-ins at one account from one address, and from one address at all; an account as a
  // whole is never locked (lib/auth/authenticate.ts slows it down instead).
  signInPerAccountAndAddress: { limit: 10, windowSeconds: 15 * 60 },
  signInPerAddress: { limit: 50, windowSeconds: 15 * 60 },
  resetPerAccount: { limit: 3, windowSeconds: 60 * 60 },
  resetPerAddress: { limit: 20, windowSeconds: 60 * 60 },
  signUpPerAddress: { limit: 10, windowSeconds: 60 * 60 },
  resendPerInvitation: { limit: 5, windowSeconds: 60 * 60 },
  acceptPerAddress: { limit: 30, windowSeconds: 15 * 60 },
  acceptPerInvitation: { limit: 20, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimit>;

/**
 * Counts one attempt against `key` in a fixed window and says whether it is within the limit.
 * One atomic upsert: concurrent attempts can't slip past the count.
 */
export async function hitRateLimit(db: Tx, key: string, { limit, windowSeconds }: RateLimit): Promise<boolean> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count"`;
  return row.count <= limit;
}

/** The attempts counted against `key` in its current window, without counting one more. */
export async function rateLimitCount(db: Tx, key: string, { windowSeconds }: RateLimit): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT "count" FROM "RateLimitBucket" WHERE "key" = ${key} AND "windowStart" >= now() - make_interval(secs => ${windowSeconds})`;
  return row?.count ?? 0;
}
