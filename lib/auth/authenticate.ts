import type { Db } from "../db/client";
import { liveMembership } from "./live";
import { dummyHash, verifyPassword } from "../security/password";
import { hitRateLimit, LIMITS } from "../security/rate-limit";
import { normalizeEmail } from "../users/email";

/**
 * The user for these credentials, or null. Unknown email, wrong password, an account with no live
 * membership (deactivated everywhere, or an expired implementation admin), one waiting for its
 * reactivation reset, and a rate-limited attempt all return null after the same password-hashing work, so
 * neither the answer nor its timing tells them apart. Limits count per account and per client address.
 */
export async function authenticate(db: Db, email: string, password: string, ipAddress: string | null) {
  const normalized = normalizeEmail(email);
  const [accountOk, addressOk] = await Promise.all([
    hitRateLimit(db, `sign-in:account:${normalized}`, LIMITS.signInPerAccount),
    hitRateLimit(db, `sign-in:address:${ipAddress ?? "unknown"}`, LIMITS.signInPerAddress),
  ]);
  const user = await db.user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, passwordHash: true, passwordResetRequired: true, sessionVersion: true, memberships: { where: liveMembership(), select: { id: true } } },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  // A reactivated account must use its emailed reset link before it signs in again.
  if (!accountOk || !addressOk || !user || !user.passwordHash || !ok || user.passwordResetRequired || user.memberships.length === 0) return null;
  return { id: user.id, email: user.email, sessionVersion: user.sessionVersion };
}
