import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import { can, type Permission } from "../../lib/authz/permissions";
import { listAuditEvents } from "../../lib/audit/list";
import { Role } from "../../lib/db/generated/enums";
import { ForbiddenError } from "../../lib/errors";
import { listVisibleProgrammes } from "../../lib/programmes/scope";
import { archiveUnit, createUnit, listUnits, moveUnit, renameUnit } from "../../lib/units/units";
import { listUsers, userFilterSchema } from "../../lib/users/list";
import { checkInvitations, inviteSchema, sendInvitations } from "../../lib/invitations/invite";
import { inviteMembers } from "../../lib/invitations/invite-members";
import { cancelInvitation, listPendingInvitations, resendAllPending, resendInvitation } from "../../lib/invitations/pending";
import { cohortFilterSchema, getCohort } from "../../lib/pathways/cohorts";
import { addUserWithPathway, archivePathway, enrolMember, getPathway, scheduleSession, unarchivePathway } from "../../lib/pathways/pathways";
import { createCohort, createProgramme, listProgrammesWithCounts, updateCohort, updateProgramme } from "../../lib/pathways/programmes";
import { resendForMembers } from "../../lib/invitations/pending";
import { confirmImport, getImport, previewImport } from "../../lib/imports/import";
import { pathwayReport } from "../../lib/pathways/reports";
import { deactivateMembers, getMemberProfile, reactivateMembers, updateMember, updateMemberSchema } from "../../lib/users/manage";
import { getSettings, settingsSchema, updateSettings } from "../../lib/orgs/settings";
import { createActor, createMember, createOrganization } from "../factories";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";

const db = testDb();
const roles = Object.values(Role);

