import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../../lib/auth/authenticate";
import { resetPassword } from "../../lib/auth/password-reset";
import type { Actor } from "../../lib/authz/actor";
import type { MembershipStatus, Role } from "../../lib/db/generated/enums";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors";
import { hashPassword } from "../../lib/security/password";
import { listUsers, userFilterSchema } from "../../lib/users/list";
import { deactivateMembers, reactivateMembers } from "../../lib/users/activation";
import { getMemberProfile } from "../../lib/users/member-profile";
import { updateMember, updateMemberSchema } from "../../lib/users/update-member";
import { NO_SEATS_MESSAGE, seatUsage } from "../../lib/users/seats";
import { profileSchema } from "../../lib/users/profile";
import { tenantDb } from "../../lib/db/tenant";
import {
  assignProgramme,
  createActor,
  createInvitation,
  createMember,
  createOrganization,
  createProgramme,
  createUnit,
  unique,
} from "../factories";
import { testDb } from "../support/db";
import { english, englishError } from "../support/english";
import { recordFigures } from "../support/figures";
import { createOrganizationWith } from "../support/world";

const db = testDb();
const DAY = 86_400_000;

type Spec = {
  first: string;
  last: string;
  role: Role;
  status?: MembershipStatus;
  unit?: "top" | "child";
  joinedDaysAgo?: number | null;
  activeDaysAgo?: number | null;
};

async function addMember(orgId: string, spec: Spec, unitIds: { top: string; child: string }) {
  const now = Date.now();
  return createMember(db, orgId, {
    role: spec.role,
    status: spec.status ?? "ACTIVE",
    email: `${spec.first.toLowerCase()}.${spec.last.toLowerCase()}-${unique()}@example.test`,
    account: { firstName: spec.first, lastName: spec.last },
    // For someone who has not joined, the names the organisation entered (joined members show their account's).
    firstName: spec.first,
    lastName: spec.last,
    unitId: spec.unit ? unitIds[spec.unit] : null,
    joinedAt: spec.joinedDaysAgo === null ? null : new Date(now - (spec.joinedDaysAgo ?? 100) * DAY),
    lastActiveAt: spec.activeDaysAgo == null ? null : new Date(now - spec.activeDaysAgo * DAY),
  });
}

const edit = (
  m: { membership: { id: string; role?: Role }; user: { firstName: string; lastName: string; timezone: string } },
  changes: Record<string, unknown>,
) =>
  updateMemberSchema.parse({
    membershipId: m.membership.id,
    firstName: m.user.firstName || "First",
    lastName: m.user.lastName || "Last",
    timezone: m.user.timezone,
    unitId: "",
    programmeIds: [],
    role: m.membership.role,
    ...changes,
  });

