import { describe, expect, it } from "vitest";
import { readerFor } from "../../lib/i18n/translator";
import { describeChanges } from "../../lib/audit/changes";
import { listAuditEvents } from "../../lib/audit/list";
import { auditSentence } from "../../lib/audit/sentence";
import { addUserWithPathway, addUserWithPathwaySchema } from "../../lib/pathways/enrol";
import { archivePathway, archiveSchema } from "../../lib/pathways/archive";
import { cohortSchema, createCohort } from "../../lib/programmes/cohorts";
import { createProgramme, programmeSchema } from "../../lib/programmes/programmes";
import { createUnit, createUnitSchema, moveUnit, moveUnitSchema, renameUnit, renameUnitSchema } from "../../lib/units/units";
import { getMemberProfile } from "../../lib/users/member-profile";
import { updateMember, updateMemberSchema } from "../../lib/users/update-member";
import { createMember, createOrganization, unique } from "../factories";
import { createActor } from "../factories/actor";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";

// The sentences as an English reader reads them.
const en = await readerFor("en");

const db = testDb();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Everything a reader sees of an event: its sentence and its labelled field changes. */
const shown = (e: Parameters<typeof auditSentence>[1]) =>
  [
    auditSentence(en, e),
    ...describeChanges(en, e.before, e.after, "UTC", e.names).flatMap((c) => [c.label, c.before ?? "", c.after ?? ""]),
  ].join(" | ");

async function named(organizationId: string, role: "PARTICIPANT" | "COACH", firstName: string, lastName: string) {
  const m = await createMember(db, organizationId, { role });
  await db.user.update({ where: { id: m.user.id }, data: { firstName, lastName, timezone: "Europe/London" } });
  return m;
}