// Every tenant service that exists so far, with the permission it needs and what it touches.
const services: { name: string; permission: Permission; call: (actor: Actor) => Promise<unknown> }[] = [
  { name: "getSettings", permission: "settings:manage", call: (a) => getSettings(db, a) },
  {
    name: "updateSettings",
    permission: "settings:manage",
    call: (a) => updateSettings(db, a, settingsSchema.parse({ name: `Org by ${a.role}`, invitationExpiryDays: "14", defaultInvitationMessage: "", implementationAdminDomains: "" })),
  },
  { name: "listAuditEvents", permission: "audit:view", call: (a) => listAuditEvents(db, a, { page: 1 }) },
  { name: "listVisibleProgrammes", permission: "programmes:view", call: (a) => listVisibleProgrammes(db, a) },
  { name: "listUsers", permission: "users:view", call: (a) => listUsers(db, a, userFilterSchema.parse({})) },
  { name: "listUnits", permission: "users:view", call: (a) => listUnits(db, a) },
  // Actions on a fresh participant of the actor's own organisation (any role that may manage users may manage them).
  { name: "getMemberProfile", permission: "users:view", call: async (a) => getMemberProfile(db, a, await programmeMember(a)) },
  {
    name: "updateMember",
    permission: "users:manage",
    call: async (a) =>
      updateMember(db, a, updateMemberSchema.parse({ membershipId: await participant(a), firstName: "Edited", lastName: a.role, timezone: "UTC", unitId: "", role: "PARTICIPANT" })),
  },
  { name: "deactivateMembers", permission: "users:manage", call: async (a) => deactivateMembers(db, a, [await participant(a)]) },
  { name: "reactivateMembers", permission: "users:manage", call: async (a) => reactivateMembers(db, a, [await participant(a, "DEACTIVATED")]) },
  { name: "checkInvitations", permission: "invitations:send", call: async (a) => checkInvitations(db, a, await participantInvite(a)) },
  { name: "sendInvitations", permission: "invitations:send", call: async (a) => sendInvitations(db, a, await participantInvite(a)) },
  { name: "listPendingInvitations", permission: "invitations:send", call: (a) => listPendingInvitations(db, a) },
  { name: "resendInvitation", permission: "invitations:send", call: async (a) => resendInvitation(db, a, await pendingInvitation(a)) },
  { name: "resendAllPending", permission: "invitations:send", call: (a) => resendAllPending(db, a) },
  { name: "cancelInvitation", permission: "invitations:send", call: async (a) => cancelInvitation(db, a, await pendingInvitation(a)) },
  { name: "listProgrammesWithCounts", permission: "programmes:view", call: (a) => listProgrammesWithCounts(db, a) },
  { name: "pathwayReport", permission: "programmes:view", call: (a) => pathwayReport(db, a) },
  { name: "createProgramme", permission: "programmes:manage", call: (a) => createProgramme(db, a, { name: `Programme by ${a.role} ${Math.random()}`, description: "", sessionsIncluded: 4 }) },
  {
    name: "createCohort",
    permission: "programmes:manage",
    call: async (a) => createCohort(db, a, { programmeId: (await setting(a)).programmeId, name: `Cohort ${Math.random()}`, clientName: "", startDate: null, endDate: null }),
  },
  {
    name: "updateCohort",
    permission: "programmes:manage",
    call: async (a) => updateCohort(db, a, { cohortId: (await setting(a)).cohortId, name: `Renamed by ${a.role} ${Math.random()}`, clientName: "", startDate: null, endDate: null }),
  },
  {
    name: "updateProgramme",
    permission: "programmes:manage",
    call: async (a) => updateProgramme(db, a, { programmeId: (await setting(a)).programmeId, name: `Programme ${Math.random()}`, description: "", sessionsIncluded: 6 }),
  },
  {
    name: "addUserWithPathway",
    permission: "pathways:manage",
    call: async (a) => {
      const { membershipId: _m, ...rest } = await enrolment(a);
      return addUserWithPathway(db, a, { ...rest, email: `plus-${Math.random().toString(36).slice(2)}@example.test`, firstName: "P", lastName: "Q" });
    },
  },
  { name: "scheduleSession", permission: "sessions:manage", call: async (a) => scheduleSession(db, a, { pathwayId: await pathwayFor(a), title: "T", date: "2026-05-01", time: "10:00", durationMinutes: 30 }) },
  { name: "resendForMembers", permission: "invitations:send", call: async (a) => resendForMembers(db, a, [await participant(a)]) },
  { name: "inviteMembers", permission: "users:manage", call: async (a) => inviteMembers(db, a, [await participant(a, "NOT_INVITED")]) },
  { name: "previewImport", permission: "imports:run", call: async (a) => previewImport(db, a, { cohortId: (await setting(a)).cohortId, fileName: "m.csv", bytes: await importFile(a) }) },
  {
    name: "getImport+confirmImport",
    permission: "imports:run",
    call: async (a) => {
      // The preview is the actor's own when they may import; otherwise an admin's, which they must not reach.
      const owner = can(a.role, "imports:run") ? a : await createActor(db, a.organizationId, "ADMIN");
      const preview = await previewImport(db, owner, { cohortId: (await setting(owner)).cohortId, fileName: "m.csv", bytes: await importFile(a) });
      await getImport(db, a, preview.id);
      return confirmImport(db, a, preview.id);
    },
  },
  { name: "getCohort", permission: "programmes:view", call: async (a) => getCohort(db, a, (await setting(a)).cohortId, cohortFilterSchema.parse({})) },
  { name: "enrolMember", permission: "pathways:manage", call: async (a) => enrolMember(db, a, await enrolment(a)) },
  { name: "getPathway", permission: "pathways:view", call: async (a) => getPathway(db, a, await pathwayFor(a)) },
  { name: "archivePathway", permission: "pathways:manage", call: async (a) => archivePathway(db, a, { pathwayId: await pathwayFor(a), reason: "DNF", credit: true }) },
  {
    name: "unarchivePathway",
    permission: "pathways:restore",
    call: async (a) => {
      const pathwayId = await pathwayFor(a);
      await db.pathway.updateMany({ where: { id: pathwayId }, data: { status: "ARCHIVED", archiveReason: "DNS" } });
      return unarchivePathway(db, a, pathwayId);
    },
  },
  { name: "createUnit", permission: "units:manage", call: (a) => createUnit(db, a, { name: `Unit by ${a.role}`, parentId: null }) },
  { name: "renameUnit", permission: "units:manage", call: async (a) => renameUnit(db, a, { unitId: await unit(a), name: "Renamed" }) },
  { name: "moveUnit", permission: "units:manage", call: async (a) => moveUnit(db, a, { unitId: await unit(a), parentId: null }) },
  { name: "archiveUnit", permission: "units:manage", call: async (a) => archiveUnit(db, a, { unitId: await unit(a) }) },
];

