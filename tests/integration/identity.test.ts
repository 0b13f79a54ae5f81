import { beforeAll, describe, expect, it } from "vitest";
import { authenticate, SIGN_IN_SLOWDOWN, slowdownDelay } from "../../lib/auth/authenticate";
import { endSession, sessionIsLive, startSession } from "../../lib/auth/sessions";
import { hashPassword, verifyPassword } from "../../lib/security/password";
import { hitRateLimit, LIMITS } from "../../lib/security/rate-limit";
import { changePassword, changePasswordSchema, endAllSessions } from "../../lib/users/profile";
import { createMember, createOrganization, unique } from "../factories";
import { testDb } from "../support/db";

const db = testDb();
const PASSWORD = "correct horse battery staple";
let passwordHash: string;
let orgId: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  orgId = (await createOrganization(db)).id;
});

describe("sign-in", () => {
  it("accepts the right password for an active member, whatever the email's case", async () => {
    const email = `ok-${unique()}@example.test`;
    await createMember(db, orgId, { role: "COACH", email, passwordHash });
    expect(await authenticate(db, email.toUpperCase(), PASSWORD, "198.51.100.1")).toMatchObject({ email });
  });

  it("answers unknown email, wrong password and deactivated account alike, in similar time", async () => {
    const active = `active-${unique()}@example.test`;
    const deactivated = `gone-${unique()}@example.test`;
    await createMember(db, orgId, { role: "COACH", email: active, passwordHash });
    await createMember(db, orgId, { role: "COACH", email: deactivated, passwordHash, status: "DEACTIVATED" });

    // The median of three tries per case, so one slow moment on a busy machine doesn't decide.
    const timed = async (email: string, password: string) => {
      const runs: { result: unknown; ms: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        const result = await authenticate(db, email, password, `198.51.100.${i + 2}`);
        runs.push({ result, ms: performance.now() - start });
      }
      return runs.sort((a, b) => a.ms - b.ms)[1];
    };
    await timed(active, "warm-up-the-hasher");
    const cases = [
      await timed(`nobody-${unique()}@example.test`, PASSWORD),
      await timed(active, "wrong password here"),
      await timed(deactivated, PASSWORD),
    ];
    expect(cases.map((c) => c.result)).toEqual([null, null, null]);
    // Every case pays for one argon2id verification: none is many times faster than another.
    const times = cases.map((c) => c.ms);
    expect(Math.max(...times) / Math.min(...times)).toBeLessThan(5);
  });

  it("lets the owner sign in from their own address while a stranger hammers the account", async () => {
    const email = `hammered-${unique()}@example.test`;
    await createMember(db, orgId, { role: "COACH", email, passwordHash });
    // Small delays keep the test quick; the shape (growing, capped, per account) is the production one.
    const quick = { ...SIGN_IN_SLOWDOWN, firstDelayMs: 2, maxDelayMs: 20 };
    const attacker = "203.0.113.66";
    for (let i = 0; i < 3 * LIMITS.signInPerAccountAndAddress.limit; i++) {
      await authenticate(db, email, `guess number ${i}`, attacker, quick);
    }
    // A botnet: a few guesses from each of many addresses.
    await Promise.all(Array.from({ length: 20 }, (_, i) => authenticate(db, email, "another wrong guess", `198.18.0.${i + 1}`, quick)));

    expect(await authenticate(db, email, PASSWORD, "198.51.100.77", quick)).toMatchObject({ email });
    // The attacker's own address is the one that is stopped, even once it has guessed right.
    expect(await authenticate(db, email, PASSWORD, attacker, quick)).toBeNull();
  });

  it("slows guesses at an account down by growing, capped delays, the same for an unknown email", async () => {
    expect([0, 5, 6, 7, 8, 20].map((n) => slowdownDelay(n, SIGN_IN_SLOWDOWN))).toEqual([0, 0, 500, 1000, 2000, 8000]);
    const slow = { ...SIGN_IN_SLOWDOWN, freeFailures: 2, firstDelayMs: 300, maxDelayMs: 300 };
    for (const email of [`known-${unique()}@example.test`, `nobody-${unique()}@example.test`]) {
      if (email.startsWith("known")) await createMember(db, orgId, { role: "COACH", email, passwordHash });
      for (let i = 0; i < 3; i++) await authenticate(db, email, "wrong guess", `198.51.100.${100 + i}`, slow);
      const start = performance.now();
      expect(await authenticate(db, email, "wrong guess", "198.51.100.120", slow)).toBeNull();
      expect(performance.now() - start).toBeGreaterThanOrEqual(290);
    }
  });

  it("counts only failures: someone who signs in correctly, however often, is never limited", async () => {
    const email = `often-${unique()}@example.test`;
    await createMember(db, orgId, { role: "COACH", email, passwordHash });
    for (let i = 0; i < LIMITS.signInPerAccountAndAddress.limit + 5; i++) {
      expect(await authenticate(db, email, PASSWORD, "198.51.100.240")).toMatchObject({ email });
    }
  });

  it("meets a burst of parallel guesses with the same limits as a sequence", async () => {
    const email = `burst-${unique()}@example.test`;
    await createMember(db, orgId, { role: "COACH", email, passwordHash });
    const none = { ...SIGN_IN_SLOWDOWN, freeFailures: 1000 };
    const burst = 4 * LIMITS.signInPerAccountAndAddress.limit;
    const results = await Promise.all(
      Array.from({ length: burst }, (_, i) => authenticate(db, email, `parallel guess ${i}`, "203.0.113.77", none)),
    );
    expect(results.every((r) => r === null)).toBe(true);
    // Only the guesses within the limit were weighed: the rest were refused before the password counted.
    const weighed = await db.rateLimitBucket.findUniqueOrThrow({ where: { key: `sign-in:failures:${email}` } });
    expect(weighed.count).toBe(LIMITS.signInPerAccountAndAddress.limit);
  });

  it("keeps no shared bucket for clients whose address is unknown", async () => {
    const email = `unknown-${unique()}@example.test`;
    await createMember(db, orgId, { role: "COACH", email, passwordHash });
    const none = { ...SIGN_IN_SLOWDOWN, freeFailures: 1000 };
    for (let i = 0; i < LIMITS.signInPerAddress.limit + 5; i++)
      await authenticate(db, `stranger-${i}-${unique()}@example.test`, "guess", null, none);
    expect(await authenticate(db, email, PASSWORD, null, none)).toMatchObject({ email });
  });

  it("caps guesses from one address across accounts", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
    const email = `spread-${unique()}@example.test`;
    await createMember(db, orgId, { role: "COACH", email, passwordHash });
    const none = { ...SIGN_IN_SLOWDOWN, freeFailures: 1000 };
    for (let i = 0; i < LIMITS.signInPerAddress.limit; i++)
      await authenticate(db, `someone-${i}-${unique()}@example.test`, "guess", address, none);
    expect(await authenticate(db, email, PASSWORD, address, none)).toBeNull();
    expect(await authenticate(db, email, PASSWORD, "198.51.100.200", none)).toMatchObject({ email });
  });
});

