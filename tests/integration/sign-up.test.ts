import { describe, expect, it } from "vitest";
import { authenticate } from "../../lib/auth/authenticate";
import { activeOrganizations } from "../../lib/auth/member";
import { RateLimitedError, ValidationError } from "../../lib/errors";
import { createOrganizationForUser, signUp, signUpSchema, slugify } from "../../lib/orgs/create";
import { LIMITS } from "../../lib/security/rate-limit";
import { createMember, createOrganization } from "../factories";
import { testDb } from "../support/db";

const db = testDb();
const unique = () => Math.random().toString(36).slice(2, 10);
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

describe("self-serve sign-up", () => {
  it("creates the organisation with its first user as active OWNER, audited, able to sign in", async () => {
    const data = input({ organizationName: `Bright Paths Coaching ${unique()}` });
    const { slug, organizationId } = await signUp(db, data, ip());
    expect(slug).toBe(slugify(data.organizationName));
    const membership = await db.membership.findFirstOrThrow({ where: { organizationId }, include: { user: true } });
    expect(membership).toMatchObject({ role: "OWNER", status: "ACTIVE", user: { email: data.email, timezone: "Europe/Berlin" } });
    expect(membership.joinedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { organizationId, action: "organization.create", actorId: membership.userId } })).toBe(1);
    expect(await authenticate(db, data.email, PASSWORD, ip())).toMatchObject({ email: data.email });
  });

  it("gives a taken or reserved name the next free address", async () => {
    const name = `Same Name ${unique()}`;
    const first = await signUp(db, input({ organizationName: name }), ip());
    const second = await signUp(db, input({ organizationName: name }), ip());
    expect(second.slug).toBe(`${first.slug}-2`);
    expect((await signUp(db, input({ organizationName: "API" }), ip())).slug).toMatch(/^api-\d+$/);
    expect(slugify("Zürich Coaching & Co.")).toBe("zurich-coaching-co");
    expect(slugify("!!!")).toBe("organisation");
  });

  it("gives racing sign-ups with one name distinct addresses", async () => {
    const name = `Race ${unique()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => signUp(db, input({ organizationName: name }), ip())));
    expect(new Set(results.map((r) => r.slug)).size).toBe(5);
  });

  it("refuses an email that already has an account, next to the field, creating nothing", async () => {
    const existing = await createMember(db, (await createOrganization(db)).id, { role: "COACH", status: "DEACTIVATED" });
    const before = await db.organization.count();
    const error = await signUp(db, input({ email: existing.user.email.toUpperCase() }), ip()).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.email[0]).toMatch(/already exists/);
    expect(await db.organization.count()).toBe(before);
  });

  it("lets one of two racing sign-ups with one email through, and tells the other the email is taken", async () => {
    const email = `twin-${unique()}@example.test`;
    const results = await Promise.allSettled([signUp(db, input({ email }), ip()), signUp(db, input({ email }), ip())]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ValidationError);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses bad input field by field: common password, bad email, unknown time zone, extra fields", () => {
    const result = signUpSchema.safeParse({ organizationName: " ", firstName: "A", lastName: "B", email: "nope", password: "password1", timezone: "Mars/Base" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["organizationName", "email", "password", "timezone"]));
    expect(signUpSchema.safeParse({ ...input(), role: "OWNER" }).success).toBe(false);
  });

  it("is rate-limited per client address", async () => {
    const address = `198.18.0.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < LIMITS.signUpPerAddress.limit; i++) await signUp(db, input(), address);
    await expect(signUp(db, input(), address)).rejects.toThrow(RateLimitedError);
    await expect(signUp(db, input(), ip())).resolves.toBeDefined(); // another address is unaffected
  });
});

describe("another organisation for a signed-in user", () => {
  it("adds an organisation they own, alongside the ones they had", async () => {
    const org = await createOrganization(db, { name: `Existing ${unique()}` });
    const { user } = await createMember(db, org.id, { role: "COACH" });
    const { slug } = await createOrganizationForUser(db, user.id, { organizationName: `Second ${unique()}` }, ip());
    const orgs = await activeOrganizations(user.id, db);
    expect(orgs.map((o) => o.slug).sort()).toEqual([org.slug, slug].sort());
    const owned = await db.membership.findFirstOrThrow({ where: { userId: user.id, organization: { slug } } });
    expect(owned.role).toBe("OWNER");
  });
});