describe("the users list", () => {
  let org: { id: string };
  let admin: Actor;
  let units: { top: string; child: string };
  const people: Record<string, Awaited<ReturnType<typeof addMember>>> = {};

  beforeAll(async () => {
    ({ org, admin } = await createOrganizationWith(
      db,
      ["admin"],
      { name: "List Org", seatLimit: 100 },
      { admin: { account: { firstName: "Zed", lastName: "Zulu" } } },
    ));
    const top = await createUnit(db, org.id, { name: "Top" });
    const child = await createUnit(db, org.id, { name: "Child", parent: top });
    units = { top: top.id, child: child.id };
    const specs: Spec[] = [
      { first: "Ada", last: "Lovelace", role: "COACH", unit: "top", joinedDaysAgo: 3, activeDaysAgo: 1 },
      { first: "Alan", last: "Turing", role: "PARTICIPANT", unit: "child", joinedDaysAgo: 20, activeDaysAgo: 5 },
      { first: "Grace", last: "Hopper", role: "PROGRAM_MANAGER", joinedDaysAgo: 200, activeDaysAgo: 0 },
      { first: "Edsger", last: "Dijkstra", role: "PARTICIPANT", status: "INVITED", unit: "child", joinedDaysAgo: null },
      { first: "Barbara", last: "Liskov", role: "COACH", status: "DEACTIVATED", joinedDaysAgo: 400 },
      { first: "Donald", last: "Knuth", role: "SPONSOR", status: "NOT_INVITED", joinedDaysAgo: null },
    ];
    for (const spec of specs) people[spec.last] = await addMember(org.id, spec, units);
    // Edsger has a pending invitation; Ada accepted hers.
    for (const [who, acceptedAt] of [
      ["Dijkstra", null],
      ["Lovelace", new Date()],
    ] as const) {
      await createInvitation(db, org.id, { member: people[who], role: "PARTICIPANT", acceptedAt });
    }
    // Another organisation's member with a matching name must never show up.
    const other = await createOrganization(db);
    const decoy = await addMember(other.id, { first: "Ada", last: "Lovelace", role: "COACH" }, units);
    expect(decoy.membership.organizationId).toBe(other.id);
  });

  const names = async (query: Record<string, string>, actor = admin) =>
    (await listUsers(db, actor, userFilterSchema.parse(query))).rows.map((r) => r.user.lastName);

  it("sorts by name by default, and in both directions", async () => {
    expect(await names({})).toEqual(["Dijkstra", "Hopper", "Knuth", "Liskov", "Lovelace", "Turing", "Zulu"]);
    expect(await names({ sort: "name", dir: "desc" })).toEqual(["Zulu", "Turing", "Lovelace", "Liskov", "Knuth", "Hopper", "Dijkstra"]);
  });

  it("sorts by joined and last active, never-joined and never-active last", async () => {
    const joined = await names({ sort: "joined", dir: "desc" });
    expect(joined.slice(0, 4)).toEqual(["Zulu", "Lovelace", "Turing", "Hopper"]);
    expect(joined.slice(-2).sort()).toEqual(["Dijkstra", "Knuth"]);
    const active = await names({ sort: "lastActive", dir: "desc" });
    expect(active.slice(0, 3)).toEqual(["Hopper", "Lovelace", "Turing"]);
  });

  it("searches by partial name or email, every word matching", async () => {
    expect(await names({ q: "love" })).toEqual(["Lovelace"]);
    expect(await names({ q: "ADA" })).toEqual(["Lovelace"]);
    expect(await names({ q: "alan.tur" })).toEqual(["Turing"]);
    expect(await names({ q: "grace hop" })).toEqual(["Hopper"]);
    expect(await names({ q: "grace lovelace" })).toEqual([]);
  });

  it("filters by role, status, invitation, unit with its sub-units, and joined window", async () => {
    expect(await names({ role: "COACH" })).toEqual(["Liskov", "Lovelace"]);
    expect(await names({ status: "DEACTIVATED" })).toEqual(["Liskov"]);
    expect(await names({ status: "NOT_INVITED" })).toEqual(["Knuth"]);
    expect(await names({ invitation: "pending" })).toEqual(["Dijkstra"]);
    expect(await names({ invitation: "accepted" })).toEqual(["Lovelace"]);
    expect(await names({ unit: units.top })).toEqual(["Dijkstra", "Lovelace", "Turing"]);
    expect(await names({ unit: units.child })).toEqual(["Dijkstra", "Turing"]);
    expect(await names({ joined: "week" })).toEqual(["Lovelace", "Zulu"]);
    expect(await names({ joined: "month" })).toEqual(["Lovelace", "Turing", "Zulu"]);
    expect(await names({ joined: "year" })).toEqual(["Hopper", "Lovelace", "Turing", "Zulu"]);
    expect(await names({ role: "PARTICIPANT", unit: units.top })).toEqual(["Dijkstra", "Turing"]);
  });

  it("drops nonsense in the URL instead of failing, and pages", async () => {
    const filter = userFilterSchema.parse({ role: "KING", sort: "salary", page: "-3", unit: "not-a-uuid" });
    expect(filter).toMatchObject({ role: undefined, sort: "name", page: 1, unit: undefined });
    // Page 2 of a list of one page: the last page, the one that exists.
    const page2 = await listUsers(db, admin, userFilterSchema.parse({ page: "2" }));
    expect(page2.rows).toHaveLength(7);
    expect(page2.total).toBe(7);
    expect(page2.pages).toBe(1);
    expect(page2.page).toBe(1);
  });

  it("counts seats: seat roles active or invited; participants, deactivated and not-invited do not", async () => {
    const { used, limit } = await seatUsage(tenantDb(db, org.id));
    // Zulu (ADMIN), Lovelace (COACH), Hopper (PM). Knuth is NOT_INVITED, Liskov DEACTIVATED.
    expect(used).toBe(3);
    expect(limit).toBe(100);
    expect((await listUsers(db, admin, userFilterSchema.parse({}))).seats).toEqual({ used: 3, limit: 100 });
  });

  it("shows a programme manager only the members of their programmes, and a coach nothing", async () => {
    const programme = await createProgramme(db, org.id, { name: `P ${unique()}` });
    const pm = await createActor(db, org.id, "PROGRAM_MANAGER");
    for (const m of [pm.membershipId, people.Knuth.membership.id]) {
      await assignProgramme(db, programme, { id: m });
    }
    expect(await names({}, pm)).toEqual(["Knuth", "program_manager"]);
    const coach = await createActor(db, org.id, "COACH");
    await expect(listUsers(db, coach, userFilterSchema.parse({}))).rejects.toThrow(ForbiddenError);
    await expect(getMemberProfile(db, pm, people.Lovelace.membership.id)).rejects.toThrow(NotFoundError);
    expect((await getMemberProfile(db, pm, people.Knuth.membership.id)).member.user.lastName).toBe("Knuth");
    // The audit trail is for those who may read the audit log: an admin sees it, the programme manager does not.
    // (Knuth has not joined: his time zone is his to choose when he does, so the change is to his name here.)
    await updateMember(
      db,
      admin,
      edit(
        { membership: people.Knuth.membership, user: { ...people.Knuth.user, firstName: "Donald", lastName: "Knuth" } },
        { firstName: "Don", programmeIds: [programme.id] },
      ),
    );
    expect((await getMemberProfile(db, admin, people.Knuth.membership.id)).audit).toHaveLength(1);
    expect((await getMemberProfile(db, pm, people.Knuth.membership.id)).audit).toEqual([]);
  });
});

