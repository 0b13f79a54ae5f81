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
  // Submission keys claimed from anonymous posts of public forms (lib/actions/core.ts): far more than
  // one person fills in; past it a post is still served, only without the double-submit guard.
  publicSubmissionsPerAddress: { limit: 30, windowSeconds: 60 * 60 },
  // Uploads by one membership, counted in files and in bytes (lib/files/quota.ts): a coach's busy hour
  // after sessions fits; a script filling the organisation's storage does not.
  uploadsPerMember: { limit: 30, windowSeconds: 60 * 60 },
  uploadBytesPerMember: { limit: 500 * 1024 * 1024, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimit>;

/**
 * Counts one attempt against `key` in a fixed window and says whether it is within the limit.
 * One atomic upsert: concurrent attempts can't slip past the count.
 */
export async function hitRateLimit(db: Tx, key: string, limit: RateLimit): Promise<boolean> {
  return (await countAttempt(db, key, limit)) <= limit.limit;
}

/**
 * A per-address limit: the same as hitRateLimit on the address's bucket (an IPv6 client's whole /64,
 * which one subscriber holds). An unknown address has no bucket: it never lets one stranger's attempts
 * use up a limit shared by everyone whose address is unknown; per-account limits still apply.
 */
export async function hitAddressLimit(db: Tx, scope: string, address: string | null, limit: RateLimit): Promise<boolean> {
  const bucket = addressBucket(address);
  return bucket === null ? true : hitRateLimit(db, `${scope}:address:${bucket}`, limit);
}

/** The rate-limit bucket of a client address: IPv4 as it is, IPv6 by its /64 prefix; null when unknown. */
export function addressBucket(address: string | null): string | null {
  if (!address) return null;
  if (!address.includes(":")) return address;
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** Counts one attempt against `key` and returns the count in the window, this attempt included. */
export async function countAttempt(db: Tx, key: string, { windowSeconds }: RateLimit): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count"`;
  return row.count;
}

/**
 * Takes `amount` (bytes, say) from `key`'s allowance in its fixed window, only if it all fits: one atomic
 * upsert whose update applies only within the limit, so concurrent takers cannot pass it together, and a
 * refused take counts nothing (unlike countAttempt).
 */
export async function takeAllowance(db: Tx, key: string, amount: number, { limit, windowSeconds }: RateLimit): Promise<boolean> {
  if (amount > limit) return false;
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, now(), ${amount})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN ${amount} ELSE "RateLimitBucket"."count" + ${amount} END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE "RateLimitBucket"."windowStart" END
    WHERE "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${windowSeconds}) OR "RateLimitBucket"."count" + ${amount} <= ${limit}
    RETURNING "count"`;
  return rows.length > 0;
}

/**
 * Gives back what countAttempt or takeAllowance counted (a sign-in that turned out right uses up nothing;
 * an upload gives back the bytes it reserved but did not send).
 */
export async function releaseAttempt(db: Tx, key: string, amount = 1): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimitBucket" SET "count" = GREATEST("count" - ${amount}, 0) WHERE "key" = ${key}`;
}

/** The attempts counted against `key` in its current window, without counting one more. */
export async function rateLimitCount(db: Tx, key: string, { windowSeconds }: RateLimit): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT "count" FROM "RateLimitBucket" WHERE "key" = ${key} AND "windowStart" >= now() - make_interval(secs => ${windowSeconds})`;
  return row?.count ?? 0;
}

/** The longest window of any limit: a bucket whose window started longer ago than this counts nothing. */
export const LONGEST_WINDOW_SECONDS = Math.max(...Object.values(LIMITS).map((l) => l.windowSeconds));

/**
 * Deletes the buckets whose window has ended under every limit, so keys made up by strangers (an
 * address per post, an email per reset request) do not pile up: a missing bucket counts as a fresh one,
 * so nothing changes for anyone. Returns how many went.
 */
export async function pruneRateLimitBuckets(db: Tx, now: Date = new Date()): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - LONGEST_WINDOW_SECONDS * 1000) } },
  });
  return count;
}
