import { setTimeout as delay } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidLinkError, processPasswordResetRequests, requestPasswordReset, resetPassword } from "../../lib/auth/password-reset";
import { RateLimitedError } from "../../lib/errors";
import { hashPassword, verifyPassword } from "../../lib/security/password";
import { hashToken } from "../../lib/security/tokens";
import { createMember, createOrganization, unique } from "../factories";
import { testDb } from "../support/db";
import { detectableDelay, median, sameTime, timePairs } from "../support/timing";
import { recordFigures } from "../support/figures";

const db = testDb();
let orgId: string;
const TIMED_CALLS = 30;
const WARM_UP = 3;

beforeAll(async () => {
  orgId = (await createOrganization(db)).id;
});

async function member(status: "ACTIVE" | "DEACTIVATED" = "ACTIVE") {
  const email = `reset-${unique()}@example.test`;
  const { user } = await createMember(db, orgId, { role: "COACH", email, status, passwordHash: await hashPassword("old password 123") });
  return { email, user };
}

/** The token in the newest reset email sent to this address, read from the message a person gets. */
async function tokenFromEmail(email: string): Promise<string> {
  await processPasswordResetRequests(db); // what the outbox worker does after the answer
  const message = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: email }, orderBy: { createdAt: "desc" } });
  const match = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(message.text);
  expect(match, "the email carries a reset link").not.toBeNull();
  expect(message.text).toContain("http://localhost:3000/reset-password/"); // built from APP_URL
  return match![1];
}

describe("the reset email's language", () => {
  it("is the account's own, else the organisation's for them, else the page's the request came from", async () => {
    const newest = async (email: string) => {
      await processPasswordResetRequests(db);
      return db.emailOutbox.findFirstOrThrow({ where: { toAddress: email }, orderBy: { createdAt: "desc" } });
    };
    const plain = await member();
    await requestPasswordReset(db, plain.email, "192.0.2.70", "fr");
    expect((await newest(plain.email)).subject).toBe("Réinitialisez votre mot de passe Pathwise");
    const german = await member();
    await db.user.update({ where: { id: german.user.id }, data: { locale: "de" } });
    await requestPasswordReset(db, german.email, "192.0.2.71", "fr");
    const mail = await newest(german.email);
    expect(mail.subject).toBe("Setzen Sie Ihr Pathwise-Passwort zurück");
    expect(mail.html).toContain('<html lang="de"');
    // The positive control: the same request from an English page, for an account with no language, is English.
    const english = await member();
    await requestPasswordReset(db, english.email, "192.0.2.72", "en");
    expect((await newest(english.email)).subject).toBe("Reset your Pathwise password");
  });
});

