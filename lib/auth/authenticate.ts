import type { Db } from "../db/client";
import { dummyHash, verifyPassword } from "../security/password";
import { hitRateLimit, LIMITS } from "../security/rate-limit";
import { normalizeEmail } from "../users/email";

/**
 * The user for these credentials, or null. Unknown email, wrong password, an account with no active
 * membership and a rate-limited attempt all return null after the same password-hashing work, so
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
    select: { id: true, email: true, passwordHash: true, sessionVersion: true, memberships: { where: { status: "ACTIVE" }, select: { id: true } } },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!accountOk || !addressOk || !user || !user.passwordHash || !ok || user.memberships.length === 0) return null;
  return { id: user.id, email: user.email, sessionVersion: user.sessionVersion };
}
