import type { Db } from "../db/client";
import { signInAccount } from "../db/cross-tenant";
import { dummyHash, verifyPassword } from "../security/password";
import { addressBucket, countAttempt, LIMITS, rateLimitCount, releaseAttempt } from "../security/rate-limit";
import { normalizeEmail } from "../web/form-fields";

/**
 * Failed guesses at one account, from anywhere, slow every further attempt at it down (doubling from
 * `firstDelayMs` up to `maxDelayMs`) instead of locking it: a stranger can make the owner wait a few
 * seconds, never shut them out (OWASP). Guesses from one address are capped per account and overall.
 */
export type Slowdown = { freeFailures: number; firstDelayMs: number; maxDelayMs: number; windowSeconds: number };
export const SIGN_IN_SLOWDOWN: Slowdown = { freeFailures: 5, firstDelayMs: 500, maxDelayMs: 8_000, windowSeconds: 15 * 60 };

export function slowdownDelay(failures: number, { freeFailures, firstDelayMs, maxDelayMs }: Slowdown): number {
  if (failures <= freeFailures) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failures - freeFailures - 1, 30));
}

/**
 * The user for these credentials, or null. Unknown email, wrong password, an account with no live
 * membership (deactivated everywhere, or an expired implementation admin), one waiting for its
 * reactivation reset, and a rate-limited attempt all return null after the same password-hashing work, so
 * neither the answer nor its timing tells them apart (the slowdown is the same for an unknown email).
 */
export async function authenticate(
  db: Db,
  email: string,
  password: string,
  ipAddress: string | null,
  slowdown: Slowdown = SIGN_IN_SLOWDOWN,
) {
  const normalized = normalizeEmail(email);
  const bucket = addressBucket(ipAddress);
  // Every attempt is counted up front, atomically, so a burst of parallel guesses meets the limits as a
  // sequence would; a right password gives its attempt back, so signing in correctly uses up nothing.
  // An unknown address has no buckets: one stranger must not use up a limit shared by everyone.
  const limited =
    bucket === null
      ? []
      : [
          { key: `sign-in:account-address:${normalized}:${bucket}`, limit: LIMITS.signInPerAccountAndAddress },
          { key: `sign-in:address:${bucket}`, limit: LIMITS.signInPerAddress },
        ];
  const failuresKey = `sign-in:failures:${normalized}`;
  const failuresWindow = { limit: Number.MAX_SAFE_INTEGER, windowSeconds: slowdown.windowSeconds };
  const [counts, failures] = await Promise.all([
    Promise.all(limited.map(({ key, limit }) => countAttempt(db, key, limit))),
    rateLimitCount(db, failuresKey, failuresWindow),
  ]);
  const blocked = limited.some(({ limit }, i) => counts[i] > limit.limit);
  const delay = slowdownDelay(failures, slowdown);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  const user = await signInAccount(db, normalized);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (blocked) return null;
  if (!ok) {
    // Only guesses that were actually weighed slow the account down.
    await countAttempt(db, failuresKey, failuresWindow);
    return null;
  }
  await Promise.all(limited.map(({ key }) => releaseAttempt(db, key)));
  // A reactivated account must use its emailed reset link before it signs in again.
  if (!user || !user.passwordHash || user.passwordResetRequired || user.memberships.length === 0) return null;
  return { id: user.id, email: user.email, sessionVersion: user.sessionVersion };
}
