import type { Db } from "../db/client";

/** How long a signed-in session lasts (the cookie's lifetime too). */
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 12;

/** Records a new signed-in session for the user and returns its id (kept in the cookie). */
export async function startSession(db: Db, userId: string): Promise<string> {
  const now = Date.now();
  // The user's long-dead rows go as a new one arrives, so the table stays the size of live sessions.
  await db.authSession.deleteMany({ where: { userId, expiresAt: { lt: new Date(now - SESSION_MAX_AGE_SECONDS * 1000) } } });
  const session = await db.authSession.create({
    data: { userId, expiresAt: new Date(now + SESSION_MAX_AGE_SECONDS * 1000) },
    select: { id: true },
  });
  return session.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a cookie's session still stands: its row exists, is not signed out, belongs to that user,
 * has not outlived its absolute lifetime (renewing the cookie does not extend it), and the user's
 * session version has not moved on (password change, sign out everywhere, deactivation).
 */
export async function sessionIsLive(db: Db, sessionId: unknown, userId: unknown, sessionVersion: unknown): Promise<boolean> {
  if (
    typeof sessionId !== "string" ||
    !UUID.test(sessionId) ||
    typeof userId !== "string" ||
    !UUID.test(userId) ||
    typeof sessionVersion !== "number"
  )
    return false;
  const live = await db.authSession.count({
    where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: new Date() }, user: { sessionVersion } },
  });
  return live === 1;
}

/** Signing out: this session ends on the server, whoever still holds a copy of its cookie. */
export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