describe("editing a member", () => {
  it("keeps the history of the units they were in, and audits the change", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"]);
    const [a, b] = await Promise.all(["A", "B"].map((name) => createUnit(db, org.id, { name })));
    const m = await createMember(db, org.id, { role: "COACH" });
    await updateMember(db, admin, edit(m, { unitId: a.id }));
    await updateMember(db, admin, edit(m, { unitId: b.id, firstName: "Renamed" }));
    const profile = await getMemberProfile(db, admin, m.membership.id);
    expect(profile.member.unit?.name).toBe("B");
    expect(profile.history.map((h) => [h.unit.name, h.endedAt === null])).toEqual([
      ["B", true],
      ["A", false],
    ]);
    expect(profile.member.user.firstName).toBe("Renamed");
    expect(profile.audit.map((e) => e.action)).toEqual(["member.change_unit", "member.change_unit"]);
    expect(profile.audit[0].before).toMatchObject({ unitId: a.id, firstName: "Test" });
  });

  it("speaks about the member, not the admin, when a name is missing", () => {
    const missing = updateMemberSchema.safeParse({
      membershipId: crypto.randomUUID(),
      firstName: " ",
      lastName: "",
      timezone: "UTC",
      unitId: "",
      programmeIds: [],
      role: "COACH",
    });
    const messages = Object.fromEntries((missing.error?.issues ?? []).map((i) => [String(i.path[0]), english(i.message)]));
    expect(messages).toMatchObject({ firstName: "Enter a first name", lastName: "Enter a last name" });
    // On one's own profile it is their own name.
    const own = profileSchema.safeParse({ firstName: "", lastName: "Lovelace", timezone: "UTC" });
    expect(english(own.error?.issues[0].message)).toBe("Enter your first name");
  });

  it("needs programmes for programme-scoped roles, and only this organisation's", async () => {
    const org = await createOrganization(db);
    const other = await createOrganization(db);
    const admin = await createActor(db, org.id, "ADMIN");
    const mine = await createProgramme(db, org.id, { name: "Mine" });
    const theirs = await createProgramme(db, other.id, { name: "Theirs" });
    const m = await createMember(db, org.id, { role: "COACH" });
    const noProgrammes = await updateMember(db, admin, edit(m, { role: "SPONSOR" })).catch((e) => e);
    expect(english(noProgrammes.fieldErrors.programmeIds[0])).toMatch(/at least one programme/);
    const foreign = await updateMember(db, admin, edit(m, { role: "SPONSOR", programmeIds: [theirs.id] })).catch((e) => e);
    expect(english(foreign.fieldErrors.programmeIds[0])).toMatch(/from the list/);
    expect((await db.membership.findFirstOrThrow({ where: { id: m.membership.id } })).role).toBe("COACH");
    await updateMember(db, admin, edit(m, { role: "SPONSOR", programmeIds: [mine.id] }));
    expect(await db.programmeAssignment.count({ where: { membershipId: m.membership.id } })).toBe(1);
    await updateMember(db, admin, edit(m, { role: "COACH" }));
    expect(await db.programmeAssignment.count({ where: { membershipId: m.membership.id } })).toBe(0);
  });

  it("makes implementation admins only when enabled and from an allowed domain, for the chosen time", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"]);
    const m = await createMember(db, org.id, { role: "PARTICIPANT", email: `consultant-${unique()}@partner.test` });
    const off = await updateMember(db, admin, edit(m, { role: "IMPLEMENTATION_ADMIN", duration: "3" })).catch((e) => e);
    expect(english(off.fieldErrors.role[0])).toMatch(/turned off/);
    await db.organization.update({
      where: { id: org.id },
      data: { implementationAdminsEnabled: true, implementationAdminDomains: ["other.test"] },
    });
    const domain = await updateMember(db, admin, edit(m, { role: "IMPLEMENTATION_ADMIN", duration: "3" })).catch((e) => e);
    expect(english(domain.fieldErrors.role[0])).toMatch(/partner.test is not/);
    await db.organization.update({ where: { id: org.id }, data: { implementationAdminDomains: ["partner.test"] } });
    await updateMember(db, admin, edit(m, { role: "IMPLEMENTATION_ADMIN", duration: "3" }));
    const after = await db.membership.findFirstOrThrow({ where: { id: m.membership.id } });
    expect(after.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 85 * DAY);
    expect(after.expiresAt!.getTime()).toBeLessThan(Date.now() + 95 * DAY);
  });
});

