import type { Db } from "../db/client";
import { liveMembership } from "./live";
import { dummyHash, verifyPassword } from "../security/password";
import { hitRateLimit, LIMITS, rateLimitCount } from "../security/rate-limit";
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
export async function authenticate(db: Db, email: string, password: string, ipAddress: string | null, slowdown: Slowdown = SIGN_IN_SLOWDOWN) {
  const normalized = normalizeEmail(email);
  const address = ipAddress ?? "unknown";
  // Only failures count: a person signing in correctly, however often, never uses up a limit.
  const failures = { account: `sign-in:failures:${normalized}`, pair: `sign-in:account-address:${normalized}:${address}`, address: `sign-in:address:${address}` };
  const [accountFailures, pairFailures, addressFailures] = await Promise.all([
    rateLimitCount(db, failures.account, { limit: 0, windowSeconds: slowdown.windowSeconds }),
    rateLimitCount(db, failures.pair, LIMITS.signInPerAccountAndAddress),
    rateLimitCount(db, failures.address, LIMITS.signInPerAddress),
  ]);
  const blocked = pairFailures >= LIMITS.signInPerAccountAndAddress.limit || addressFailures >= LIMITS.signInPerAddress.limit;
  const delay = slowdownDelay(accountFailures, slowdown);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  const user = await db.user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, passwordHash: true, passwordResetRequired: true, sessionVersion: true, memberships: { where: liveMembership(), select: { id: true } } },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!ok || blocked) {
    await Promise.all([
      hitRateLimit(db, failures.account, { limit: Number.MAX_SAFE_INTEGER, windowSeconds: slowdown.windowSeconds }),
      hitRateLimit(db, failures.pair, LIMITS.signInPerAccountAndAddress),
      hitRateLimit(db, failures.address, LIMITS.signInPerAddress),
    ]);
    return null;
  }
  // A reactivated account must use its emailed reset link before it signs in again.
  if (!user || !user.passwordHash || user.passwordResetRequired || user.memberships.length === 0) return null;
  return { id: user.id, email: user.email, sessionVersion: user.sessionVersion };
}
