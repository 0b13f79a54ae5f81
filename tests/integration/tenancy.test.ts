import { beforeAll, describe, expect, it } from "vitest";
import { findLiveMembership, activeOrganizations } from "../../lib/db/cross-tenant";
import { tenantDb } from "../../lib/db/tenant";
import { listVisibleProgrammes, programmeScope } from "../../lib/programmes/scope";
import { createActor, createMember, createOrganization } from "../factories";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";

const db = testDb();
let a: { id: string; slug: string };
let b: { id: string; slug: string };

beforeAll(async () => {
  a = await createOrganization(db, { name: "Tenant A" });
  b = await createOrganization(db, { name: "Tenant B" });
});

describe("the scoped data layer", () => {
  it("finds another organisation's rows exactly as it finds missing ones, and changes nothing", async () => {
    const mine = await createMember(db, a.id, { role: "COACH" });
    const theirs = await createMember(db, b.id, { role: "COACH" });
    const t = tenantDb(db, a.id);
    let attempts = 0;

    // Positive control: our own row is found and updated.
    expect(await t.membership.findFirst({ where: { id: mine.membership.id } })).not.toBeNull();
    await t.membership.update({
      where: { organizationId_id: { organizationId: a.id, id: mine.membership.id } },
      data: { role: "SPONSOR" },
    });
    expect(
      (await db.membership.findUniqueOrThrow({ where: { organizationId_id: { organizationId: a.id, id: mine.membership.id } } })).role,
    ).toBe("SPONSOR");

    // The other tenant's id, even named with its own organisation in the key, is not there.
    const foreignKey = { organizationId_id: { organizationId: b.id, id: theirs.membership.id } };
    expect(await t.membership.findFirst({ where: { id: theirs.membership.id } })).toBeNull();
    expect(await t.membership.findUnique({ where: foreignKey })).toBeNull();
    expect(await t.membership.count({ where: { id: theirs.membership.id } })).toBe(0);
    expect((await t.membership.updateMany({ where: { id: theirs.membership.id }, data: { role: "ADMIN" } })).count).toBe(0);
    await expect(t.membership.update({ where: foreignKey, data: { role: "ADMIN" } })).rejects.toThrow(/No record was found for an update/);
    await expect(t.membership.delete({ where: foreignKey })).rejects.toThrow(/No record was found for a delete/);
    attempts += 6;
    // A missing id behaves the same way.
    const missing = { organizationId_id: { organizationId: a.id, id: "01900000-0000-7000-8000-000000000000" } };
    expect(await t.membership.findUnique({ where: missing })).toBeNull();
    // Positive control for the delete: a row of our own goes.
    const spare = await createMember(db, a.id, { role: "COACH" });
    await t.membership.delete({ where: { organizationId_id: { organizationId: a.id, id: spare.membership.id } } });
    expect(await db.membership.count({ where: { id: spare.membership.id } })).toBe(0);

    // Writes are stamped with the organisation and refuse to land in another.
    await expect(t.orgUnit.create({ data: { organizationId: b.id, name: "Smuggled" } })).rejects.toThrow(/another organisation/);
    const unit = await t.orgUnit.create({ data: { organizationId: a.id, name: "Ours" } });
    expect(unit.organizationId).toBe(a.id);
    await expect(t.organization.findUnique({ where: { id: b.id } })).rejects.toThrow(/tenantDb: another organisation's row/);
    expect((await t.organization.findUniqueOrThrow({ where: { id: a.id } })).id).toBe(a.id);
    attempts += 2;

    const after = await db.membership.findUniqueOrThrow({ where: foreignKey });
    expect(after.role).toBe("COACH");
    expect(await db.orgUnit.count({ where: { organizationId: b.id } })).toBe(0);
    recordFigures("tenant-layer", { isolationChecks: attempts, leaks: 0 });
  });

  it("refuses the database-level cross-tenant link even without the layer", async () => {
    const unitInB = await db.orgUnit.create({ data: { organizationId: b.id, name: "B unit" } });
    const member = await createMember(db, a.id, { role: "COACH" });
    // Composite foreign key (organizationId, unitId): a unit of B cannot be set on a membership of A.
    await expect(
      db.membership.update({
        where: { organizationId_id: { organizationId: a.id, id: member.membership.id } },
        data: { unitId: unitInB.id },
      }),
    ).rejects.toThrow(/Membership_organizationId_unitId_fkey/);
    // Positive control: a unit of A is set.
    const unitInA = await db.orgUnit.create({ data: { organizationId: a.id, name: "A unit" } });
    await expect(
      db.membership.update({
        where: { organizationId_id: { organizationId: a.id, id: member.membership.id } },
        data: { unitId: unitInA.id },
      }),
    ).resolves.toMatchObject({ unitId: unitInA.id });
  });
});

describe("implementation admins", () => {
  it("lose access by themselves when their membership expires, and keep it until then", async () => {
    const expired = await createMember(db, a.id, { role: "IMPLEMENTATION_ADMIN", expiresAt: new Date(Date.now() - 1000) });
    const current = await createMember(db, a.id, { role: "IMPLEMENTATION_ADMIN", expiresAt: new Date(Date.now() + 60_000) });
    const forever = await createMember(db, a.id, { role: "IMPLEMENTATION_ADMIN" });
    expect(await findLiveMembership(db, expired.user.id, a.slug)).toBeNull();
    expect(await activeOrganizations(expired.user.id, db)).toEqual([]);
    expect(await findLiveMembership(db, current.user.id, a.slug)).toMatchObject({ role: "IMPLEMENTATION_ADMIN" });
    expect(await findLiveMembership(db, forever.user.id, a.slug)).toMatchObject({ role: "IMPLEMENTATION_ADMIN" });
  });

  it("deactivated and other-organisation memberships grant nothing", async () => {
    const gone = await createMember(db, a.id, { role: "ADMIN", status: "DEACTIVATED" });
    const active = await createMember(db, a.id, { role: "ADMIN" });
    expect(await findLiveMembership(db, gone.user.id, a.slug)).toBeNull();
    expect(await findLiveMembership(db, active.user.id, b.slug)).toBeNull();
    expect(await findLiveMembership(db, active.user.id, a.slug)).not.toBeNull();
  });
});

describe("programme scoping", () => {
  it("limits programme managers and sponsors to their assigned programmes; admins see all", async () => {
    const [p1, p2] = await Promise.all([
      db.programme.create({ data: { organizationId: a.id, name: "Leadership" } }),
      db.programme.create({ data: { organizationId: a.id, name: "Sales" } }),
    ]);
    await db.programme.create({ data: { organizationId: b.id, name: "Leadership" } });
    const pm = await createActor(db, a.id, "PROGRAM_MANAGER");
    const sponsor = await createActor(db, a.id, "SPONSOR");
    const admin = await createActor(db, a.id, "ADMIN");
    await db.programmeAssignment.create({ data: { organizationId: a.id, programmeId: p1.id, membershipId: pm.membershipId } });
    await db.programmeAssignment.create({ data: { organizationId: a.id, programmeId: p2.id, membershipId: sponsor.membershipId } });

    expect(await programmeScope(tenantDb(db, a.id), pm)).toEqual([p1.id]);
    expect((await listVisibleProgrammes(db, pm)).map((p) => p.name)).toEqual(["Leadership"]);
    expect((await listVisibleProgrammes(db, sponsor)).map((p) => p.name)).toEqual(["Sales"]);
    expect(await programmeScope(tenantDb(db, a.id), admin)).toBeNull();
    expect((await listVisibleProgrammes(db, admin)).map((p) => p.id).sort()).toEqual([p1.id, p2.id].sort());

    // An unassigned programme manager sees nothing, not everything.
    const idle = await createActor(db, a.id, "PROGRAM_MANAGER");
    expect(await listVisibleProgrammes(db, idle)).toEqual([]);
    // The schema refuses assigning another organisation's programme.
    const foreign = await db.programme.findFirstOrThrow({ where: { organizationId: b.id } });
    await expect(
      db.programmeAssignment.create({ data: { organizationId: a.id, programmeId: foreign.id, membershipId: idle.membershipId } }),
    ).rejects.toThrow(/ProgrammeAssignment_organizationId_programmeId_fkey/);
    // Positive control: a programme of A is assigned.
    await expect(
      db.programmeAssignment.create({ data: { organizationId: a.id, programmeId: p1.id, membershipId: idle.membershipId } }),
    ).resolves.toMatchObject({ programmeId: p1.id });
  });
});

describe("last active", () => {
  it("is written at most once per member per few minutes, even by concurrent requests", async () => {
    const { touchLastActive, LAST_ACTIVE_RESOLUTION_MS } = await import("../../lib/auth/member");
    const m = await createMember(db, a.id, { role: "COACH" });
    const live = async () => (await findLiveMembership(db, m.user.id, a.slug))!;
    const first = await live();
    expect(first.lastActiveAt).toBeNull();
    const writes = await Promise.all(Array.from({ length: 10 }, () => touchLastActive(db, first)));
    expect(writes.filter(Boolean)).toHaveLength(1);
    const touched = await live();
    expect(touched.lastActiveAt).not.toBeNull();
    expect(await touchLastActive(db, touched)).toBe(false); // within the interval: no write, no query
    const later = new Date(touched.lastActiveAt!.getTime() + LAST_ACTIVE_RESOLUTION_MS + 1000);
    expect(await touchLastActive(db, touched, later)).toBe(true);
  });
});