describe("the audit log, as people read it", () => {
  it("says what happened in sentences with the names this organisation sees: never codes, ids or JSON, never an outsider's own name", async () => {
    const org = await createOrganization(db);
    const admin = await createActor(db, org.id, "ADMIN");
    await db.user.update({ where: { id: admin.userId }, data: { firstName: "Adam", lastName: "Admin" } });
    const pat = await named(org.id, "PARTICIPANT", "Pat", "Participant");
    const coach = await named(org.id, "COACH", "Carla", "Coach");
    // Someone who uses Pathwise elsewhere under a name of their own, added here under the name typed here.
    const outsider = await createMember(db, (await createOrganization(db)).id, { role: "COACH" });
    const secret = `Gloria${unique()}`;
    await db.user.update({ where: { id: outsider.user.id }, data: { firstName: secret, lastName: "Globetrotter" } });

    const leadership = await createUnit(db, admin, createUnitSchema.parse({ name: "Leadership" }));
    const sales = await createUnit(db, admin, createUnitSchema.parse({ name: "Sales", parentId: leadership.id }));
    await renameUnit(db, admin, renameUnitSchema.parse({ unitId: sales.id, name: "Sales Excellence" }));
    await moveUnit(db, admin, moveUnitSchema.parse({ unitId: sales.id, parentId: "" }));
    const edit = (changes: Record<string, unknown>) =>
      updateMemberSchema.parse({
        membershipId: pat.membership.id,
        firstName: "Pat",
        lastName: "Participant",
        timezone: "Europe/London",
        unitId: "",
        programmeIds: [],
        role: "PARTICIPANT",
        ...changes,
      });
    await updateMember(db, admin, edit({ unitId: sales.id }));
    await updateMember(db, admin, edit({ unitId: sales.id, role: "COACH" }));
    const programme = await createProgramme(db, admin, programmeSchema.parse({ name: "Leadership Essentials", sessionsIncluded: "6" }));
    const cohort = await createCohort(
      db,
      admin,
      cohortSchema.parse({ programmeId: programme.id, name: "Spring 2026", startDate: "2026-03-01", endDate: "" }),
    );
    const { pathway } = await addUserWithPathway(
      db,
      admin,
      addUserWithPathwaySchema.parse({
        email: outsider.user.email,
        firstName: "Typed",
        lastName: "Here",
        cohortId: cohort.id,
        coach: coach.user.email,
        startDate: "2026-04-01",
        timezone: "UTC",
      }),
    );
    await archivePathway(db, admin, archiveSchema.parse({ pathwayId: pathway.id, reason: "DNS", credit: "on" }));

    const { events } = await listAuditEvents(db, admin, { page: 1 });
    const sentences = events.map((e) => auditSentence(en, e));
    expect(sentences.reverse()).toEqual([
      "Adam Admin created the unit Leadership",
      "Adam Admin created the unit Sales under Leadership",
      "Adam Admin renamed the unit Sales to Sales Excellence",
      "Adam Admin moved the unit Sales Excellence to the top level",
      "Adam Admin moved Pat Participant to the unit Sales Excellence",
      "Adam Admin changed Pat Participant's role from Participant to Coach",
      "Adam Admin created the programme Leadership Essentials",
      "Adam Admin created the cohort Spring 2026 in Leadership Essentials",
      "Adam Admin invited Typed Here to join as a participant",
      "Adam Admin created Typed Here's pathway in Leadership Essentials (Spring 2026), coached by Carla Coach",
      "Adam Admin archived Typed Here's pathway in Leadership Essentials (Spring 2026): did not start",
    ]);
    // The role change lists its fields by label, with names for the unit, not ids.
    const roleChange = events.find((e) => e.action === "member.change_role")!;
    expect(describeChanges(en, roleChange.before, roleChange.after, "UTC", roleChange.names)).toEqual([
      { field: "role", label: "Role", before: "Participant", after: "Coach" },
    ]);
    const unitChange = events.find((e) => e.action === "member.change_unit")!;
    expect(describeChanges(en, unitChange.before, unitChange.after, "UTC", unitChange.names)).toContainEqual({
      field: "unitId",
      label: "Unit",
      before: "none",
      after: "Sales Excellence",
    });
    const created = events.find((e) => e.action === "pathway.create")!;
    // (jsonb keeps its own key order, so the fields are compared as a set)
    expect(describeChanges(en, created.before, created.after, "UTC", created.names).sort((a, b) => a.field.localeCompare(b.field))).toEqual(
      [
        { field: "coachMembershipId", label: "Coach", after: "Carla Coach" },
        { field: "cohortId", label: "Cohort", after: "Spring 2026" },
        { field: "membershipId", label: "Member", after: "Typed Here" },
      ],
    );

    const texts = events.map(shown);
    const codes = new Set(events.map((e) => e.action));
    const raw = texts.filter((t) => UUID.test(t) || [...codes].some((c) => t.includes(c)) || /[{}"]/.test(t));
    const leaks = texts.filter((t) => t.includes(secret));
    recordFigures("audit-sentences", { auditEventsRead: events.length, auditRawValuesShown: raw.length, auditNameLeaks: leaks.length });
    expect(raw).toEqual([]);
    expect(leaks).toEqual([]);

    // A user's page tells the same story about them.
    const profile = await getMemberProfile(db, admin, pat.membership.id);
    expect(profile.audit.map((e) => auditSentence(en, e))).toEqual([
      "Adam Admin changed Pat Participant's role from Participant to Coach",
      "Adam Admin moved Pat Participant to the unit Sales Excellence",
    ]);
  });

  it("names only what the organisation's own rows hold: another organisation's ids in an event stay unnamed", async () => {
    const org = await createOrganization(db);
    const other = await createOrganization(db);
    const admin = await createActor(db, org.id, "ADMIN");
    const secret = `Secret${unique()}`;
    const elsewhere = await named(other.id, "PARTICIPANT", secret, "Elsewhere");
    const unitThere = await db.orgUnit.create({ data: { organizationId: other.id, name: `Hidden${unique()}` } });
    await db.auditEvent.create({
      data: {
        organizationId: org.id,
        actorId: elsewhere.user.id,
        action: "member.change_unit",
        targetType: "membership",
        targetId: elsewhere.membership.id,
        after: { unitId: unitThere.id },
      },
    });
    const [event] = (await listAuditEvents(db, admin, { page: 1 })).events;
    const text = shown(event);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(unitThere.name);
    expect(text).not.toMatch(UUID);
    expect(auditSentence(en, event)).toBe("Someone moved a member to another unit");
  });
});