describe("role changes: hierarchy, seats and the last owner", () => {
  it("lets nobody grant above their own role or touch an owner unless an owner", async () => {
    const { org, owner, admin } = await createOrganizationWith(db, ["owner", "admin"]);
    const ia = await createActor(db, org.id, "IMPLEMENTATION_ADMIN");
    const coach = await createMember(db, org.id, { role: "COACH" });
    const ownerRow = { membership: { id: owner.membershipId }, user: { firstName: "Test", lastName: "owner", timezone: "UTC" } };

    expect(await englishError(updateMember(db, admin, edit(coach, { role: "OWNER" })))).toMatch(/Only an owner/);
    expect(await englishError(updateMember(db, admin, edit(ownerRow, { role: "ADMIN" })))).toMatch(/Only an owner/);
    await expect(updateMember(db, ia, edit(coach, { role: "ADMIN" }))).rejects.toThrow(ForbiddenError);
    expect((await db.membership.findFirstOrThrow({ where: { id: coach.membership.id } })).role).toBe("COACH");
    // Positive controls.
    await updateMember(db, admin, edit(coach, { role: "ADMIN" }));
    await updateMember(db, owner, edit(coach, { role: "OWNER" }));
    expect((await db.membership.findFirstOrThrow({ where: { id: coach.membership.id } })).role).toBe("OWNER");
    // Nobody changes their own role.
    const self = await updateMember(
      db,
      admin,
      edit({ membership: { id: admin.membershipId }, user: { firstName: "A", lastName: "B", timezone: "UTC" } }, { role: "COACH" }),
    ).catch((e) => e);
    expect(self).toBeInstanceOf(ValidationError);
  });

  it("refuses a role change that would pass the seat limit, with the seat message", async () => {
    const { org, owner } = await createOrganizationWith(db, ["owner"], { seatLimit: 2 }); // seat 1
    await createMember(db, org.id, { role: "COACH" }); // seat 2
    const participant = await createMember(db, org.id, { role: "PARTICIPANT" });
    await expect(updateMember(db, owner, edit(participant, { role: "COACH" }))).rejects.toThrow(NO_SEATS_MESSAGE);
    expect((await db.membership.findFirstOrThrow({ where: { id: participant.membership.id } })).role).toBe("PARTICIPANT");
    // A seat role to another seat role takes no new seat.
    const coach = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, role: "COACH" }, include: { user: true } });
    await updateMember(db, owner, edit({ membership: coach, user: coach.user }, { role: "ADMIN" }));
    // Freeing a seat makes room.
    await updateMember(db, owner, edit({ membership: coach, user: coach.user }, { role: "PARTICIPANT" }));
    await updateMember(db, owner, edit(participant, { role: "COACH" }));
  });

  it("never demotes or deactivates the last active owner", async () => {
    const { org, owner } = await createOrganizationWith(db, ["owner"]);
    const second = await createMember(db, org.id, { role: "OWNER" });
    const actorOfSecond: Actor = {
      userId: second.user.id,
      membershipId: second.membership.id,
      organizationId: org.id,
      role: "OWNER",
      ipAddress: null,
    };
    const ownerRow = { membership: { id: owner.membershipId }, user: { firstName: "Test", lastName: "owner", timezone: "UTC" } };
    // With two owners one may go.
    await updateMember(db, actorOfSecond, edit(ownerRow, { role: "ADMIN" }));
    // Now `second` is the last one: another owner would be needed to touch them, and self-changes are refused;
    // an owner deactivating the last other owner is refused too.
    await updateMember(db, actorOfSecond, edit(ownerRow, { role: "OWNER" }));
    const result = await deactivateMembers(db, { ...owner, role: "OWNER" }, [second.membership.id]);
    expect(result.applied).toBe(true);
    const last = await deactivateMembers(db, actorOfSecond, [owner.membershipId]);
    expect(last.applied).toBe(false); // second is deactivated: owner is the last active one
    expect(english(last.outcomes[0].reason)).toMatch(/yourself|at least one active owner/);
    expect((await db.membership.findFirstOrThrow({ where: { id: owner.membershipId } })).status).toBe("ACTIVE");
  });
});

