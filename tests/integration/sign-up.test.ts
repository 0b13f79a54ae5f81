import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { authenticate } from "../../lib/auth/authenticate";
import { activeOrganizations } from "../../lib/db/cross-tenant";
import { RateLimitedError, ValidationError } from "../../lib/errors";
import { createOrganizationForUser, EmailTakenError, signUpSchema, slugify } from "../../lib/orgs/create";
import { findSignUpRequest, InvalidSignUpLinkError, processSignUpRequests, signUp, verifySignUp } from "../../lib/orgs/sign-up";
import { LIMITS } from "../../lib/security/rate-limit";
import { hashToken } from "../../lib/security/tokens";
import { createMember, createOrganization, unique } from "../factories";
import { testDb } from "../support/db";
import { english } from "../support/english";
import { detectableDelay, median, sameTime, timePairs } from "../support/timing";
import { recordFigures } from "../support/figures";

const db = testDb();
const PASSWORD = "a long and quiet river";
let address = 0;
// Each test signs up from its own client address, so the per-address limit is only met where tested.
const ip = () => `203.0.113.${++address}`;

function input(overrides: Partial<Record<string, string>> = {}) {
  return signUpSchema.parse({
    organizationName: `Bright Paths ${unique()}`,
    firstName: "Ada",
    lastName: "Founder",
    email: `founder-${unique()}@example.test`,
    password: PASSWORD,
    timezone: "Europe/Berlin",
    ...overrides,
  });
}

/** The newest mail to `email` with that template, as the outbox worker composed it. */
async function mailTo(email: string, template: "sign-up-confirm" | "sign-up-existing") {
  await processSignUpRequests(db); // what the outbox worker does after the answer
  return db.emailOutbox.findFirst({ where: { toAddress: email, template }, orderBy: { createdAt: "desc" } });
}

/** The token in the newest confirmation mail to `email`, read from the message a person gets. */
async function tokenFor(email: string): Promise<string> {
  const mail = await mailTo(email, "sign-up-confirm");
  const match = /http:\/\/localhost:3000\/sign-up\/verify\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "");
  expect(match, "the confirmation mail carries a link built from APP_URL").not.toBeNull();
  return match![1];
}

/** Sign-up as a person does it: the form, the emailed link, the password again. */
async function signUpAndConfirm(data: ReturnType<typeof input>) {
  await signUp(db, data, ip(), "en");
  return verifySignUp(db, { token: await tokenFor(data.email), password: PASSWORD }, ip());
}

const existsFor = async (email: string, organizationName: string) => ({
  users: await db.user.count({ where: { email } }),
  organizations: await db.organization.count({ where: { name: organizationName } }),
  memberships: await db.membership.count({ where: { user: { email } } }),
});