async function participant(a: Actor, status: "ACTIVE" | "DEACTIVATED" | "NOT_INVITED" = "ACTIVE") {
  return (await createMember(db, a.organizationId, { role: "PARTICIPANT", status })).membership.id;
}
// A member the actor can see: for programme-scoped roles, one sharing their programme.
async function programmeMember(a: Actor) {
  const id = await participant(a);
  const programme = await db.programme.findFirstOrThrow({ where: { organizationId: a.organizationId } });
  for (const membershipId of [id, a.membershipId]) {
    await db.programmeAssignment.upsert({
      where: { organizationId_programmeId_membershipId: { organizationId: a.organizationId, programmeId: programme.id, membershipId } },
      create: { organizationId: a.organizationId, programmeId: programme.id, membershipId },
      update: {},
    });
  }
  return id;
}
// An invitation of a participant to the organisation's programme, which the actor is assigned to.
async function participantInvite(a: Actor) {
  const programme = await db.programme.findFirstOrThrow({ where: { organizationId: a.organizationId } });
  await db.programmeAssignment.upsert({
    where: { organizationId_programmeId_membershipId: { organizationId: a.organizationId, programmeId: programme.id, membershipId: a.membershipId } },
    create: { organizationId: a.organizationId, programmeId: programme.id, membershipId: a.membershipId },
    update: {},
  });
  const email = `invitee-${Math.random().toString(36).slice(2)}@example.test`;
  return inviteSchema.parse({ emails: email, role: "PARTICIPANT", programmeIds: [programme.id], unitId: "", message: "" });
}
async function pendingInvitation(a: Actor) {
  const admin = await createActor(db, a.organizationId, "ADMIN");
  const input = await participantInvite(a);
  await sendInvitations(db, admin, input);
  return (await db.invitation.findFirstOrThrow({ where: { organizationId: a.organizationId, email: input.emails } })).id;
}
// The organisation's programme (the actor assigned to it), a cohort, an active coach (the actor when a coach).
async function setting(a: Actor) {
  const programme = await db.programme.findFirstOrThrow({ where: { organizationId: a.organizationId }, orderBy: { createdAt: "asc" } });
  await db.programmeAssignment.upsert({
    where: { organizationId_programmeId_membershipId: { organizationId: a.organizationId, programmeId: programme.id, membershipId: a.membershipId } },
    create: { organizationId: a.organizationId, programmeId: programme.id, membershipId: a.membershipId },
    update: {},
  });
  const cohort =
    (await db.cohort.findFirst({ where: { organizationId: a.organizationId, programmeId: programme.id } })) ??
    (await db.cohort.create({ data: { organizationId: a.organizationId, programmeId: programme.id, name: "Matrix cohort" } }));
  const coach = a.role === "COACH" ? { membership: { id: a.membershipId } } : await createMember(db, a.organizationId, { role: "COACH" });
  const coachEmail = (await db.membership.findFirstOrThrow({ where: { organizationId: a.organizationId, id: coach.membership.id }, include: { user: true } })).user.email;
  return { programmeId: programme.id, cohortId: cohort.id, coachMembershipId: coach.membership.id, coachEmail };
}
async function enrolment(a: Actor) {
  const s = await setting(a);
  return { membershipId: await participant(a), cohortId: s.cohortId, coach: s.coachEmail, startDate: "2026-03-02", timezone: "UTC", tags: [] };
}
// A pathway the actor reaches: in their programme, coached by them when a coach, theirs when a participant.
async function pathwayFor(a: Actor) {
  const s = await setting(a);
  const membershipId = a.role === "PARTICIPANT" ? a.membershipId : await participant(a);
  const pathway = await db.pathway.create({
    data: { organizationId: a.organizationId, membershipId, programmeId: s.programmeId, cohortId: s.cohortId, coachMembershipId: s.coachMembershipId, startDate: new Date(), timezone: "UTC" },
  });
  return pathway.id;
}
async function importFile(a: Actor) {
  const s = await setting(a);
  const programme = await db.programme.findFirstOrThrow({ where: { id: s.programmeId } });
  const email = `imported-${Math.random().toString(36).slice(2)}@example.test`;
  const rows = ["username,first_name,last_name,email,programme,startdate,primary_coach,timezone", `${email},Im,Ported,${email},${programme.name},01-03-2026,${s.coachEmail},UTC`];
  return new TextEncoder().encode(rows.join("\n"));
}
async function unit(a: Actor) {
  return (await db.orgUnit.create({ data: { organizationId: a.organizationId, name: `Unit for ${a.role}` } })).id;
}

describe("permission matrix: every role x every service, in two organisations", () => {
  const orgs: { id: string; name: string }[] = [];
  beforeAll(async () => {
    orgs.push(await createOrganization(db, { name: "Matrix A" }), await createOrganization(db, { name: "Matrix B" }));
    // Something in each organisation for list services to (wrongly) find: named after its organisation.
    for (const org of orgs) await db.programme.create({ data: { organizationId: org.id, name: `${org.name} programme` } });
  });

  it("allows exactly what the permission table allows, and touches only the actor's organisation", async () => {
    let cells = 0;
    let leaks = 0;
    for (const org of orgs) {
      const other = orgs.find((o) => o.id !== org.id)!;
      for (const role of roles) {
        const actor = await createActor(db, org.id, role);
        for (const service of services) {
          const otherBefore = await db.organization.findUniqueOrThrow({ where: { id: other.id } });
          const call = service.call(actor);
          if (can(role, service.permission)) {
            const result = await call;
            // The result never carries the other organisation's data.
            const json = JSON.stringify(result) ?? "";
            if (json.includes(other.id) || json.includes(other.name)) leaks++;
          } else {
            await expect(call, `${role} ${service.name}`).rejects.toThrow(ForbiddenError);
          }
          const otherAfter = await db.organization.findUniqueOrThrow({ where: { id: other.id } });
          if (JSON.stringify(otherAfter) !== JSON.stringify(otherBefore)) leaks++;
          cells++;
        }
      }
    }
    recordFigures("permission-matrix", { matrixCells: cells, isolationChecks: cells, leaks });
    expect(cells).toBe(orgs.length * roles.length * services.length);
    expect(leaks).toBe(0);
  });

  it("a forged organisationId on the actor reaches nothing: services read it from the membership the action resolved", async () => {
    // The action wrapper builds the Actor from the session's membership; a browser never supplies
    // organizationId (settingsSchema is strict and would refuse the field).
    const parsed = settingsSchema.safeParse({ name: "x", invitationExpiryDays: "1", defaultInvitationMessage: "", implementationAdminDomains: "", organizationId: orgs[1].id });
    expect(parsed.success).toBe(false);
  });
});