describe("deactivation and reactivation", () => {
  const PASSWORD = "a deactivated person's passphrase";
  let passwordHash: string;
  beforeAll(async () => {
    passwordHash = await hashPassword(PASSWORD);
  });

  it("deactivation ends sign-in and every session, keeps the data, frees the seat and kills pending invitations", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"], { seatLimit: 5 });
    const m = await createMember(db, org.id, { role: "COACH", passwordHash });
    const invited = await createMember(db, org.id, { role: "COACH", status: "INVITED" });
    const { invitation } = await createInvitation(db, org.id, { member: invited, expiresAt: new Date(Date.now() + DAY) });
    expect((await seatUsage(tenantDb(db, org.id))).used).toBe(3);
    const result = await deactivateMembers(db, admin, [m.membership.id, invited.membership.id]);
    expect(result).toMatchObject({ applied: true, outcomes: [{ outcome: "done" }, { outcome: "done" }] });
    expect((await seatUsage(tenantDb(db, org.id))).used).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: m.user.id } })).sessionVersion).toBe(1);
    expect(await authenticate(db, m.user.email, PASSWORD, "192.0.2.50")).toBeNull();
    expect((await db.invitation.findFirstOrThrow({ where: { id: invitation.id } })).cancelledAt).not.toBeNull();
    expect(await db.membership.count({ where: { id: m.membership.id } })).toBe(1); // nothing deleted
    // Again: skipped, nothing changes.
    const again = await deactivateMembers(db, admin, [m.membership.id]);
    expect(english(again.outcomes[0])).toMatchObject({ outcome: "skipped", reason: "Already deactivated" });
  });

  it("a member of another organisation too keeps their other sessions", async () => {
    const { org: a, admin } = await createOrganizationWith(db, ["admin"]);
    const b = await createOrganization(db);
    const m = await createMember(db, a.id, { role: "COACH", passwordHash });
    await db.membership.create({ data: { organizationId: b.id, userId: m.user.id, role: "COACH", status: "ACTIVE" } });
    await deactivateMembers(db, admin, [m.membership.id]);
    expect((await db.user.findUniqueOrThrow({ where: { id: m.user.id } })).sessionVersion).toBe(0);
    expect(await authenticate(db, m.user.email, PASSWORD, "192.0.2.51")).not.toBeNull();
  });

  it("reactivation needs the emailed reset before the next sign-in, and kills old sessions", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"], { name: "Reactivating Org" });
    const m = await createMember(db, org.id, { role: "COACH", passwordHash });
    await deactivateMembers(db, admin, [m.membership.id]);
    const versionBefore = (await db.user.findUniqueOrThrow({ where: { id: m.user.id } })).sessionVersion;
    const result = await reactivateMembers(db, admin, [m.membership.id]);
    expect(result.applied).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { id: m.user.id } });
    expect(user.passwordResetRequired).toBe(true);
    expect(user.sessionVersion).toBe(versionBefore + 1);
    expect(await authenticate(db, m.user.email, PASSWORD, "192.0.2.52")).toBeNull();

    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: m.user.email, template: "account-reactivated" } });
    expect(mail.subject).toContain("Reactivating Org");
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    await resetPassword(db, token, "a brand new passphrase here");
    expect(await authenticate(db, m.user.email, "a brand new passphrase here", "192.0.2.53")).not.toBeNull();
  });

  it("reactivates all or nothing within the seats", async () => {
    const { org, owner } = await createOrganizationWith(db, ["owner"], { seatLimit: 3 });
    const gone = await Promise.all([0, 1, 2].map(() => createMember(db, org.id, { role: "COACH", status: "DEACTIVATED" })));
    const participant = await createMember(db, org.id, { role: "PARTICIPANT", status: "DEACTIVATED" });
    const ids = [...gone.map((g) => g.membership.id), participant.membership.id];
    const refused = await reactivateMembers(db, owner, ids);
    expect(refused.applied).toBe(false);
    expect(refused.outcomes.map((o) => o.outcome)).toEqual(ids.map(() => "refused"));
    expect(refused.outcomes[0].reason).toBe(NO_SEATS_MESSAGE);
    expect(await db.membership.count({ where: { organizationId: org.id, status: "ACTIVE" } })).toBe(1);
    // Two coaches and the participant (no seat) fit.
    const fits = await reactivateMembers(db, owner, [gone[0].membership.id, gone[1].membership.id, participant.membership.id]);
    expect(fits.applied).toBe(true);
    expect((await seatUsage(tenantDb(db, org.id))).used).toBe(3);
  });

  it("50 concurrent reactivations against 10 free seats end with exactly 10 active", async () => {
    const { org, owner } = await createOrganizationWith(db, ["owner"], { seatLimit: 11 }); // 1 seat used, 10 free
    const gone = await Promise.all(Array.from({ length: 50 }, () => createMember(db, org.id, { role: "COACH", status: "DEACTIVATED" })));
    const results = await Promise.all(gone.map((g) => reactivateMembers(db, owner, [g.membership.id])));
    const applied = results.filter((r) => r.applied).length;
    const active = await db.membership.count({ where: { organizationId: org.id, role: "COACH", status: "ACTIVE" } });
    recordFigures("seat-race-reactivation", { concurrentSeatOperations: 50, seatLimitBreaches: Math.max(0, active - 10) });
    expect(applied).toBe(10);
    expect(active).toBe(10);
  });
});