describe("self-serve sign-up", () => {
  it("creates nothing until the emailed link is used, and then the organisation with its first user as active OWNER, audited, able to sign in", async () => {
    const data = input({ organizationName: `Bright Paths Coaching ${unique()}` });
    await signUp(db, data, ip(), "en");
    const token = await tokenFor(data.email);
    expect(await existsFor(data.email, data.organizationName)).toEqual({ users: 0, organizations: 0, memberships: 0 });
    // Only the link's hash and the password's argon2 hash are kept.
    const stored = JSON.stringify(await db.signUpRequest.findMany({ where: { email: data.email } }));
    expect(stored).toContain(hashToken(token));
    recordFigures("sign-up", {
      rawTokensInDatabase: stored.includes(token) ? 1 : 0,
      plainPasswordsInDatabase: stored.includes(PASSWORD) ? 1 : 0,
    });
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(PASSWORD);
    expect(await findSignUpRequest(db, token)).toMatchObject({ email: data.email, organizationName: data.organizationName });

    const { slug, organizationId } = await verifySignUp(db, { token, password: PASSWORD }, ip());
    expect(slug).toBe(slugify(data.organizationName));
    const membership = await db.membership.findFirstOrThrow({ where: { organizationId }, include: { user: true } });
    expect(membership).toMatchObject({
      role: "OWNER",
      status: "ACTIVE",
      user: { email: data.email, timezone: "Europe/Berlin", firstName: "Ada" },
    });
    expect(membership.joinedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { organizationId, action: "organization.create", actorId: membership.userId } })).toBe(1);
    expect(await authenticate(db, data.email, PASSWORD, ip())).toMatchObject({ email: data.email });
    expect(await existsFor(data.email, data.organizationName)).toEqual({ users: 1, organizations: 1, memberships: 1 });

    // The link is spent: used again it creates nothing and the page says it no longer works.
    await expect(verifySignUp(db, { token, password: PASSWORD }, ip())).rejects.toThrow(InvalidSignUpLinkError);
    expect(await findSignUpRequest(db, token)).toBeNull();
    expect(await existsFor(data.email, data.organizationName)).toEqual({ users: 1, organizations: 1, memberships: 1 });
  });

  it("answers a new and a taken address alike, writes the same, and mails the owner of the taken one a note with no link", async () => {
    const existing = await createMember(db, (await createOrganization(db)).id, { role: "COACH", status: "DEACTIVATED" });
    const taken = input({ email: existing.user.email.toUpperCase() });
    const fresh = input();
    const answers = [await signUp(db, taken, ip(), "en"), await signUp(db, fresh, ip(), "en")];
    expect(answers[0]).toEqual(answers[1]);
    // The requests as written, before the worker looks at the address: the same columns filled alike.
    const shape = async (email: string) => {
      const row = await db.signUpRequest.findFirstOrThrow({ where: { email } });
      return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : typeof v]));
    };
    expect(await shape(existing.user.email)).toEqual(await shape(fresh.email));

    const note = await mailTo(existing.user.email, "sign-up-existing");
    expect(note?.subject).toMatch(/Someone tried to sign up/);
    expect(note?.text).toContain("http://localhost:3000/sign-in");
    expect(note?.text).not.toMatch(/sign-up\/verify|[A-Za-z0-9_-]{40,}/); // no token of any kind
    expect(await mailTo(existing.user.email, "sign-up-confirm")).toBeNull();
    expect(await db.signUpRequest.count({ where: { email: existing.user.email } })).toBe(0);
    expect(await db.organization.count({ where: { name: taken.organizationName } })).toBe(0);
    expect(await mailTo(fresh.email, "sign-up-confirm")).not.toBeNull();
  });

  it("takes as long for a taken address as for a new one: medians over alternating calls agree", async () => {
    const taken = await Promise.all(
      Array.from({ length: 42 }, async () =>
        createMember(db, (await createOrganization(db)).id, { role: "COACH" }).then((m) => m.user.email),
      ),
    );
    // The first pair warms up.
    const { first: a, second: b } = await timePairs(
      20,
      1,
      (i) => signUp(db, input({ email: taken[i] }), ip(), "en"),
      () => signUp(db, input({ email: `fresh-${unique()}@example.test` }), ip(), "en"),
    );
    const [m1, m2] = [median(a), median(b)];
    expect(sameTime(a, b), `median ${m1.toFixed(1)} ms for a taken address, ${m2.toFixed(1)} ms for a new one`).toBe(true);
    // The self-check: the same comparison sees a known delay added to the new address's side.
    const extra = detectableDelay(a, b);
    const slowed = await timePairs(
      20,
      1,
      (i) => signUp(db, input({ email: taken[21 + i] }), ip(), "en"),
      () => signUp(db, input({ email: `fresh-${unique()}@example.test` }), ip(), "en").then(() => delay(extra)),
    );
    expect(sameTime(slowed.first, slowed.second), `${extra.toFixed(1)} ms added to one side is seen`).toBe(false);
    recordFigures("sign-up", { timedSignUps: a.length + b.length + slowed.first.length + slowed.second.length, timingSelfChecks: 1 });
  });

  it("refuses the link without the password chosen on the form, creating nothing", async () => {
    const data = input();
    await signUp(db, data, ip(), "en");
    const token = await tokenFor(data.email);
    const error = await verifySignUp(db, { token, password: "not the password at all" }, ip()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(english((error as ValidationError).fieldErrors.password?.[0])).toMatch(/not the password you chose/);
    expect(await existsFor(data.email, data.organizationName)).toEqual({ users: 0, organizations: 0, memberships: 0 });
    await expect(verifySignUp(db, { token, password: PASSWORD }, ip())).resolves.toMatchObject({ email: data.email });
  });

  it("refuses an expired or unknown link alike, creating nothing", async () => {
    const data = input();
    await signUp(db, data, ip(), "en");
    const token = await tokenFor(data.email);
    await db.signUpRequest.updateMany({ where: { email: data.email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const t of [token, "x".repeat(43)]) {
      expect(await findSignUpRequest(db, t)).toBeNull();
      await expect(verifySignUp(db, { token: t, password: PASSWORD }, ip())).rejects.toThrow(InvalidSignUpLinkError);
    }
    expect(await existsFor(data.email, data.organizationName)).toEqual({ users: 0, organizations: 0, memberships: 0 });
  });

  it("of 20 simultaneous uses of one link, exactly one creates the organisation", async () => {
    const data = input();
    await signUp(db, data, ip(), "en");
    const token = await tokenFor(data.email);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => verifySignUp(db, { token, password: PASSWORD }, `192.0.2.${100 + i}`)),
    );
    const successes = results.filter((r) => r.status === "fulfilled").length;
    recordFigures("sign-up", { parallelTokenUses: 20, doubleSuccesses: Math.max(0, successes - 1) });
    expect(successes).toBe(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof InvalidSignUpLinkError)).toHaveLength(19);
    expect(await existsFor(data.email, data.organizationName)).toEqual({ users: 1, organizations: 1, memberships: 1 });
  });

  it("gives a taken or reserved name the next free address", async () => {
    const name = `Same Name ${unique()}`;
    const first = await signUpAndConfirm(input({ organizationName: name }));
    const second = await signUpAndConfirm(input({ organizationName: name }));
    expect(second.slug).toBe(`${first.slug}-2`);
    expect((await signUpAndConfirm(input({ organizationName: "API" }))).slug).toMatch(/^api-\d+$/);
    expect(slugify("Zürich Coaching & Co.")).toBe("zurich-coaching-co");
    expect(slugify("!!!")).toBe("organisation");
  });

  it("gives racing confirmations with one name distinct addresses", async () => {
    const name = `Race ${unique()}`;
    const sets = Array.from({ length: 5 }, () => input({ organizationName: name }));
    for (const data of sets) await signUp(db, data, ip(), "en");
    const tokens: string[] = [];
    for (const d of sets) tokens.push(await tokenFor(d.email));
    const results = await Promise.all(tokens.map((token) => verifySignUp(db, { token, password: PASSWORD }, ip())));
    expect(new Set(results.map((r) => r.slug)).size).toBe(5);
  });

  it("lets one of two racing confirmations for one email through, and tells the other the email is taken", async () => {
    const email = `twin-${unique()}@example.test`;
    const twins = [input({ email }), input({ email })];
    for (const data of twins) await signUp(db, data, ip(), "en");
    await processSignUpRequests(db);
    const mails = await db.emailOutbox.findMany({ where: { toAddress: email, template: "sign-up-confirm" } });
    const tokens = mails.map((m) => /\/sign-up\/verify\/([A-Za-z0-9_-]+)/.exec(m.text)![1]);
    expect(tokens).toHaveLength(2);
    const results = await Promise.allSettled(tokens.map((token) => verifySignUp(db, { token, password: PASSWORD }, ip())));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(EmailTakenError);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses bad input field by field: common password, bad email, unknown time zone, extra fields", () => {
    const result = signUpSchema.safeParse({
      organizationName: " ",
      firstName: "A",
      lastName: "B",
      email: "nope",
      password: "password1",
      timezone: "Mars/Base",
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["organizationName", "email", "password", "timezone"]));
    expect(signUpSchema.safeParse({ ...input(), role: "OWNER" }).success).toBe(false);
  });

  it("is rate-limited per client address", async () => {
    const address = `198.18.0.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < LIMITS.signUpPerAddress.limit; i++) await signUp(db, input(), address, "en");
    await expect(signUp(db, input(), address, "en")).rejects.toThrow(RateLimitedError);
    await expect(signUp(db, input(), ip(), "en")).resolves.toBeUndefined(); // another address is unaffected
  });
});

describe("the language of a sign-up", () => {
  it("the confirmation is in the language of the page it came from, and the new organisation speaks it", async () => {
    const data = input();
    await signUp(db, data, ip(), "de");
    const mail = await mailTo(data.email, "sign-up-confirm");
    expect(mail?.subject).toBe("Bestätigen Sie Ihre E-Mail-Adresse, um Ihre Pathwise-Organisation anzulegen");
    expect(mail?.text).toContain(`${data.organizationName} anlegen`);
    const created = await verifySignUp(db, { token: await tokenFor(data.email), password: PASSWORD }, ip());
    expect(await db.organization.findUniqueOrThrow({ where: { id: created.organizationId }, select: { defaultLocale: true } })).toEqual({
      defaultLocale: "de",
    });
  });
});

describe("another organisation for a signed-in user", () => {
  it("adds an organisation they own, alongside the ones they had", async () => {
    const org = await createOrganization(db, { name: `Existing ${unique()}` });
    const { user } = await createMember(db, org.id, { role: "COACH" });
    const { slug } = await createOrganizationForUser(db, user.id, { organizationName: `Second ${unique()}` }, ip(), "en");
    const orgs = await activeOrganizations(user.id, db);
    expect(orgs.map((o) => o.slug).sort()).toEqual([org.slug, slug].sort());
    const owned = await db.membership.findFirstOrThrow({ where: { userId: user.id, organization: { slug } } });
    expect(owned.role).toBe("OWNER");
  });
});