describe("password reset", () => {
  it("emails a single-use link whose token is stored only as a hash", async () => {
    const { email, user } = await member();
    await requestPasswordReset(db, email, "192.0.2.50", "en");
    const token = await tokenFromEmail(email);
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16); // 128+ bits

    const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    recordFigures("password-reset", { rawTokensInDatabase: JSON.stringify(rows).includes(token) ? 1 : 0 });

    await resetPassword(db, token, "a fresh new passphrase");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash!, "a fresh new passphrase")).toBe(true);
    expect(after.sessionVersion).toBe(1);
    await expect(resetPassword(db, token, "another passphrase here")).rejects.toThrow(InvalidLinkError);
  });

  it("says the same and sends nothing for an unknown email or a deactivated account", async () => {
    const unknown = `nobody-${unique()}@example.test`;
    const { email: deactivated } = await member("DEACTIVATED");
    await expect(requestPasswordReset(db, unknown, "192.0.2.51", "en")).resolves.toBeUndefined();
    await expect(requestPasswordReset(db, deactivated, "192.0.2.51", "en")).resolves.toBeUndefined();
    await processPasswordResetRequests(db);
    expect(await db.emailOutbox.count({ where: { toAddress: { in: [unknown, deactivated] } } })).toBe(0);
  });

  it("refuses an expired link, and a new request kills the earlier link", async () => {
    const { email, user } = await member();
    await requestPasswordReset(db, email, "192.0.2.52", "en");
    const first = await tokenFromEmail(email);
    await requestPasswordReset(db, email, "192.0.2.52", "en");
    const second = await tokenFromEmail(email);
    expect(second).not.toBe(first);
    await expect(resetPassword(db, first, "a fresh new passphrase")).rejects.toThrow(InvalidLinkError);

    await db.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword(db, second, "a fresh new passphrase")).rejects.toThrow(InvalidLinkError);
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!, "old password 123")).toBe(
      true,
    );
  });

  it("of 20 simultaneous uses of one link, exactly one succeeds", async () => {
    const { email } = await member();
    await requestPasswordReset(db, email, "192.0.2.53", "en");
    const token = await tokenFromEmail(email);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => resetPassword(db, token, `parallel passphrase ${i}`)));
    const successes = results.filter((r) => r.status === "fulfilled").length;
    recordFigures("password-reset", { parallelTokenUses: 20, doubleSuccesses: Math.max(0, successes - 1) });
    expect(successes).toBe(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof InvalidLinkError)).toHaveLength(19);
  });

  it("answers an existing and an unknown email after the same work: medians over alternating calls agree", async () => {
    // Each call uses a fresh account or address and client address, so no rate limit is met.
    const existing = await Promise.all(Array.from({ length: 2 * (TIMED_CALLS + WARM_UP) }, () => member()));
    const address = (i: number) => `198.51.${100 + (i % 2)}.${Math.floor(i / 2) % 250}`;
    const { first: known, second: unknown } = await timePairs(
      TIMED_CALLS,
      WARM_UP,
      (i) => requestPasswordReset(db, existing[i].email, address(2 * i), "en"),
      (i) => requestPasswordReset(db, `nobody-${unique()}@example.test`, address(2 * i + 1), "en"),
    );
    const [k, u] = [median(known), median(unknown)];
    expect(sameTime(known, unknown), `median ${k.toFixed(2)} ms for an account, ${u.toFixed(2)} ms for an unknown address`).toBe(true);
    // The self-check: the same comparison sees a known delay added to the unknown address's side.
    const extra = detectableDelay(known, unknown);
    const later = TIMED_CALLS + WARM_UP;
    const slowed = await timePairs(
      TIMED_CALLS,
      WARM_UP,
      (i) => requestPasswordReset(db, existing[later + i].email, address(2 * (later + i)), "en"),
      (i) => requestPasswordReset(db, `nobody-${unique()}@example.test`, address(2 * (later + i) + 1), "en").then(() => delay(extra)),
    );
    expect(sameTime(slowed.first, slowed.second), `${extra.toFixed(2)} ms added to one side is seen`).toBe(false);
    recordFigures("password-reset", {
      timedResetRequests: known.length + unknown.length + slowed.first.length + slowed.second.length,
      timingSelfChecks: 1,
    });
  });

  it("sends each requested link once when several workers compose the mail at once", async () => {
    const accounts = await Promise.all(Array.from({ length: 6 }, () => member()));
    for (const [i, { email }] of accounts.entries()) await requestPasswordReset(db, email, `192.0.2.${60 + i}`, "en");
    await Promise.all([processPasswordResetRequests(db, 2), processPasswordResetRequests(db, 2), processPasswordResetRequests(db, 2)]);
    expect(await db.emailOutbox.count({ where: { toAddress: { in: accounts.map((a) => a.email) } } })).toBe(6);
    expect(await db.passwordResetRequest.count({ where: { email: { in: accounts.map((a) => a.email) } } })).toBe(0);
  });

  it("is rate-limited per account", async () => {
    const { email } = await member();
    for (let i = 0; i < 3; i++) await requestPasswordReset(db, email, `198.51.100.${60 + i}`, "en");
    await expect(requestPasswordReset(db, email, "198.51.100.99", "en")).rejects.toThrow(RateLimitedError);
  });
});
