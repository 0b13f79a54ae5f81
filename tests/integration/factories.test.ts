import { describe, expect, it } from "vitest";
import { acceptInvitation, InvalidInvitationError } from "../../lib/invitations/accept";
import { getImport } from "../../lib/imports/import";
import { hashToken } from "../../lib/security/tokens";
import {
  assignProgramme,
  createAuditEvent,
  createCoachingSession,
  createCohort,
  createCreditEntry,
  createImportPreview,
  createInvitation,
  createMember,
  createPathway,
  createProgramme,
  createUnit,
  importRow,
} from "../factories";
import { testDb } from "../support/db";
import { createImportWorld, createOrganizationWith, createWorld, IMPORT_COACH } from "../support/world";

// The factories and the world are what every other integration test stands on: they must build what
// they say, in one organisation, and must not be able to build what the schema forbids.
const db = testDb();

describe("the test world", () => {
  it("is one organisation with a member of each role, a programme, a cohort and a pathway, beside a second organisation", async () => {
    const w = await createWorld(db);
    const members = await db.membership.findMany({ where: { organizationId: w.org.id }, orderBy: { role: "asc" } });
    expect(members.map((m) => [m.role, m.status])).toEqual(
      ["OWNER", "ADMIN", "PROGRAM_MANAGER", "COACH", "SPONSOR", "PARTICIPANT"].map((role) => [role, "ACTIVE"]),
    );
    for (const actor of [w.owner, w.admin, w.pm, w.coach, w.sponsor, w.participant]) {
      expect(actor.organizationId).toBe(w.org.id);
      expect(members.map((m) => m.id)).toContain(actor.membershipId);
    }
    const assigned = await db.programmeAssignment.findMany({ where: { organizationId: w.org.id, programmeId: w.programme.id } });
    expect(assigned.map((a) => a.membershipId).sort()).toEqual([w.pm.membershipId, w.sponsor.membershipId].sort());
    expect(w.cohort).toMatchObject({ organizationId: w.org.id, programmeId: w.programme.id, name: "Spring" });
    expect(w.pathway).toMatchObject({
      organizationId: w.org.id,
      cohortId: w.cohort.id,
      programmeId: w.programme.id,
      membershipId: w.participant.membershipId,
      coachMembershipId: w.coach.membershipId,
    });

    expect(w.other.org.id).not.toBe(w.org.id);
    for (const row of [w.other.admin, w.other.coach, w.other.programme, w.other.cohort]) expect(row.organizationId).toBe(w.other.org.id);
    // Built straight into the tables: no mail queued, nothing audited.
    expect(await db.emailOutbox.count({ where: { organizationId: { in: [w.org.id, w.other.org.id] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { organizationId: { in: [w.org.id, w.other.org.id] } } })).toBe(0);
  });

  it("holds exactly the members asked for, and leaves the cohort empty when asked", async () => {
    const small = await createOrganizationWith(db, ["admin"], { seatLimit: 3 });
    expect(await db.membership.count({ where: { organizationId: small.org.id } })).toBe(1);
    expect(small.org.seatLimit).toBe(3);
    const w = await createWorld(db, { members: ["admin", "coach"], pathway: false });
    expect(await db.membership.count({ where: { organizationId: w.org.id } })).toBe(2);
    expect(w.pathway).toBeNull();
    expect(await db.pathway.count({ where: { organizationId: w.org.id } })).toBe(0);
    const imports = await createImportWorld(db);
    expect(imports.coach.email).toBe(IMPORT_COACH);
    expect(imports.programme.name).toBe("Import Programme");
  });
});

describe("the factories", () => {
  it("refuse to link rows of two organisations, as the schema does", async () => {
    const w = await createWorld(db, { pathway: false });
    const theirs = w.other;
    await expect(
      createPathway(db, { cohort: w.cohort, participant: w.participant.membership, coach: theirs.coach.membership }),
    ).rejects.toThrow(/Pathway_organizationId_coachMembershipId_fkey/);
    await expect(
      createPathway(db, { cohort: theirs.cohort, participant: w.participant.membership, coach: theirs.coach.membership }),
    ).rejects.toThrow(/Pathway_organizationId_membershipId_fkey/);
    await expect(assignProgramme(db, theirs.programme, w.pm.membership)).rejects.toThrow(
      /ProgrammeAssignment_organizationId_membershipId_fkey/,
    );
    await expect(createUnit(db, w.org.id, { parent: await createUnit(db, theirs.org.id) })).rejects.toThrow(
      /OrgUnit_organizationId_parentId_fkey/,
    );
    expect(await db.pathway.count({ where: { organizationId: { in: [w.org.id, theirs.org.id] } } })).toBe(0);
    // Positive controls: the same rows within one organisation.
    const pathway = await createPathway(db, { cohort: w.cohort, participant: w.participant.membership, coach: w.coach.membership });
    expect(pathway.organizationId).toBe(w.org.id);
    const programme = await createProgramme(db, w.org.id);
    await expect(assignProgramme(db, programme, w.pm.membership)).resolves.toMatchObject({ programmeId: programme.id });
    const parent = await createUnit(db, w.org.id);
    await expect(createUnit(db, w.org.id, { parent })).resolves.toMatchObject({ organizationId: w.org.id, parentId: parent.id });
  });

  it("make an invitation whose raw token the accept path takes, once", async () => {
    const { org } = await createOrganizationWith(db, ["admin"]);
    const { invitation, token, user } = await createInvitation(db, org.id, { role: "COACH" });
    expect(invitation.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(invitation)).not.toContain(token);
    const input = { token, firstName: "Ina", lastName: "Vited", timezone: "UTC", password: "an invited person's passphrase" };
    expect(await acceptInvitation(db, input, "192.0.2.60")).toEqual({ email: user.email, slug: org.slug });
    await expect(acceptInvitation(db, input, "192.0.2.61")).rejects.toThrow(InvalidInvitationError);
  });

  it("keep the credit balance equal to the ledger's sum, and make sessions, previews and audit events of the organisation", async () => {
    const w = await createWorld(db);
    await createCreditEntry(db, w.cohort, { amount: 4, pathwayId: w.pathway.id });
    await createCreditEntry(db, w.cohort, { amount: -1 });
    const ledger = await db.creditEntry.aggregate({ where: { cohortId: w.cohort.id }, _sum: { amount: true } });
    expect((await db.cohort.findFirstOrThrow({ where: { id: w.cohort.id } })).creditBalance).toBe(ledger._sum.amount);
    expect(ledger._sum.amount).toBe(3);

    const session = await createCoachingSession(db, w.pathway, { status: "ATTENDED" });
    expect(session).toMatchObject({ organizationId: w.org.id, pathwayId: w.pathway.id, status: "ATTENDED" });

    const preview = await createImportPreview(db, w.org.id, {
      createdBy: w.admin,
      cohort: w.cohort,
      rows: [importRow(), importRow({ row: 3, colour: "red", errors: { email: "Not a valid email address" } })],
    });
    expect(preview).toMatchObject({ green: 1, yellow: 0, red: 1, status: "PREVIEWED" });
    expect((await getImport(db, w.admin, preview.id)).rows.map((r) => r.colour)).toEqual(["green", "red"]);

    const event = await createAuditEvent(db, w.org.id, { actorId: w.admin.userId, action: "unit.create", targetType: "unit" });
    expect(event).toMatchObject({ organizationId: w.org.id, actorId: w.admin.userId });

    const programme = await createProgramme(db, w.org.id, { sessionsIncluded: 2 });
    expect(await createCohort(db, programme)).toMatchObject({ organizationId: w.org.id, programmeId: programme.id, creditBalance: 0 });
    const invited = await createMember(db, w.org.id, { role: "COACH", status: "INVITED", firstName: "Nell", lastName: "Never" });
    // Not joined: the organisation's own names, not the account's.
    expect((await db.membership.findFirstOrThrow({ where: { id: invited.membership.id } })).firstName).toBe("Nell");
  });
});
