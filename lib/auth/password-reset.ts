import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db, Tx } from "../db/client";
import { resetAccount } from "../db/cross-tenant";
import { env } from "../env";
import { ExpectedError, RateLimitedError } from "../errors";
import { pickLocale, type Locale } from "../i18n/locales";
import { queueEmail } from "../mail/outbox";
import { hashPassword } from "../security/password";
import { passwordSchema } from "../security/password-policy";
import { hitAddressLimit, hitRateLimit, LIMITS } from "../security/rate-limit";
import { generateToken, hashToken } from "../security/tokens";
import { emailSchema } from "../web/form-fields";

export const RESET_TTL_MINUTES = 60;

export const requestResetSchema = z.strictObject({ email: emailSchema });
export const resetPasswordSchema = z.strictObject({ token: z.string().min(20).max(200), password: passwordSchema });

/**
 * Takes a request for a reset link. Whether the address has an account is not looked at here: the
 * request is written as it is and answered, and processPasswordResetRequests (the outbox worker) emails
 * a link afterwards if the account can sign in. So the answer, and the time it takes, are the same for
 * every address. Rate-limited per address and account.
 */
export async function requestPasswordReset(db: Db, email: string, ipAddress: string | null, locale: Locale): Promise<void> {
  const [accountOk, addressOk] = await Promise.all([
    hitRateLimit(db, `reset:account:${email}`, LIMITS.resetPerAccount),
    hitAddressLimit(db, "reset", ipAddress, LIMITS.resetPerAddress),
  ]);
  if (!accountOk || !addressOk) throw new RateLimitedError();
  await db.passwordResetRequest.create({ data: { email, locale }, select: { id: true } });
}

/**
 * The part of a reset request that depends on the account: a link to an account that can sign in,
 * nothing otherwise. Rows are claimed with SKIP LOCKED and removed in the transaction that queues the
 * mail, so several workers never send one twice and a crash loses nothing. Returns how many it handled.
 */
export async function processPasswordResetRequests(db: Db, batch = 20): Promise<number> {
  let handled = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const requests = await tx.$queryRaw<{ email: string; locale: string | null }[]>`
        DELETE FROM "PasswordResetRequest" WHERE "id" IN (
          SELECT "id" FROM "PasswordResetRequest" ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)
        RETURNING "email", "locale"`;
      for (const { email, locale } of requests) {
        const user = await resetAccount(tx, email);
        if (!user || user.memberships.length === 0) continue;
        const [membership] = user.memberships;
        const url = await issueResetToken(tx, user.id, RESET_TTL_MINUTES);
        await queueEmail(tx, {
          organizationId: null,
          to: email,
          template: "password-reset",
          props: { firstName: user.firstName, url, expiresInMinutes: RESET_TTL_MINUTES },
          // Their own language; else their organisation's for them; else the page they asked from.
          locale: pickLocale(user.locale, membership.locale, locale, membership.organization.defaultLocale),
        });
      }
      return requests.length;
    });
    handled += count;
    if (count < batch) return handled;
  }
}

/** A fresh single-use reset link for the user (any earlier one dies); only its hash is stored. */
export async function issueResetToken(tx: Tx, userId: string, ttlMinutes: number): Promise<string> {
  const { token, hash } = generateToken();
  await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  await tx.passwordResetToken.create({ data: { userId, tokenHash: hash, expiresAt: new Date(Date.now() + ttlMinutes * 60_000) } });
  return new URL(`/reset-password/${token}`, env().APP_URL).toString();
}

export class InvalidLinkError extends ExpectedError {
  constructor() {
    super(msg("Auth.server.linkExpired"));
  }
}

/**
 * Sets a new password with a reset token. The token is consumed by one conditional UPDATE, so of
 * many simultaneous uses exactly one succeeds; every session of the user ends.
 */
export async function resetPassword(db: Db, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const consumed = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE "PasswordResetToken" SET "usedAt" = now()
       WHERE "tokenHash" = ${hashToken(token)} AND "usedAt" IS NULL AND "expiresAt" > now()
      RETURNING "userId"`;
    if (consumed.length !== 1) throw new InvalidLinkError();
    await tx.user.update({
      where: { id: consumed[0].userId },
      data: { passwordHash, passwordResetRequired: false, sessionVersion: { increment: 1 } },
    });
  });
}