describe("rate limits", () => {
  it("let exactly the limit through when attempts arrive at once", async () => {
    const key = `test:${unique()}`;
    const limit = { limit: 5, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(db, key, limit)));
    expect(results.filter(Boolean)).toHaveLength(5);
  });

  it("open again once the window has passed", async () => {
    const key = `test:${unique()}`;
    const limit = { limit: 1, windowSeconds: 60 };
    expect(await hitRateLimit(db, key, limit)).toBe(true);
    expect(await hitRateLimit(db, key, limit)).toBe(false);
    await db.rateLimitBucket.update({ where: { key }, data: { windowStart: new Date(Date.now() - 61_000) } });
    expect(await hitRateLimit(db, key, limit)).toBe(true);
  });
});

describe("passwords", () => {
  it("refuse short and common passwords, and accept long ones without truncating them", async () => {
    const parse = (newPassword: string) => changePasswordSchema.safeParse({ currentPassword: "x", newPassword });
    expect(parse("short").success).toBe(false);
    expect(parse("password1").success).toBe(false);
    expect(parse("Password123").success).toBe(false); // common, whatever the case
    expect(parse("a".repeat(257)).success).toBe(false);
    const long = `${"p".repeat(100)}-differs-at-the-end`;
    expect(parse(long).success).toBe(true);
    const hash = await hashPassword(long);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, `${"p".repeat(100)}-differs-at-the-END`)).toBe(false);
  });

  it("a password change needs the current password, then ends every session", async () => {
    const { user } = await createMember(db, orgId, { role: "COACH", email: `change-${unique()}@example.test`, passwordHash });
    const input = { currentPassword: "not it", newPassword: "a brand new passphrase" };
    await expect(changePassword(db, user.id, input)).rejects.toMatchObject({ fieldErrors: { currentPassword: [expect.any(String)] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(0);

    await changePassword(db, user.id, { ...input, currentPassword: PASSWORD });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(1);
    expect(await verifyPassword(after.passwordHash!, "a brand new passphrase")).toBe(true);
  });

  it("sign out everywhere bumps the session version", async () => {
    const { user } = await createMember(db, orgId, { role: "COACH" });
    await endAllSessions(db, user.id);
    await endAllSessions(db, user.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(2);
  });
});

describe("signed-in sessions", () => {
  it("signing out ends that session only; a version bump ends them all", async () => {
    const email = `sessions-${unique()}@example.test`;
    const { user } = await createMember(db, orgId, { role: "COACH", email, passwordHash });
    const laptop = await startSession(db, user.id);
    const phone = await startSession(db, user.id);
    expect(await sessionIsLive(db, laptop, user.id, 0)).toBe(true);

    await endSession(db, laptop);
    expect(await sessionIsLive(db, laptop, user.id, 0)).toBe(false);
    expect(await sessionIsLive(db, phone, user.id, 0)).toBe(true);

    // a session id is no use with another user's id, or a forged value
    const other = await createMember(db, orgId, { role: "COACH", email: `other-${unique()}@example.test`, passwordHash });
    expect(await sessionIsLive(db, phone, other.user.id, 0)).toBe(false);
    expect(await sessionIsLive(db, "' OR 1=1 --", user.id, 0)).toBe(false);

    await endAllSessions(db, user.id);
    expect(await sessionIsLive(db, phone, user.id, 0)).toBe(false);
  });
});