describe("another organisation's ids", () => {
  it("answer like missing ones on every member action, and change nothing", async () => {
    const { admin } = await createOrganizationWith(db, ["admin"]);
    const b = await createOrganization(db);
    const theirs = await createMember(db, b.id, { role: "COACH", status: "ACTIVE" });
    const theirsGone = await createMember(db, b.id, { role: "COACH", status: "DEACTIVATED" });
    const missing = "01900000-0000-7000-8000-000000000000";
    let attempts = 0;
    for (const id of [theirs.membership.id, missing]) {
      await expect(getMemberProfile(db, admin, id)).rejects.toThrow(NotFoundError);
      await expect(
        updateMember(db, admin, edit({ membership: { id }, user: { firstName: "X", lastName: "Y", timezone: "UTC" } }, { role: "ADMIN" })),
      ).rejects.toThrow(NotFoundError);
      const deactivated = await deactivateMembers(db, admin, [id]);
      expect(english(deactivated)).toEqual({
        applied: false,
        outcomes: [{ membershipId: id, name: "Unknown user", outcome: "refused", reason: "Not found" }],
      });
      attempts += 3;
    }
    const reactivated = await reactivateMembers(db, admin, [theirsGone.membership.id]);
    expect(english(reactivated.outcomes[0].reason)).toBe("Not found");
    attempts += 1;
    const after = await db.membership.findMany({ where: { organizationId: b.id }, orderBy: { id: "asc" } });
    expect(after.map((m) => [m.role, m.status])).toEqual(
      [theirs, theirsGone]
        .sort((x, y) => (x.membership.id < y.membership.id ? -1 : 1))
        .map((m) => [m.membership.role, m.membership.status]),
    );
    recordFigures("users-cross-tenant", { isolationChecks: attempts, leaks: 0 });
  });
});

