import { z } from "zod";
import type { Db } from "../db/client";
import { accountByEmail } from "../db/cross-tenant";
import { env } from "../env";
import { ExpectedError, fieldError, RateLimitedError } from "../errors";
import { msg } from "../i18n/msg";
import { pickLocale, type Locale } from "../i18n/locales";
import { queueEmail } from "../mail/outbox";
import { hashPassword, verifyPassword } from "../security/password";
import { hitAddressLimit, hitRateLimit, LIMITS, type RateLimit } from "../security/rate-limit";
import { generateToken, hashToken } from "../security/tokens";
import { createWithOwner, type SignUpInput } from "./create";

export const SIGN_UP_LINK_HOURS = 24;

/** What the sign-up form says for every address, new or taken: nothing here depends on the account. */
export const SIGN_UP_SENT = msg("SignUp.server.sent", { hours: SIGN_UP_LINK_HOURS });

// Per recipient, on top of the per-client-address limit on the form: a stranger cannot flood one
// inbox with confirmation or "you already have an account" mails. Applied by the worker, so the form's
// answer does not change when it is reached.
const MAILS_PER_RECIPIENT: RateLimit = { limit: 5, windowSeconds: 60 * 60 };

/**
 * Self-serve sign-up, first step: writes the request (the password only as argon2id) and answers.
 * Nothing about the address is looked up here, so the answer and the work before it are the same
 * whether or not the address has an account; processSignUpRequests then emails the right message.
 */
export async function signUp(db: Db, input: SignUpInput, ipAddress: string | null, locale: Locale): Promise<void> {
  if (!(await hitAddressLimit(db, "sign-up", ipAddress, LIMITS.signUpPerAddress))) throw new RateLimitedError();
  const { password, ...rest } = input;
  const passwordHash = await hashPassword(password);
  await db.signUpRequest.create({
    data: { ...rest, locale, passwordHash, expiresAt: new Date(Date.now() + SIGN_UP_LINK_HOURS * 3_600_000) },
    select: { id: true },
  });
}

/**
 * The part of sign-up that depends on the address (the outbox worker runs it after the answer): a new
 * address gets a confirmation link, whose hash is stored on the request; an address with an account
 * gets a note to sign in instead, with no link, and its request goes. Rows are claimed with SKIP
 * LOCKED inside the transaction that queues the mail, so nothing is sent twice or lost.
 */
export async function processSignUpRequests(db: Db, batch = 20): Promise<number> {
  let handled = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const requests = await tx.$queryRaw<
        { id: string; email: string; firstName: string; organizationName: string; locale: string | null }[]
      >`
        SELECT "id", "email", "firstName", "organizationName", "locale" FROM "SignUpRequest"
         WHERE "processedAt" IS NULL ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
      for (const request of requests) {
        const allowed = await hitRateLimit(tx, `sign-up:mail:${request.email}`, MAILS_PER_RECIPIENT);
        const user = await accountByEmail(tx, request.email);
        if (!allowed || user) {
          await tx.signUpRequest.delete({ where: { id: request.id } });
          if (allowed && user) {
            await queueEmail(tx, {
              organizationId: null,
              to: request.email,
              template: "sign-up-existing",
              props: {
                firstName: user.firstName,
                signInUrl: new URL("/sign-in", env().APP_URL).toString(),
                resetUrl: new URL("/forgot-password", env().APP_URL).toString(),
              },
              locale: pickLocale(user.locale, request.locale),
            });
          }
          continue;
        }
        const { token, hash } = generateToken();
        await tx.signUpRequest.update({ where: { id: request.id }, data: { tokenHash: hash, processedAt: new Date() } });
        await queueEmail(tx, {
          organizationId: null,
          to: request.email,
          template: "sign-up-confirm",
          props: {
            firstName: request.firstName,
            organizationName: request.organizationName,
            url: new URL(`/sign-up/verify/${token}`, env().APP_URL).toString(),
            expiresInHours: SIGN_UP_LINK_HOURS,
          },
          locale: pickLocale(request.locale),
        });
      }
      return requests.length;
    });
    handled += count;
    if (count < batch) break;
  }
  // Requests are kept a day past their expiry (an expired link still finds its row and says so), then go.
  await db.signUpRequest.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 86_400_000) } } });
  return handled;
}

/** Expired, used or unknown: one answer for all three. */
export class InvalidSignUpLinkError extends ExpectedError {
  constructor() {
    super(msg("SignUp.server.linkInvalid"));
  }
}

export const verifySignUpSchema = z.strictObject({
  token: z.string().min(20).max(200),
  password: z.string().min(1, msg("SignUp.server.passwordMissing")).max(1024),
});

const live = () => ({ usedAt: null, expiresAt: { gt: new Date() } });

/** What the confirmation page shows for a token, or null when the link does not work. */
export async function findSignUpRequest(db: Db, token: string) {
  if (token.length < 20 || token.length > 200) return null;
  return db.signUpRequest.findUnique({
    where: { tokenHash: hashToken(token), ...live() },
    select: { email: true, organizationName: true, firstName: true, lastName: true },
  });
}

/**
 * Confirms a sign-up: with the link and the password chosen on the form, creates the user, the
 * organisation and the OWNER membership in one transaction. The link is consumed by one conditional
 * UPDATE in that transaction, so of many simultaneous uses exactly one creates anything. Asking for
 * the password again means a link mailed for a sign-up someone else started cannot make the address
 * owner adopt a password the stranger knows. Rate-limited per client address and link.
 */
export async function verifySignUp(db: Db, input: z.infer<typeof verifySignUpSchema>, ipAddress: string | null) {
  const tokenHash = hashToken(input.token);
  const [addressOk, linkOk] = await Promise.all([
    hitAddressLimit(db, "sign-up-verify", ipAddress, LIMITS.acceptPerAddress),
    hitRateLimit(db, `sign-up-verify:link:${tokenHash}`, LIMITS.acceptPerInvitation),
  ]);
  if (!addressOk || !linkOk) throw new RateLimitedError();

  const request = await db.signUpRequest.findUnique({ where: { tokenHash, ...live() } });
  if (!request) throw new InvalidSignUpLinkError();
  if (!(await verifyPassword(request.passwordHash, input.password))) throw fieldError("password", msg("SignUp.server.wrongPassword"));

  // The language they signed up in becomes their organisation's (each member may still choose their own).
  const created = await createWithOwner(db, request.organizationName, ipAddress, pickLocale(request.locale), {
    create: async (tx) => {
      const consumed = await tx.$executeRaw`
        UPDATE "SignUpRequest" SET "usedAt" = now()
         WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "expiresAt" > now()`;
      if (consumed !== 1) throw new InvalidSignUpLinkError();
      const { email, firstName, lastName, timezone, passwordHash } = request;
      return (await tx.user.create({ data: { email, firstName, lastName, timezone, passwordHash }, select: { id: true } })).id;
    },
  });
  return { ...created, email: request.email };
}
