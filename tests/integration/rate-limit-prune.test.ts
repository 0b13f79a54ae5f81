import { expect, it } from "vitest";
import { countAttempt, LIMITS, LONGEST_WINDOW_SECONDS, pruneRateLimitBuckets } from "../../lib/security/rate-limit";
import { unique } from "../factories";
import { testDb } from "../support/db";

const db = testDb();

it("prunes the rate-limit buckets whose window has ended under every limit, and nothing a limit still counts", async () => {
  const [ended, counting] = [`prune-ended:${unique()}`, `prune-counting:${unique()}`];
  for (const key of [ended, counting]) for (let i = 0; i < 3; i++) await countAttempt(db, key, LIMITS.resetPerAccount);
  // One bucket started just past the longest window, one just inside it.
  const now = new Date();
  const at = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  await db.rateLimitBucket.update({ where: { key: ended }, data: { windowStart: at(LONGEST_WINDOW_SECONDS + 1) } });
  await db.rateLimitBucket.update({ where: { key: counting }, data: { windowStart: at(LONGEST_WINDOW_SECONDS - 60) } });

  expect(await pruneRateLimitBuckets(db, now)).toBeGreaterThanOrEqual(1);
  const left = await db.rateLimitBucket.findMany({ where: { key: { in: [ended, counting] } }, select: { key: true, count: true } });
  expect(left).toEqual([{ key: counting, count: 3 }]);
  // The pruned key starts afresh, as its ended window would have; the kept one goes on counting.
  expect(await countAttempt(db, ended, LIMITS.resetPerAccount)).toBe(1);
  expect(await countAttempt(db, counting, LIMITS.resetPerAccount)).toBe(4);
});
