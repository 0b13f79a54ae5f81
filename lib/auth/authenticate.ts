import { db } from "../db/client";
import { dummyHash, verifyPassword } from "../security/password";
import { normalizeEmail } from "../users/email";

/**
 * The user for these credentials, or null. Unknown email, wrong password and an account with no
 * active membership all return null after the same password-hashing work.
 */
export async function authenticate(email: string, password: string) {
  const user = await db().user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, email: true, passwordHash: true, sessionVersion: true, memberships: { where: { status: "ACTIVE" }, select: { id: true } } },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !user.passwordHash || !ok || user.memberships.length === 0) return null;
  return { id: user.id, email: user.email, sessionVersion: user.sessionVersion };
}