describe("the account is global: one organisation cannot take it over", () => {
  it("never lets an organisation lock out, sign out or rename someone who also belongs elsewhere", async () => {
    const PASSWORD = "a person of two organisations";
    const { org: mine, owner } = await createOrganizationWith(db, ["owner"]);
    const theirs = await createOrganization(db);
    const victim = await createMember(db, theirs.id, { role: "COACH", passwordHash: await hashPassword(PASSWORD) });
    // Invited into `mine` (never accepted), deactivated, then "reactivated": refused, nothing global changes.
    const { membership: invited } = await createMember(db, mine.id, { role: "PARTICIPANT", status: "INVITED", email: victim.user.email });
    await deactivateMembers(db, owner, [invited.id]);
    const refused = await reactivateMembers(db, owner, [invited.id]);
    expect(english(refused)).toMatchObject({
      applied: false,
      outcomes: [{ outcome: "refused", reason: "Never joined: invite them again instead" }],
    });
    const account = await db.user.findUniqueOrThrow({ where: { id: victim.user.id } });
    expect(account).toMatchObject({ passwordResetRequired: false, sessionVersion: 0 });
    expect(await authenticate(db, victim.user.email, PASSWORD, "192.0.2.90")).not.toBeNull();

    // A member here who joined, deactivated and reactivated: back here, and nothing global changes either.
    await db.membership.update({
      where: { organizationId_id: { organizationId: mine.id, id: invited.id } },
      data: { joinedAt: new Date() },
    });
    expect((await reactivateMembers(db, owner, [invited.id])).applied).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: victim.user.id } })).toMatchObject({
      passwordResetRequired: false,
      sessionVersion: 0,
    });
    expect(await db.emailOutbox.count({ where: { toAddress: victim.user.email, template: "account-reactivated" } })).toBe(0);

    // Their name and time zone are theirs: refused at the field; other edits go through.
    const member = { membership: { id: invited.id, role: "PARTICIPANT" as const }, user: account };
    const rename = await updateMember(db, owner, edit(member, { firstName: "Pwned" })).catch((e) => e);
    expect(english(rename.fieldErrors.firstName[0])).toMatch(/another organisation/);
    await updateMember(db, owner, edit(member, { role: "COACH" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: victim.user.id } })).firstName).toBe(account.firstName);
  });

  it("lets no implementation admin extend their own access or make another implementation admin", async () => {
    const org = await createOrganization(db);
    await db.organization.update({
      where: { id: org.id },
      data: { implementationAdminsEnabled: true, implementationAdminDomains: ["partner.test"] },
    });
    const ia = await createMember(db, org.id, {
      role: "IMPLEMENTATION_ADMIN",
      email: `ia-${unique()}@partner.test`,
      expiresAt: new Date(Date.now() + 30 * DAY),
    });
    const actor: Actor = {
      userId: ia.user.id,
      membershipId: ia.membership.id,
      organizationId: org.id,
      role: "IMPLEMENTATION_ADMIN",
      ipAddress: null,
    };
    // Implementation admins cannot change implementation admins at all, themselves included.
    expect(await englishError(updateMember(db, actor, edit(ia, { duration: "forever" })))).toContain(
      "You cannot change an implementation admin.",
    );
    // And nobody extends their own access, whatever their role.
    const owner = await createActor(db, org.id, "OWNER");
    const ownRow = {
      membership: { id: owner.membershipId, role: "OWNER" as const },
      user: { firstName: "Test", lastName: "owner", timezone: "UTC" },
    };
    const own = await updateMember(db, owner, edit(ownRow, { duration: "forever" })).catch((e) => e);
    expect(english(own.fieldErrors.duration[0])).toMatch(/your own access/);
    const other = await createMember(db, org.id, { role: "COACH", email: `c-${unique()}@partner.test` });
    await expect(updateMember(db, actor, edit(other, { role: "IMPLEMENTATION_ADMIN", duration: "forever" }))).rejects.toThrow(
      ForbiddenError,
    );
    expect((await db.membership.findFirstOrThrow({ where: { id: ia.membership.id } })).expiresAt).not.toBeNull();
  });
});
