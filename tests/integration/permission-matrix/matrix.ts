import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../lib/authz/actor";
import { can, type Permission } from "../../../lib/authz/permissions";
import { listAuditEvents } from "../../../lib/audit/list";
import { Role } from "../../../lib/db/generated/enums";
import { ForbiddenError, NotFoundError } from "../../../lib/errors";
import { listVisibleProgrammes } from "../../../lib/programmes/scope";
import { archiveUnit, createUnit, listUnits, moveUnit, renameUnit, unitsForPickers } from "../../../lib/units/units";
import { listUsers, userFilterSchema } from "../../../lib/users/list";
import { checkInvitations, inviteSchema } from "../../../lib/invitations/check";
import { sendInvitations } from "../../../lib/invitations/send";
import { inviteMembers } from "../../../lib/invitations/invite-members";
import { cancelInvitation, listPendingInvitations, resendAllPending, resendInvitation } from "../../../lib/invitations/pending";
import { cohortFilterSchema, getCohort } from "../../../lib/programmes/cohorts";
import { addUserWithPathway, enrolMember } from "../../../lib/pathways/enrol";
import { archivePathway, unarchivePathway } from "../../../lib/pathways/archive";
import { getPathway, memberPathways, pathwaysInReach, pathwayWatchlist } from "../../../lib/pathways/read";
import { scheduleSession } from "../../../lib/pathways/sessions";
import { sessionDetails } from "../../../lib/sessions/access";
import { sessionNotepad, setAgenda } from "../../../lib/sessions/notepad";
import { meetingLinkSettings, setMeetingLink } from "../../../lib/sessions/meeting-links";
import { answerBooking, cancelMySession, cancelSession, editSession } from "../../../lib/sessions/changes";
import { createFeed, feedStatus, revokeFeed } from "../../../lib/sessions/feed";
import { availabilitySchema, getAvailability, setAvailability } from "../../../lib/sessions/availability";
import { bookingOptions, bookSession } from "../../../lib/sessions/booking";
import { getReminderChoice, setReminderChoice } from "../../../lib/sessions/reminders";
import { setSessionStatus } from "../../../lib/sessions/status";
import { activeCoaches, cohortsForPicker } from "../../../lib/pathways/pickers";
import { createCohort, updateCohort } from "../../../lib/programmes/cohorts";
import { createProgramme, listProgrammesWithCounts, updateProgramme } from "../../../lib/programmes/programmes";
import { resendForMembers } from "../../../lib/invitations/pending";
import { confirmImport, getImport, previewImport, redRowsCsv } from "../../../lib/imports/import";
import { pathwayReport, pathwayReportCsv } from "../../../lib/reports/pathway-report";
import { inviteFormContext } from "../../../lib/invitations/form-context";
import { runBulk } from "../../../lib/users/bulk";
import { exportUsersCsv } from "../../../lib/users/export";
import { getSeatUsage } from "../../../lib/users/seats";
import { deactivateMembers, reactivateMembers } from "../../../lib/users/activation";
import { getMemberProfile } from "../../../lib/users/member-profile";
import { updateMember, updateMemberSchema } from "../../../lib/users/update-member";
import { getSettings, settingsSchema, updateSettings } from "../../../lib/orgs/settings";
import { sendMessage } from "../../../lib/messages/send";
import { getThread, listThreads } from "../../../lib/messages/threads";
import { participantHome } from "../../../lib/portal/home";
import { coachUpcomingSessions, participantSessions, sessionsPageSchema } from "../../../lib/sessions/lists";
import { calendarSessions } from "../../../lib/sessions/calendar";
import { coacheeFilterSchema, coacheesOfCoach, listCoachees } from "../../../lib/coachees/coachees";
import {
  addCoachee,
  addCoacheeSchema,
  coacheeForEdit,
  editCoachee,
  inviteCoachee,
  resendCoacheeInvitation,
} from "../../../lib/coachees/add-coachee";
import {
  answersFormSchema,
  assignees,
  assignQuestions,
  assignTemplate,
  assignTemplateSchema,
  getAssessment,
  listCoacheeAssessments,
  reviewAssessment,
  saveAnswers,
  withdrawAssessment,
} from "../../../lib/assessments/assignments";
import { coachAssessmentsSchema, listCoachAssessments } from "../../../lib/assessments/coach-list";
import { archiveTemplate, createTemplate, getTemplate, listTemplates, updateTemplate } from "../../../lib/assessments/templates";
import {
  acceptRequest,
  declineRequest,
  linkCoachee,
  listWaitingRequests,
  requestsForMe,
  withdrawRequest,
} from "../../../lib/coaching/requests";
import { addToGroup, createGroup, deleteGroup, getGroup, listGroups, updateGroup } from "../../../lib/coachees/groups";
import {
  createActionItem,
  createActor,
  createCoacheeGroup,
  createCoachingRelationship,
  createGoal,
  createMember,
  createMilestone,
  createOrganization,
  unique,
} from "../../factories";
import { listActivity } from "../../../lib/activity/list";
import { addNoteComment, deleteNoteComment, editNoteComment, listNoteComments } from "../../../lib/notes/comments";
import { createNote, deleteNote, getNote, listNotes, noteFilterSchema, saveNote, setNoteSharing } from "../../../lib/notes/notes";
import { getCoacheeProfile } from "../../../lib/coachees/profile";
import {
  appointmentSchema,
  coacheeSessions,
  scheduleAppointment,
  sessionFormContext,
  startSessionNow,
  startSessionSchema,
} from "../../../lib/coachees/sessions";
import {
  createActionItem as createGoalAction,
  createActionItemSchema,
  deleteActionItem,
  getActionItem,
  moveActionItem,
  setActionItemProgress,
  updateActionItem,
  updateActionItemSchema,
} from "../../../lib/goals/action-items";
import {
  createGoal as createGoalFor,
  createGoalSchema,
  createMilestone as createMilestoneOn,
  deleteGoal,
  deleteMilestone,
  goalsOverview,
  listGoals,
  readGoalsPage,
  updateGoal,
  updateMilestone,
} from "../../../lib/goals/goals";
import { reorder } from "../../../lib/goals/reorder";
import { createSeries, createSeriesSchema, deleteSeries, getSeries, updateSeries, updateSeriesSchema } from "../../../lib/goals/series";
import { addComment, deleteComment, editComment, listCoacheeComments, listComments } from "../../../lib/goals/comments";
import { deleteFile, downloadFile, getFile, listFiles, shareFile } from "../../../lib/files/files";
import { uploadFile } from "../../../lib/files/upload";
import { getStorageUsage } from "../../../lib/files/quota";
import { localDisk } from "../../../lib/files/storage";
import { actionItemFilterSchema, listActionItems } from "../../../lib/goals/list-action-items";
import { goalsView, placesOf } from "../../../lib/goals/views";
import { coacheesNeedingAttention } from "../../../lib/goals/attention";
import { listNotifications, markAllRead, markRead, openNotification, unreadCount } from "../../../lib/notifications/centre";
import { getPreferences, preferencesSchema, setPreferences } from "../../../lib/notifications/preferences";
import { testDb } from "../../support/db";
import { recordFigures } from "../../support/figures";
import { changedTables, idsIn, markedIdsIn, ORGANIZATION_TABLES, organizationRows } from "../../support/organization-rows";
import { english } from "../../support/english";

const db = testDb();
const roles = Object.values(Role);

// Every tenant service that exists so far, with the permission it needs (a list: any one of them) and what it touches.
/** A fresh import preview: the actor's own when they may import; otherwise an admin's, which they must not reach. */
async function previewFor(a: Actor): Promise<string> {
  const owner = can(a.role, "imports:run") ? a : await createActor(db, a.organizationId, "ADMIN");
  const preview = await previewImport(db, owner, {
    cohortId: (await setting(owner)).cohortId,
    fileName: "m.csv",
    bytes: await importFile(a),
  });
  return preview.id;
}

type Service = { name: string; permission: Permission | Permission[]; call: (actor: Actor) => Promise<unknown> };

// The services by area, each area a test file of its own (./*.test.ts), so the areas run side by side.
// People: settings, users, invitations, imports, units.
const PEOPLE: Service[] = [
  { name: "getSettings", permission: "settings:manage", call: (a) => getSettings(db, a) },
  {
    name: "updateSettings",
    permission: "settings:manage",
    call: (a) =>
      updateSettings(
        db,
        a,
        settingsSchema.parse({
          name: `Org by ${a.role}`,
          invitationExpiryDays: "14",
          defaultInvitationMessage: "",
          implementationAdminDomains: "",
        }),
      ),
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
      updateMember(
        db,
        a,
        updateMemberSchema.parse({
          membershipId: await participant(a),
          firstName: "Edited",
          lastName: a.role,
          timezone: "UTC",
          unitId: await unit(a),
          role: "PARTICIPANT",
        }),
      ),
  },
  { name: "deactivateMembers", permission: "users:manage", call: async (a) => deactivateMembers(db, a, [await participant(a)]) },
  {
    name: "reactivateMembers",
    permission: "users:manage",
    call: async (a) => reactivateMembers(db, a, [await participant(a, "DEACTIVATED")]),
  },
  { name: "checkInvitations", permission: "invitations:send", call: async (a) => checkInvitations(db, a, await participantInvite(a)) },
  { name: "sendInvitations", permission: "invitations:send", call: async (a) => sendInvitations(db, a, await participantInvite(a)) },
  { name: "listPendingInvitations", permission: "invitations:send", call: (a) => listPendingInvitations(db, a) },
  { name: "resendInvitation", permission: "invitations:send", call: async (a) => resendInvitation(db, a, await pendingInvitation(a)) },
  { name: "resendAllPending", permission: "invitations:send", call: (a) => resendAllPending(db, a) },
  { name: "cancelInvitation", permission: "invitations:send", call: async (a) => cancelInvitation(db, a, await pendingInvitation(a)) },
  { name: "listProgrammesWithCounts", permission: "programmes:view", call: (a) => listProgrammesWithCounts(db, a) },
  { name: "pathwayReport", permission: "programmes:view", call: (a) => pathwayReport(db, a) },
  {
    name: "createProgramme",
    permission: "programmes:manage",
    call: (a) =>
      createProgramme(db, a, {
        name: `Programme by ${a.role} ${Math.random()}`,
        description: "",
        sessionsIncluded: 4,
        lateCancellationCounts: false,
      }),
  },
  {
    name: "createCohort",
    permission: "programmes:manage",
    call: async (a) =>
      createCohort(db, a, {
        programmeId: (await setting(a)).programmeId,
        name: `Cohort ${Math.random()}`,
        clientName: "",
        startDate: null,
        endDate: null,
      }),
  },
  {
    name: "updateCohort",
    permission: "programmes:manage",
    call: async (a) =>
      updateCohort(db, a, {
        cohortId: (await setting(a)).cohortId,
        name: `Renamed by ${a.role} ${Math.random()}`,
        clientName: "",
        startDate: null,
        endDate: null,
      }),
  },
  {
    name: "updateProgramme",
    permission: "programmes:manage",
    call: async (a) =>
      updateProgramme(db, a, {
        programmeId: (await setting(a)).programmeId,
        name: `Programme ${Math.random()}`,
        description: "",
        sessionsIncluded: 6,
        lateCancellationCounts: true,
      }),
  },
  {
    name: "addUserWithPathway",
    permission: "pathways:manage",
    call: async (a) => {
      const { membershipId: _m, ...rest } = await enrolment(a);
      return addUserWithPathway(db, a, {
        ...rest,
        email: `plus-${unique()}@example.test`,
        firstName: "P",
        lastName: "Q",
      });
    },
  },
  {
    name: "scheduleSession",
    permission: "sessions:manage",
    call: async (a) =>
      scheduleSession(db, a, { pathwayId: await pathwayFor(a), title: "T", date: "2026-05-01", time: "10:00", durationMinutes: 30 }),
  },
  { name: "resendForMembers", permission: "invitations:send", call: async (a) => resendForMembers(db, a, [await participant(a)]) },
  { name: "inviteMembers", permission: "users:manage", call: async (a) => inviteMembers(db, a, [await participant(a, "NOT_INVITED")]) },
  {
    name: "previewImport",
    permission: "imports:run",
    call: async (a) => previewImport(db, a, { cohortId: (await setting(a)).cohortId, fileName: "m.csv", bytes: await importFile(a) }),
  },
  // Each of an import's two steps has a cell of its own, so confirmImport's own check runs for every
  // role (behind getImport it never did for the roles getImport refuses first).
  { name: "getImport", permission: "imports:run", call: async (a) => getImport(db, a, await previewFor(a)) },
  { name: "confirmImport", permission: "imports:run", call: async (a) => confirmImport(db, a, await previewFor(a)) },
  {
    name: "getCohort",
    permission: "programmes:view",
    call: async (a) => getCohort(db, a, (await setting(a)).cohortId, cohortFilterSchema.parse({})),
  },
  { name: "enrolMember", permission: "pathways:manage", call: async (a) => enrolMember(db, a, await enrolment(a)) },
  { name: "getPathway", permission: "pathways:view", call: async (a) => getPathway(db, a, await pathwayFor(a)) },
  {
    name: "archivePathway",
    permission: "pathways:manage",
    call: async (a) => archivePathway(db, a, { pathwayId: await pathwayFor(a), reason: "DNF", credit: true }),
  },
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

// Programmes and the coach's workspace: the read services behind pages and downloads, messages,
// coachees and groups, coaching requests, the coachee profile, sessions.
const WORKSPACE: Service[] = [
  // Read services behind pages and downloads.
  { name: "unitsForPickers", permission: "users:view", call: (a) => unitsForPickers(db, a) },
  { name: "getSeatUsage", permission: "users:view", call: (a) => getSeatUsage(db, a) },
  { name: "inviteFormContext", permission: "invitations:send", call: (a) => inviteFormContext(db, a) },
  { name: "exportUsersCsv", permission: "users:view", call: (a) => drain(exportUsersCsv(db, a, userFilterSchema.parse({}))) },
  { name: "pathwayReportCsv", permission: "programmes:view", call: (a) => pathwayReportCsv(db, a) },
  {
    name: "redRowsCsv",
    permission: "imports:run",
    call: async (a) => {
      const owner = can(a.role, "imports:run") ? a : await createActor(db, a.organizationId, "ADMIN");
      const preview = await previewImport(db, owner, {
        cohortId: (await setting(owner)).cohortId,
        fileName: "m.csv",
        bytes: await importFile(a),
      });
      return redRowsCsv(db, a, preview.id);
    },
  },
  { name: "activeCoaches", permission: "pathways:manage", call: async (a) => (await setting(a), activeCoaches(db, a)) },
  { name: "cohortsForPicker", permission: "pathways:manage", call: async (a) => (await setting(a), cohortsForPicker(db, a)) },
  { name: "pathwayWatchlist", permission: "pathways:view", call: async (a) => (await pathwayFor(a), pathwayWatchlist(db, a)) },
  { name: "pathwaysInReach", permission: "pathways:view", call: async (a) => (await pathwayFor(a), pathwaysInReach(db, a)) },
  {
    name: "memberPathways",
    permission: "pathways:view",
    call: async (a) => {
      const pathway = await db.pathway.findFirstOrThrow({ where: { organizationId: a.organizationId, id: await pathwayFor(a) } });
      return memberPathways(db, a, pathway.membershipId);
    },
  },
  {
    name: "setSessionStatus",
    permission: "sessions:manage",
    call: async (a) => setSessionStatus(db, a, { sessionId: await sessionFor(a), status: "CANCELLED" }),
  },
  {
    name: "editSession",
    permission: "sessions:manage",
    call: async (a) =>
      editSession(db, a, {
        sessionId: await sessionFor(a),
        title: "Moved",
        date: "2031-05-01",
        time: "10:00",
        timezone: "UTC",
        durationMinutes: 30,
        location: "",
      }),
  },
  {
    name: "cancelMySession",
    permission: "portal:use",
    call: async (a) => cancelMySession(db, a, { sessionId: await sessionFor(a), reason: "" }),
  },
  {
    name: "cancelSession",
    permission: "sessions:manage",
    call: async (a) => cancelSession(db, a, { sessionId: await sessionFor(a), reason: "" }),
  },
  { name: "sessionDetails", permission: "pathways:view", call: async (a) => sessionDetails(db, a, await sessionFor(a)) },
  // The notepad: read by whoever reaches the session (its notes and actions by the notes' own rules), the agenda by whoever works it.
  { name: "sessionNotepad", permission: "pathways:view", call: async (a) => sessionNotepad(db, a, await sessionFor(a)) },
  {
    name: "setAgenda",
    permission: "sessions:manage",
    call: async (a) => setAgenda(db, a, { sessionId: await sessionFor(a), agenda: "Matrix agenda" }),
  },
  // A coach's own meeting room, on their profile.
  { name: "meetingLinkSettings", permission: "coachees:manage", call: (a) => meetingLinkSettings(db, a) },
  {
    name: "setMeetingLink",
    permission: "coachees:manage",
    call: (a) => setMeetingLink(db, a, { meetingUrl: "https://meet.example.test/matrix" }),
  },
  // A calendar feed: whoever has sessions of their own (turned off before it is made, so the fill keeps one).
  { name: "revokeFeed", permission: ["coachees:manage", "portal:use"], call: (a) => revokeFeed(db, a) },
  { name: "createFeed", permission: ["coachees:manage", "portal:use"], call: (a) => createFeed(db, a) },
  { name: "feedStatus", permission: ["coachees:manage", "portal:use"], call: (a) => feedStatus(db, a) },
  // Availability and self-booking: a coach publishes, a participant books.
  { name: "setAvailability", permission: "coachees:manage", call: (a) => setAvailability(db, a, availabilitySchema.parse(OPEN_ALL_WEEK)) },
  { name: "getAvailability", permission: "coachees:manage", call: (a) => getAvailability(db, a) },
  { name: "bookingOptions", permission: "portal:use", call: (a) => bookingOptions(db, a, {}) },
  { name: "bookSession", permission: "portal:use", call: async (a) => bookSession(db, a, await bookingFor(a)) },
  {
    name: "answerBooking",
    permission: "sessions:manage",
    call: async (a) => {
      const sessionId = await sessionFor(a);
      await db.coachingSession.updateMany({ where: { organizationId: a.organizationId, id: sessionId }, data: { status: "REQUESTED" } });
      return answerBooking(db, a, { sessionId, answer: "approve" });
    },
  },
  { name: "getReminderChoice", permission: ["coachees:manage", "portal:use"], call: (a) => getReminderChoice(db, a) },
  { name: "setReminderChoice", permission: ["coachees:manage", "portal:use"], call: (a) => setReminderChoice(db, a, { minutes: [60] }) },
  {
    name: "runBulk",
    permission: "users:manage",
    call: async (a) => runBulk(db, a, { op: "deactivate", membershipIds: [await participant(a)], query: "" }),
  },
  // Messages: both ends of a coach–coachee pair, the coach from their workspace, the participant from their portal.
  {
    name: "sendMessage",
    permission: ["coachees:manage", "portal:use"],
    call: async (a) => sendMessage(db, a, { to: await messagePartner(a), body: "Hello" }),
  },
  { name: "getThread", permission: ["coachees:manage", "portal:use"], call: async (a) => getThread(db, a, await messagePartner(a)) },
  { name: "listThreads", permission: ["coachees:manage", "portal:use"], call: async (a) => (await messagePartner(a), listThreads(db, a)) },
  { name: "participantHome", permission: "portal:use", call: async (a) => (await messagePartner(a), participantHome(db, a)) },
  { name: "participantSessions", permission: "portal:use", call: (a) => participantSessions(db, a, sessionsPageSchema.parse({})) },
  { name: "coachUpcomingSessions", permission: "coachees:manage", call: (a) => coachUpcomingSessions(db, a, sessionsPageSchema.parse({})) },
  // The calendar: the month of a session the actor reaches (an overseer picks its coach).
  {
    name: "calendarSessions",
    permission: "calendar:view",
    call: async (a) => {
      const session = await db.coachingSession.findFirstOrThrow({ where: { organizationId: a.organizationId, id: await sessionFor(a) } });
      const coach = can(a.role, "coachees:oversee") ? session.coachMembershipId : undefined;
      return calendarSessions(db, a, { view: "month", date: session.scheduledAt.toISOString().slice(0, 10), coach }, { zone: "UTC" });
    },
  },
  // A coach's workspace: the actor's own coachees and groups (rows made for any role; only a coach may use them).
  { name: "listCoachees", permission: "coachees:manage", call: (a) => listCoachees(db, a, coacheeFilterSchema.parse({})) },
  {
    name: "addCoachee",
    permission: "coachees:manage",
    call: (a) => addCoachee(db, a, addCoacheeSchema.parse({ firstName: "Co", lastName: "Achee", email: newEmail(), sendInvitation: "on" })),
  },
  { name: "inviteCoachee", permission: "coachees:manage", call: async (a) => inviteCoachee(db, a, await coacheeOf(a, "NOT_INVITED")) },
  {
    name: "resendCoacheeInvitation",
    permission: "coachees:manage",
    call: async (a) => resendCoacheeInvitation(db, a, await invitedCoacheeOf(a)),
  },
  { name: "coacheeForEdit", permission: "coachees:manage", call: async (a) => coacheeForEdit(db, a, await coacheeOf(a, "NOT_INVITED")) },
  {
    name: "editCoachee",
    permission: "coachees:manage",
    call: async (a) =>
      editCoachee(db, a, { coacheeId: await coacheeOf(a, "NOT_INVITED"), firstName: "Ed", lastName: "Ited", email: newEmail() }),
  },
  { name: "coacheesOfCoach", permission: "coachees:oversee", call: async (a) => coacheesOfCoach(db, a, await coachIn(a)) },
  // Coaching requests: a coach asks (through addCoachee) and may withdraw; the participant answers; an
  // administrator or programme manager may link directly.
  { name: "listWaitingRequests", permission: "coachees:manage", call: (a) => listWaitingRequests(db, a) },
  {
    name: "withdrawRequest",
    permission: "coachees:manage",
    call: async (a) => withdrawRequest(db, a, await requestBetween(a, a.membershipId, await participant(a))),
  },
  { name: "requestsForMe", permission: "portal:use", call: (a) => requestsForMe(db, a) },
  {
    name: "acceptRequest",
    permission: "portal:use",
    call: async (a) => acceptRequest(db, a, await requestBetween(a, await coachMember(a), a.membershipId)),
  },
  {
    name: "declineRequest",
    permission: "portal:use",
    call: async (a) => declineRequest(db, a, await requestBetween(a, await coachMember(a), a.membershipId)),
  },
  {
    name: "linkCoachee",
    permission: "coachees:link",
    call: async (a) => {
      const coachee = await programmeMember(a);
      const { user } = await db.membership.findFirstOrThrow({
        where: { organizationId: a.organizationId, id: coachee },
        include: { user: true },
      });
      return linkCoachee(db, a, { coachMembershipId: await coachMember(a), email: user.email });
    },
  },
  { name: "listGroups", permission: "coachees:manage", call: (a) => listGroups(db, a) },
  {
    name: "createGroup",
    permission: "coachees:manage",
    call: async (a) => createGroup(db, a, { name: `Group ${Math.random()}`, description: "", coacheeIds: [await coacheeOf(a)] }),
  },
  {
    name: "updateGroup",
    permission: "coachees:manage",
    call: async (a) =>
      updateGroup(db, a, {
        groupId: await groupOf(a),
        name: `Renamed ${Math.random()}`,
        description: "",
        coacheeIds: [await coacheeOf(a)],
      }),
  },
  { name: "getGroup", permission: "coachees:manage", call: async (a) => getGroup(db, a, await groupOf(a)) },
  { name: "deleteGroup", permission: "coachees:manage", call: async (a) => deleteGroup(db, a, await groupOf(a)) },
  {
    name: "addToGroup",
    permission: "coachees:manage",
    call: async (a) => addToGroup(db, a, { groupId: await groupOf(a), coacheeId: await coacheeOf(a) }),
  },
  // The coachee profile: a coach's own coachee (for any other role, a coach's coachee they must not reach).
  { name: "getCoacheeProfile", permission: "coachees:manage", call: async (a) => getCoacheeProfile(db, a, await coacheeFor(a)) },
  { name: "sessionFormContext", permission: "coachees:manage", call: async (a) => sessionFormContext(db, a, await coacheeFor(a)) },
  {
    name: "scheduleAppointment",
    permission: "coachees:manage",
    call: async (a) => scheduleAppointment(db, a, appointmentSchema.parse(appointmentInput(await coacheeFor(a)))),
  },
  {
    name: "startSessionNow",
    permission: "coachees:manage",
    call: async (a) =>
      startSessionNow(
        db,
        a,
        startSessionSchema.parse({
          coacheeMembershipId: await coacheeFor(a),
          title: "Now",
          durationMinutes: "30",
          location: "",
          pathwayId: "",
        }),
      ),
  },
  { name: "coacheeSessions", permission: "coachees:manage", call: async (a) => coacheeSessions(db, a, await coacheeFor(a), { page: 1 }) },
  { name: "listActivity", permission: "coachees:manage", call: async (a) => listActivity(db, a, await coacheeFor(a), { page: 1 }) },
];

// Coaching material and notifications.
const COACHING: Service[] = [
  // Goals, milestones and actions: the coachee themself (goals:own) and their coaches (coachees:manage).
  ...goalServices(),
  ...noteServices(),
  ...fileServices(),
  ...assessmentServices(),
  { name: "goalsOverview", permission: "coachees:oversee", call: async (a) => goalsOverview(db, a, await programmeMember(a)) },
  // The coach's dashboard: their own coachees only (it takes no id to reach for).
  {
    name: "coacheesNeedingAttention",
    permission: "coachees:manage",
    call: async (a) => (await coacheeFor(a), coacheesNeedingAttention(db, a)),
  },
  // Notifications: everyone's own centre and preferences.
  { name: "listNotifications", permission: "notifications:use", call: async (a) => (await notificationOf(a), listNotifications(db, a)) },
  { name: "unreadCount", permission: "notifications:use", call: async (a) => (await notificationOf(a), unreadCount(db, a)) },
  { name: "markRead", permission: "notifications:use", call: async (a) => markRead(db, a, { notificationId: await notificationOf(a) }) },
  { name: "markAllRead", permission: "notifications:use", call: async (a) => (await notificationOf(a), markAllRead(db, a)) },
  {
    name: "openNotification",
    permission: "notifications:use",
    call: async (a) => openNotification(db, a, { notificationId: await notificationOf(a) }),
  },
  { name: "getPreferences", permission: "notifications:use", call: (a) => getPreferences(db, a) },
  {
    name: "setPreferences",
    permission: "notifications:use",
    call: (a) => setPreferences(db, a, preferencesSchema.parse({ "goal.created": "IN_APP", "action.due": "DIGEST" })),
  },
];

export const AREAS = { people: PEOPLE, workspace: WORKSPACE, coaching: COACHING };
export type Area = keyof typeof AREAS;
const services: Service[] = [...PEOPLE, ...WORKSPACE, ...COACHING];

/** A notification of the actor's own, written straight to the table (as if about their own goal). */
async function notificationOf(a: Actor) {
  const row = await db.notification.create({
    data: {
      organizationId: a.organizationId,
      recipientMembershipId: a.membershipId,
      kind: "goal.created",
      coacheeMembershipId: a.membershipId,
      subjectId: crypto.randomUUID(),
      data: { title: "Matrix goal" },
    },
  });
  return row.id;
}

/** Every goal service, called on a coachee the actor works with (their own goals when a participant, a coachee when a coach). */
function goalServices(): { name: string; permission: Permission[]; call: (actor: Actor) => Promise<unknown> }[] {
  const permission: Permission[] = ["coachees:manage", "goals:own"];
  const tree = async (a: Actor) => {
    const coachee = { organizationId: a.organizationId, id: await goalCoacheeOf(a) };
    const goal = await createGoal(db, coachee);
    const milestone = await createMilestone(db, goal);
    const action = await createActionItem(db, coachee, { milestone });
    return { coachee: coachee.id, goal, milestone, action };
  };
  return [
    {
      name: "createGoal",
      permission,
      call: async (a) =>
        createGoalFor(db, a, createGoalSchema.parse({ coacheeMembershipId: await goalCoacheeOf(a), title: "Matrix goal" })),
    },
    {
      name: "updateGoal",
      permission,
      call: async (a) => updateGoal(db, a, { goalId: (await tree(a)).goal.id, title: "Edited", description: "", dueDate: null }),
    },
    { name: "deleteGoal", permission, call: async (a) => deleteGoal(db, a, { goalId: (await tree(a)).goal.id }) },
    {
      name: "createMilestone",
      permission,
      call: async (a) => createMilestoneOn(db, a, { goalId: (await tree(a)).goal.id, title: "Matrix milestone", dueDate: null }),
    },
    {
      name: "updateMilestone",
      permission,
      call: async (a) => updateMilestone(db, a, { milestoneId: (await tree(a)).milestone.id, title: "Edited", dueDate: null }),
    },
    { name: "deleteMilestone", permission, call: async (a) => deleteMilestone(db, a, { milestoneId: (await tree(a)).milestone.id }) },
    {
      name: "createActionItem",
      permission,
      call: async (a) => {
        const t = await tree(a);
        return createGoalAction(
          db,
          a,
          createActionItemSchema.parse({ coacheeMembershipId: t.coachee, milestoneId: t.milestone.id, title: "Matrix action" }),
        );
      },
    },
    {
      name: "updateActionItem",
      permission,
      call: async (a) =>
        updateActionItem(db, a, updateActionItemSchema.parse({ actionId: (await tree(a)).action.id, title: "Edited", weight: "2" })),
    },
    { name: "deleteActionItem", permission, call: async (a) => deleteActionItem(db, a, { actionId: (await tree(a)).action.id }) },
    {
      name: "moveActionItem",
      permission,
      call: async (a) => {
        const t = await tree(a);
        return moveActionItem(db, a, { actionId: t.action.id, goalId: t.goal.id, milestoneId: null });
      },
    },
    {
      name: "setActionItemProgress",
      permission,
      call: async (a) => setActionItemProgress(db, a, { actionId: (await tree(a)).action.id, progress: 100 }),
    },
    {
      name: "reorder",
      permission,
      call: async (a) => {
        const t = await tree(a);
        const second = await createMilestone(db, t.goal);
        return reorder(db, a, { kind: "milestone", id: second.id, direction: "up" });
      },
    },
    { name: "listGoals", permission, call: async (a) => listGoals(db, a, (await tree(a)).coachee) },
    // Recurring actions: a series of three on the coachee's goal.
    {
      name: "createSeries",
      permission,
      call: async (a) => createSeries(db, a, createSeriesSchema.parse(seriesForm(await goalCoacheeOf(a)))),
    },
    { name: "getSeries", permission, call: async (a) => getSeries(db, a, await seriesOf(a)) },
    {
      name: "updateSeries",
      permission,
      call: async (a) => updateSeries(db, a, updateSeriesSchema.parse(seriesEdit(await seriesOf(a)))),
    },
    { name: "deleteSeries", permission, call: async (a) => deleteSeries(db, a, { seriesId: await seriesOf(a) }) },
    // Comments: on the coachee's goal and action, by the actor (their own) or by the coachee.
    {
      name: "addComment",
      permission,
      call: async (a) => addComment(db, a, { goalId: (await tree(a)).goal.id, body: "Matrix comment" }),
    },
    {
      name: "listComments",
      permission,
      call: async (a) => listComments(db, a, { actionId: (await commentOf(a)).actionId! }),
    },
    { name: "listCoacheeComments", permission, call: async (a) => listCoacheeComments(db, a, (await commentOf(a)).coacheeMembershipId) },
    { name: "editComment", permission, call: async (a) => editComment(db, a, { commentId: (await commentOf(a)).id, body: "Edited" }) },
    { name: "deleteComment", permission, call: async (a) => deleteComment(db, a, { commentId: (await commentOf(a)).id }) },
    {
      name: "listActionItems",
      permission,
      call: async (a) => listActionItems(db, a, (await tree(a)).coachee, actionItemFilterSchema.parse({})),
    },
    { name: "goalsView", permission, call: async (a) => goalsView(db, a, (await tree(a)).coachee) },
    { name: "readGoalsPage", permission, call: async (a) => readGoalsPage(db, a, (await tree(a)).coachee, undefined, 10) },
    { name: "placesOf", permission, call: async (a) => placesOf(db, a, (await tree(a)).coachee) },
    { name: "getActionItem", permission, call: async (a) => getActionItem(db, a, (await tree(a)).action.id) },
  ];
}

/** Every note service, on a note of the actor's own about a coachee they work with (their own notes when a participant). */
function noteServices(): { name: string; permission: Permission[]; call: (actor: Actor) => Promise<unknown> }[] {
  const permission: Permission[] = ["coachees:manage", "goals:own"];
  return [
    {
      name: "createNote",
      permission,
      call: async (a) => createNote(db, a, { coacheeMembershipId: await goalCoacheeOf(a), title: "Matrix", body: "" }),
    },
    { name: "saveNote", permission, call: async (a) => saveNote(db, a, { noteId: (await noteOf(a)).id, title: "Edited", body: "Words" }) },
    // Making private a note that is private: a no-op anyone may ask of their own note (only a coachee shares).
    { name: "setNoteSharing", permission, call: async (a) => setNoteSharing(db, a, { noteId: (await noteOf(a)).id, shared: false }) },
    { name: "deleteNote", permission, call: async (a) => deleteNote(db, a, { noteId: (await noteOf(a)).id }) },
    { name: "getNote", permission, call: async (a) => getNote(db, a, (await noteOf(a)).id) },
    {
      name: "listNotes",
      permission,
      call: async (a) => listNotes(db, a, (await noteOf(a)).coacheeMembershipId, noteFilterSchema.parse({ q: "Mine" })),
    },
    { name: "addNoteComment", permission, call: async (a) => addNoteComment(db, a, { noteId: (await noteOf(a)).id, body: "Matrix" }) },
    { name: "listNoteComments", permission, call: async (a) => listNoteComments(db, a, { noteId: (await noteOf(a)).id }) },
    {
      name: "editNoteComment",
      permission,
      call: async (a) => editNoteComment(db, a, { commentId: (await noteCommentOf(a)).id, body: "Edited" }),
    },
    { name: "deleteNoteComment", permission, call: async (a) => deleteNoteComment(db, a, { commentId: (await noteCommentOf(a)).id }) },
  ];
}
// A note about a coachee the actor works with, written by the actor (by the coachee when the actor could
// not write one, so the call is refused for its role, not for whose note it is).
async function noteOf(a: Actor) {
  const coachee = await goalCoacheeOf(a);
  const author = a.role === "PARTICIPANT" || a.role === "COACH" ? a.membershipId : coachee;
  return db.note.create({
    data: { organizationId: a.organizationId, coacheeMembershipId: coachee, authorMembershipId: author, title: "Mine", body: "Mine" },
  });
}
async function noteCommentOf(a: Actor) {
  const note = await noteOf(a);
  return db.noteComment.create({
    data: { organizationId: a.organizationId, noteId: note.id, authorMembershipId: note.authorMembershipId, body: "Mine" },
  });
}

// Files go to a temporary folder of this run's own.
const fileDisk = localDisk(path.join(os.tmpdir(), `pathwise-matrix-files-${process.pid}`));
const PDF = Buffer.from("%PDF-1.7\n%%EOF\n");

/** A private file of the actor's own (the coachee's when the actor never uploads), its row and its object. */
async function fileOf(a: Actor, coacheeMembershipId?: string) {
  const coachee = coacheeMembershipId ?? (await goalCoacheeOf(a));
  const uploader = a.role === "PARTICIPANT" || a.role === "COACH" ? a.membershipId : coachee;
  const storageKey = `${a.organizationId}/${coachee}/${crypto.randomUUID()}`;
  await fileDisk.put(storageKey, PDF);
  const row = await db.coacheeFile.create({
    data: {
      organizationId: a.organizationId,
      coacheeMembershipId: coachee,
      uploaderMembershipId: uploader,
      visibility: "PRIVATE",
      originalName: "Matrix.pdf",
      mimeType: "application/pdf",
      size: PDF.length,
      storageKey,
    },
    select: { id: true },
  });
  return row.id;
}

/** Every files service, for the coachee themself and their coaches, as for goals. */
function fileServices(): { name: string; permission: Permission[]; call: (actor: Actor) => Promise<unknown> }[] {
  const permission: Permission[] = ["coachees:manage", "goals:own"];
  const upload = async (a: Actor, coacheeMembershipId: string) =>
    uploadFile(db, a, { coacheeMembershipId, visibility: "SHARED", name: "Matrix.pdf", body: Readable.from([PDF]) }, { disk: fileDisk });
  return [
    { name: "uploadFile", permission, call: async (a) => upload(a, await goalCoacheeOf(a)) },
    { name: "getStorageUsage", permission: [...permission, "settings:manage"], call: async (a) => getStorageUsage(db, a) },
    { name: "listFiles", permission, call: async (a) => listFiles(db, a, await goalCoacheeOf(a)) },
    { name: "getFile", permission, call: async (a) => getFile(db, a, { fileId: await fileOf(a) }) },
    {
      name: "downloadFile",
      permission,
      call: async (a) => (await downloadFile(db, a, { fileId: await fileOf(a) }, { disk: fileDisk })).stream.destroy(),
    },
    { name: "shareFile", permission, call: async (a) => shareFile(db, a, { fileId: await fileOf(a), shared: true }) },
    { name: "deleteFile", permission, call: async (a) => deleteFile(db, a, { fileId: await fileOf(a) }, { disk: fileDisk }) },
  ];
}

// Assessments: templates are built by coaches (their own) and admins (the organisation's); assigning and
// reviewing is a coach's (their coachees'), answering the coachee's own, reading both ends'.
function assessmentServices(): { name: string; permission: Permission | Permission[]; call: (actor: Actor) => Promise<unknown> }[] {
  const build: Permission = "assessments:build";
  const coach: Permission = "coachees:manage";
  const template = {
    title: "Matrix template",
    description: "",
    questions: JSON.stringify([{ kind: "short", prompt: "Why?", required: true }]),
  };
  // A template the actor would edit: a coach's own, the organisation's for anyone else (refused by role first).
  const templateOf = async (a: Actor) =>
    (
      await db.assessmentTemplate.create({
        data: {
          organizationId: a.organizationId,
          coachMembershipId: a.role === "COACH" ? a.membershipId : null,
          createdByMembershipId: a.membershipId,
          title: "Matrix template",
          questions: [{ id: crypto.randomUUID(), kind: "short", prompt: "Why?", required: false }],
        },
      })
    ).id;
  // An assignment of the coachee the actor works with (their own when a participant), submitted or not.
  const assignmentOf = async (a: Actor, submitted = false) => {
    const coachee = await goalCoacheeOf(a);
    const by = a.role === "COACH" ? a.membershipId : (await createMember(db, a.organizationId, { role: "COACH" })).membership.id;
    return (
      await db.assessmentAssignment.create({
        data: {
          organizationId: a.organizationId,
          coacheeMembershipId: coachee,
          assignedByMembershipId: by,
          title: "Matrix assessment",
          questions: [{ id: crypto.randomUUID(), kind: "short", prompt: "Why?", required: false }],
          ...(submitted ? { submittedAt: new Date() } : {}),
        },
      })
    ).id;
  };
  return [
    { name: "createTemplate", permission: build, call: (a) => createTemplate(db, a, template) },
    { name: "listTemplates", permission: build, call: (a) => listTemplates(db, a) },
    { name: "getTemplate", permission: build, call: async (a) => getTemplate(db, a, await templateOf(a)) },
    { name: "updateTemplate", permission: build, call: async (a) => updateTemplate(db, a, await templateOf(a), template) },
    { name: "archiveTemplate", permission: build, call: async (a) => archiveTemplate(db, a, await templateOf(a)) },
    {
      name: "assignTemplate",
      permission: coach,
      call: async (a) =>
        assignTemplate(
          db,
          a,
          assignTemplateSchema.parse({ templateId: await templateOf(a), to: `coachee:${await coacheeFor(a)}`, dueDate: "" }),
        ),
    },
    {
      name: "assignQuestions",
      permission: coach,
      call: async (a) => assignQuestions(db, a, { ...template, coacheeId: await coacheeFor(a), dueDate: null }),
    },
    {
      name: "saveAnswers",
      permission: "goals:own",
      call: async (a) =>
        saveAnswers(
          db,
          a,
          answersFormSchema.parse({ assignmentId: await assignmentOf(a), intent: "save" }) as Parameters<typeof saveAnswers>[2],
        ),
    },
    {
      name: "reviewAssessment",
      permission: coach,
      call: async (a) => reviewAssessment(db, a, { assignmentId: await assignmentOf(a, true), comment: "Ok" }),
    },
    {
      name: "withdrawAssessment",
      permission: coach,
      call: async (a) => withdrawAssessment(db, a, { assignmentId: await assignmentOf(a) }),
    },
    { name: "getAssessment", permission: [coach, "goals:own"], call: async (a) => getAssessment(db, a, await assignmentOf(a)) },
    {
      name: "listCoacheeAssessments",
      permission: [coach, "goals:own"],
      call: async (a) => listCoacheeAssessments(db, a, await goalCoacheeOf(a)),
    },
    { name: "listCoachAssessments", permission: coach, call: (a) => listCoachAssessments(db, a, coachAssessmentsSchema.parse({})) },
    { name: "assignees", permission: coach, call: (a) => assignees(db, a) },
  ];
}

const seriesForm = (coacheeMembershipId: string, goalId = "") => ({
  coacheeMembershipId,
  goalId,
  milestoneId: "",
  title: "Matrix series",
  frequency: "WEEKLY",
  weekdays: ["1", "3"],
  startDate: "2026-03-02",
  ends: "count",
  count: "3",
});
const seriesEdit = (seriesId: string) => ({
  seriesId,
  title: "Edited",
  frequency: "DAILY",
  startDate: "2026-03-02",
  ends: "count",
  count: "2",
});
// A series of three actions for the coachee the actor works with, made straight in the database.
async function seriesOf(a: Actor, coacheeMembershipId?: string) {
  const coachee = coacheeMembershipId ?? (await goalCoacheeOf(a));
  const data = { organizationId: a.organizationId, coacheeMembershipId: coachee, createdByMembershipId: coachee };
  const series = await db.actionSeries.create({
    data: { ...data, title: "Series", frequency: "DAILY", startDate: new Date("2026-03-02"), count: 3, timezone: "UTC" },
  });
  for (const day of [2, 3, 4])
    await db.action.create({ data: { ...data, seriesId: series.id, title: "Series", dueDate: new Date(`2026-03-0${day}`) } });
  return series.id;
}
// A comment on an action of the coachee the actor works with, written by the actor (by the coachee when
// the actor could not be in the thread, so the call is refused for its role, not for whose comment it is).
async function commentOf(a: Actor, coacheeMembershipId?: string) {
  const coachee = coacheeMembershipId ?? (await goalCoacheeOf(a));
  const action = await createActionItem(db, { organizationId: a.organizationId, id: coachee });
  const author = a.role === "PARTICIPANT" || a.role === "COACH" ? a.membershipId : coachee;
  return db.comment.create({
    data: { organizationId: a.organizationId, coacheeMembershipId: coachee, actionId: action.id, authorMembershipId: author, body: "Mine" },
  });
}

/** Whether a role may call a service that needs `permission` (or any one of a list). */
const allows = (role: Role, permission: Permission | Permission[]) => [permission].flat().some((p) => can(role, p));

const newEmail = () => `coachee-${unique()}@example.test`;
// A participant who is the actor's coachee (a relationship row is possible for any role; only a coach's is used).
async function coacheeOf(a: Actor, status: "ACTIVE" | "NOT_INVITED" = "ACTIVE") {
  const id = await participant(a, status);
  await createCoachingRelationship(db, { coach: { organizationId: a.organizationId, id: a.membershipId }, coachee: { id } });
  return id;
}
// An invited coachee of the actor: invited by the coach themselves when the actor is one.
async function invitedCoacheeOf(a: Actor) {
  if (a.role !== "COACH") return coacheeOf(a);
  const email = newEmail();
  await addCoachee(db, a, addCoacheeSchema.parse({ firstName: "In", lastName: "Vited", email, sendInvitation: "on" }));
  return (await db.membership.findFirstOrThrow({ where: { organizationId: a.organizationId, user: { email } } })).id;
}
async function groupOf(a: Actor) {
  return (await createCoacheeGroup(db, { organizationId: a.organizationId, id: a.membershipId })).id;
}
async function coachIn(a: Actor) {
  const coach = await createMember(db, a.organizationId, { role: "COACH" });
  await createCoachingRelationship(db, { coach: coach.membership, coachee: { id: await participant(a) } });
  return coach.membership.id;
}

// Exported functions of lib/ that take an Actor but are not entry points, so not in the matrix:
//  - any whose first parameter is a TenantTx (recordAudit, sendInvitationsIn, pathwayScope, ...): they
//    run inside a service's transaction, after its permission check, and only services build one;
//  - bulkStep: the engine of deactivateMembers, reactivateMembers, resendForMembers and inviteMembers,
//    each of which asserts its own permission before calling it;
//  - reserveUpload and releaseReservation: the steps of uploadFile around its body (lib/files/quota.ts),
//    called only by it, after its own checks.
//  - assessmentView: how an assignment reads to its viewer, applied to rows that a service
//    (lib/assessments/assignments.ts, coach-list.ts) has read after its own checks.
/** JSON of a result or a row, BigInt columns (the storage quota) included. */
const asJson = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

const NOT_ENTRY_POINTS = new Set(["bulkStep", "reserveUpload", "releaseReservation", "assessmentView"]);

/** Every exported function under lib/ whose parameters include `actor: Actor`, with its first parameter. */
function servicesTakingAnActor(): { name: string; file: string; first: string }[] {
  const found: { name: string; file: string; first: string }[] = [];
  const files = readdirSync("lib", { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && e.name.endsWith(".ts") && !e.parentPath.includes("generated"),
  );
  for (const entry of files) {
    const file = path.join(entry.parentPath, entry.name);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/export (?:async )?function\*?\s*(\w+)\s*(?:<[^(]*?>)?\(/g)) {
      // The parameter list: up to the parenthesis that closes the one the match ends on.
      let depth = 1;
      let end = match.index + match[0].length;
      while (depth > 0) depth += { "(": 1, ")": -1 }[source[end++]] ?? 0;
      const params = source.slice(match.index + match[0].length, end - 1);
      if (/\bactor\s*:\s*Actor\b/.test(params)) found.push({ name: match[1], file, first: params.split(",")[0].trim() });
    }
  }
  return found;
}

async function drain(rows: AsyncIterable<string>) {
  let out = "";
  for await (const chunk of rows) out += chunk;
  return out;
}

// The other end of a thread for the actor: a coachee of theirs when a coach, a coach of theirs when a
// participant; for anyone else a participant (they are refused before it matters).
async function messagePartner(a: Actor) {
  if (a.role === "PARTICIPANT") {
    const coach = await createMember(db, a.organizationId, { role: "COACH" });
    await createCoachingRelationship(db, { coach: coach.membership, coachee: { id: a.membershipId } });
    return coach.membership.id;
  }
  const coachee = await participant(a);
  if (a.role === "COACH")
    await createCoachingRelationship(db, { coach: { organizationId: a.organizationId, id: a.membershipId }, coachee: { id: coachee } });
  return coachee;
}
async function participant(a: Actor, status: "ACTIVE" | "DEACTIVATED" | "NOT_INVITED" = "ACTIVE") {
  return (await createMember(db, a.organizationId, { role: "PARTICIPANT", status })).membership.id;
}
// A waiting coaching request from `coach` to `coachee`, made straight in the table.
async function requestBetween(a: Actor, coach: string, coachee: string) {
  const row = await db.coachingRequest.create({
    data: {
      organizationId: a.organizationId,
      coachMembershipId: coach,
      coacheeMembershipId: coachee,
      email: "typed@example.test",
      firstName: "Ty",
      lastName: "Ped",
    },
  });
  return row.id;
}
// A coach on the organisation's programme (so a programme manager of it sees them).
async function coachMember(a: Actor) {
  const { membership } = await createMember(db, a.organizationId, { role: "COACH" });
  const programme = await db.programme.findFirstOrThrow({ where: { organizationId: a.organizationId } });
  await db.programmeAssignment.create({
    data: { organizationId: a.organizationId, programmeId: programme.id, membershipId: membership.id },
  });
  return membership.id;
}
// A member the actor can see: for programme-scoped roles, one sharing their programme.
async function programmeMember(a: Actor) {
  const id = await participant(a);
  await assignedProgramme(a, id);
  return id;
}
/** The organisation's first programme (the matrix's own), with the actor and any `others` assigned to it. */
async function assignedProgramme(a: Actor, ...others: string[]) {
  const programme = await db.programme.findFirstOrThrow({ where: { organizationId: a.organizationId }, orderBy: { createdAt: "asc" } });
  for (const membershipId of [...others, a.membershipId]) {
    await db.programmeAssignment.upsert({
      where: { organizationId_programmeId_membershipId: { organizationId: a.organizationId, programmeId: programme.id, membershipId } },
      create: { organizationId: a.organizationId, programmeId: programme.id, membershipId },
      update: {},
    });
  }
  return programme;
}
// An invitation of a participant to the organisation's programme, which the actor is assigned to.
async function participantInvite(a: Actor) {
  const programme = await assignedProgramme(a);
  const email = `invitee-${unique()}@example.test`;
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
  const programme = await assignedProgramme(a);
  const cohort =
    (await db.cohort.findFirst({ where: { organizationId: a.organizationId, programmeId: programme.id } })) ??
    (await db.cohort.create({ data: { organizationId: a.organizationId, programmeId: programme.id, name: "Matrix cohort" } }));
  const coach = a.role === "COACH" ? { membership: { id: a.membershipId } } : await createMember(db, a.organizationId, { role: "COACH" });
  const coachEmail = (
    await db.membership.findFirstOrThrow({ where: { organizationId: a.organizationId, id: coach.membership.id }, include: { user: true } })
  ).user.email;
  return { programmeId: programme.id, cohortId: cohort.id, coachMembershipId: coach.membership.id, coachEmail };
}
async function enrolment(a: Actor) {
  const s = await setting(a);
  return {
    membershipId: await participant(a),
    cohortId: s.cohortId,
    coach: s.coachEmail,
    startDate: "2026-03-02",
    timezone: "UTC",
    tags: [],
  };
}
// A pathway the actor reaches: in their programme, coached by them when a coach, theirs when a participant.
async function pathwayFor(a: Actor) {
  const s = await setting(a);
  const membershipId = a.role === "PARTICIPANT" ? a.membershipId : await participant(a);
  const pathway = await db.pathway.create({
    data: {
      organizationId: a.organizationId,
      membershipId,
      programmeId: s.programmeId,
      cohortId: s.cohortId,
      coachMembershipId: s.coachMembershipId,
      startDate: new Date(),
      timezone: "UTC",
    },
  });
  return pathway.id;
}
// A coach who may be booked at any time of any day, in 30-minute sessions, at no notice.
const OPEN_ALL_WEEK = {
  timezone: "UTC",
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [`day${d}`, "00:00-24:00"])),
  lengths: ["30"],
  bufferMinutes: "0",
  noticeHours: "0",
  horizonDays: "30",
  maxPerDay: "",
  daysOff: "",
  cancelWindowHours: "24",
  open: "on",
};
// A booking the actor (when a participant) may make: a coach of theirs, open all week, two days ahead on the hour.
async function bookingFor(a: Actor) {
  const coach = await createActor(db, a.organizationId, "COACH");
  await setAvailability(db, coach, availabilitySchema.parse(OPEN_ALL_WEEK));
  const coachee =
    a.role === "PARTICIPANT" ? a.membershipId : (await createMember(db, a.organizationId, { role: "PARTICIPANT" })).membership.id;
  await createCoachingRelationship(db, { coach: coach.membership, coachee: { id: coachee } });
  const start = new Date(Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000);
  return { coachMembershipId: coach.membershipId, start: start.toISOString(), length: 30, pathwayId: null, title: "Booked" };
}
// A session, not started yet, on a pathway the actor reaches; each an hour after the last (a coach's
// sessions never overlap, and one coach may have many here).
let sessionsMade = 0;
async function sessionFor(a: Actor) {
  const pathwayId = await pathwayFor(a);
  const pathway = await db.pathway.findFirstOrThrow({ where: { organizationId: a.organizationId, id: pathwayId } });
  const session = await db.coachingSession.create({
    data: {
      organizationId: a.organizationId,
      pathwayId,
      coachMembershipId: pathway.coachMembershipId,
      coacheeMembershipId: pathway.membershipId,
      title: "Matrix",
      scheduledAt: new Date(Date.now() + 86_400_000 + ++sessionsMade * 3_600_000),
      durationMinutes: 30,
    },
  });
  return session.id;
}
// Whose goals the actor works on: their own when a participant, else a coachee of theirs (when a coach) or of another coach.
async function goalCoacheeOf(a: Actor) {
  return a.role === "PARTICIPANT" ? a.membershipId : coacheeFor(a);
}
// A participant coached by the actor when a coach, else by a coach of the organisation.
async function coacheeFor(a: Actor) {
  const coach = a.role === "COACH" ? a.membershipId : (await createMember(db, a.organizationId, { role: "COACH" })).membership.id;
  const coachee = await createMember(db, a.organizationId, { role: "PARTICIPANT" });
  await createCoachingRelationship(db, { coach: { organizationId: a.organizationId, id: coach }, coachee: coachee.membership });
  return coachee.membership.id;
}
const appointmentInput = (coacheeMembershipId: string) => ({
  coacheeMembershipId,
  title: "Matrix appointment",
  date: "2030-05-01",
  time: "10:00",
  timezone: "UTC",
  durationMinutes: "30",
  location: "",
  pathwayId: "",
});
async function importFile(a: Actor) {
  const s = await setting(a);
  const programme = await db.programme.findFirstOrThrow({ where: { id: s.programmeId } });
  const email = `imported-${unique()}@example.test`;
  const rows = [
    "username,first_name,last_name,email,programme,startdate,primary_coach,timezone",
    `${email},Im,Ported,${email},${programme.name},01-03-2026,${s.coachEmail},UTC`,
  ];
  return new TextEncoder().encode(rows.join("\n"));
}
async function unit(a: Actor) {
  return (await db.orgUnit.create({ data: { organizationId: a.organizationId, name: `Unit for ${a.role}` } })).id;
}

type MatrixOrganization = { id: string; name: string };

/** Two organisations, "Matrix A" and "Matrix B", made before the describe block's tests. */
function twoOrganisations(): MatrixOrganization[] {
  const orgs: MatrixOrganization[] = [];
  beforeAll(async () => {
    orgs.push(
      await createOrganization(db, { name: `Matrix A ${unique()}` }),
      await createOrganization(db, { name: `Matrix B ${unique()}` }),
    );
    // The programme the helpers' settings are in (setting, programmeMember), named after its organisation.
    for (const org of orgs) await db.programme.create({ data: { organizationId: org.id, name: `${org.name} programme` } });
  });
  return orgs;
}

/** The roles that fill an organisation, in the order tried: the first that may call a service calls it. */
const FILLERS: Role[] = ["ADMIN", "COACH", "PARTICIPANT", "PROGRAM_MANAGER", "SPONSOR", "OWNER", "IMPLEMENTATION_ADMIN"];

/**
 * Fills an organisation as its members would: each service called once, by the first role that may.
 * What the services make (members, invitations, goals, notes, files, messages...) is then there for
 * another organisation's services to (wrongly) find.
 */
async function fill(organizationId: string, of: Service[]): Promise<void> {
  const actors = new Map<Role, Actor>();
  for (const service of of.filter((s) => !NOT_FILLING.has(s.name))) {
    const role = FILLERS.find((r) => allows(r, service.permission))!;
    if (!actors.has(role)) actors.set(role, await createActor(db, organizationId, role));
    await service.call(actors.get(role)!);
  }
}

/**
 * The matrix for one area's services: every role of both organisations calls every service. Each call
 * is allowed or refused exactly as the permission table says. An allowed call's result carries no id of
 * any row of the other organisation (every row's id marks it; the other organisation was filled by its
 * own members first) nor its name; and the other organisation's rows, every table of them, are the same
 * after each role's calls as before.
 */
export function describeArea(area: Area): void {
  const areaServices = AREAS[area];
  describe(`permission matrix, ${area}: every role x every service, in two organisations`, () => {
    const orgs = twoOrganisations();
    beforeAll(async () => {
      for (const org of orgs) await fill(org.id, areaServices);
    }, 240_000);

    it("allows exactly what the permission table allows, and touches only the actor's organisation", async () => {
      let cells = 0;
      let leaks = 0;
      let markedRows = 0;
      const found: string[] = [];
      for (const org of orgs) {
        const other = orgs.find((o) => o.id !== org.id)!;
        const otherRows = await organizationRows(db, other.id);
        const marked = idsIn(otherRows).add(other.id);
        markedRows += marked.size;
        for (const role of roles) {
          const actor = await createActor(db, org.id, role);
          for (const service of areaServices) {
            const otherBefore = await db.organization.findUniqueOrThrow({ where: { id: other.id } });
            const call = service.call(actor);
            if (allows(role, service.permission)) {
              const result = await call;
              // The result never carries the other organisation's data: none of its rows' ids, nor its name.
              const json = asJson(result) ?? "";
              const ids = markedIdsIn(json, marked);
              if (ids.length || json.includes(other.name)) {
                leaks++;
                found.push(`${role} ${service.name}: ${ids.length ? `ids ${ids.join(", ")}` : "its name"}`);
              }
            } else {
              await expect(call, `${role} ${service.name}`).rejects.toThrow(ForbiddenError);
            }
            const otherAfter = await db.organization.findUniqueOrThrow({ where: { id: other.id } });
            if (asJson(otherAfter) !== asJson(otherBefore)) {
              leaks++;
              found.push(`${role} ${service.name} changed the other organisation`);
            }
            cells++;
          }
          // Every table of the other organisation as it was.
          const changed = changedTables(otherRows, await organizationRows(db, other.id));
          leaks += changed.length;
          found.push(...changed.map((c) => `${role}'s calls changed the other organisation's ${c}`));
        }
      }
      recordFigures("permission-matrix", { matrixCells: cells, isolationChecks: cells, leaks, markedRows });
      expect(cells).toBe(orgs.length * roles.length * areaServices.length);
      expect(found).toEqual([]);
      expect(leaks).toBe(0);
    }, 240_000);
  });
}

/** Tables no member's service writes a row to, with the reason: every other table must be filled. */
const NOT_FILLED_BY_SERVICES: Record<string, string> = {
  NotificationDigest: "a day's claim of the daily digest job (lib/notifications/digest.ts), read by no service",
  NotificationEmail: "a window's claim of the notification email job (lib/notifications/coalesce.ts), read by no service",
  FileUploadReservation: "held only while uploadFile streams a file's bytes, and released before it returns",
  SessionReminder: "a reminder's claim, written by the reminder job (lib/sessions/reminders.ts), read by no service",
};

/**
 * Services the fill leaves out: resendAllPending resends every pending invitation of the organisation,
 * each of which may be resent only so often (LIMITS.resendPerInvitation), and the matrix's own calls
 * need those resends; it makes no row the others do not.
 */
const NOT_FILLING = new Set(["resendAllPending"]);

/** The matrix's own checks: its coverage, its markers, and the other organisation's ids one by one. */
export function describeMatrixChecks(): void {
  describe("permission matrix: what it covers, and another organisation's ids", () => {
    const orgs = twoOrganisations();

    it("fills each organisation with one of everything: a row in every table with an organizationId", async () => {
      await fill(orgs[0].id, services);
      const rows = await organizationRows(db, orgs[0].id);
      const empty = ORGANIZATION_TABLES.filter((t) => rows[t].length === 0 && !(t in NOT_FILLED_BY_SERVICES));
      expect(empty).toEqual([]);
      // Positive control of the marker check: a result that carries one of the rows is caught.
      const marked = idsIn(rows);
      const someone = JSON.parse(rows.Membership[0]) as { id: string };
      expect(markedIdsIn(asJson({ rows: [{ id: someone.id.toUpperCase() }] }) ?? "", marked)).toEqual([someone.id.toUpperCase()]);
      expect(markedIdsIn(asJson({ id: crypto.randomUUID() }) ?? "", marked)).toEqual([]);
      // And of the snapshot, on an organisation of its own: one new row of one table is seen.
      const control = await createOrganization(db);
      const before = await organizationRows(db, control.id);
      await db.programme.create({ data: { organizationId: control.id, name: "Made by the control" } });
      expect(changedTables(before, await organizationRows(db, control.id))).toEqual([
        "Programme: 0 rows gone or changed, 1 new or changed",
      ]);
    }, 240_000);

    it("covers every service that takes an actor: a new one fails here until it is added", () => {
      const inMatrix = new Set(services.flatMap((s) => s.name.split("+")));
      const found = servicesTakingAnActor();
      const missing = found
        .filter((s) => !inMatrix.has(s.name) && !NOT_ENTRY_POINTS.has(s.name) && !/:\s*TenantTx\b/.test(s.first))
        .map((s) => `${s.name} (${s.file})`);
      expect(missing).toEqual([]);
      // The scan itself finds what it should: services, and the helpers it leaves out by rule.
      expect(found.map((s) => s.name)).toEqual(expect.arrayContaining(["updateSettings", "recordAudit", "bulkStep"]));
      // Names in the matrix that no longer exist would make it look complete when it is not.
      const exported = new Set(found.map((s) => s.name));
      expect([...inMatrix].filter((name) => !exported.has(name))).toEqual([]);
    });

    it("another organisation's ids answer exactly like ids that do not exist, and change nothing", async () => {
      const [mine, theirs] = orgs;
      const admin = await createActor(db, mine.id, "ADMIN");
      const stranger = await createActor(db, theirs.id, "ADMIN");
      const missing = crypto.randomUUID();
      // Rows of the other organisation, made by its own admin, for the first one's admin to reach for.
      const theirSession = await sessionFor(stranger);
      const theirPathway = (await db.coachingSession.findFirstOrThrow({ where: { organizationId: theirs.id, id: theirSession } }))
        .pathwayId!;
      const theirMember = await participant(stranger);
      const coach = await createActor(db, mine.id, "COACH");
      const coachee = await createActor(db, mine.id, "PARTICIPANT");
      const theirCoach = await createActor(db, theirs.id, "COACH");
      const theirCoachee = await messagePartner(theirCoach);
      await sendMessage(db, theirCoach, { to: theirCoachee, body: "Theirs" });
      const ownCoachee = await coacheeOf(coach);
      const ownGroup = await groupOf(coach);
      const theirUninvited = await coacheeOf(theirCoach, "NOT_INVITED");
      const theirGroup = await groupOf(theirCoach);
      const theirPreview = (
        await previewImport(db, stranger, {
          cohortId: (await setting(stranger)).cohortId,
          fileName: "m.csv",
          bytes: await importFile(stranger),
        })
      ).id;
      // A coach of the first organisation reaching for the other's coachee (on the profile) and their coach's own session.
      const profileCoach = await createActor(db, mine.id, "COACH");
      const theirProfileCoach = await createActor(db, theirs.id, "COACH");
      const theirProfileCoachee = await coacheeFor(theirProfileCoach);
      const theirAppointment = (
        await scheduleAppointment(db, theirProfileCoach, appointmentSchema.parse(appointmentInput(theirProfileCoachee)))
      ).id;
      // Goals: another organisation's coachee, goal, milestone and action, reached for by a coach and a coachee here.
      const goalCoach = await createActor(db, mine.id, "COACH");
      const goalCoachee = await coacheeFor(goalCoach);
      const theirGoalCoach = await createActor(db, theirs.id, "COACH");
      const theirGoalCoachee = { organizationId: theirs.id, id: await coacheeFor(theirGoalCoach) };
      const theirGoal = await createGoal(db, theirGoalCoachee);
      const theirMilestone = await createMilestone(db, theirGoal);
      const theirAction = await createActionItem(db, theirGoalCoachee, { milestone: theirMilestone });
      const theirSeries = await seriesOf(theirGoalCoach, theirGoalCoachee.id);
      const theirComment = await commentOf(theirGoalCoach, theirGoalCoachee.id);
      const theirFile = await fileOf(theirGoalCoach, theirGoalCoachee.id);
      const goalAttempts: [string, (id: string) => Promise<unknown>, string][] = [
        [
          "createGoal",
          (id) => createGoalFor(db, goalCoach, createGoalSchema.parse({ coacheeMembershipId: id, title: "G" })),
          theirGoalCoachee.id,
        ],
        [
          "createGoal (participant)",
          (id) => createGoalFor(db, coachee, createGoalSchema.parse({ coacheeMembershipId: id, title: "G" })),
          theirGoalCoachee.id,
        ],
        ["updateGoal", (id) => updateGoal(db, goalCoach, { goalId: id, title: "G", description: "", dueDate: null }), theirGoal.id],
        ["deleteGoal", (id) => deleteGoal(db, goalCoach, { goalId: id }), theirGoal.id],
        ["deleteGoal (participant)", (id) => deleteGoal(db, coachee, { goalId: id }), theirGoal.id],
        ["createMilestone", (id) => createMilestoneOn(db, goalCoach, { goalId: id, title: "M", dueDate: null }), theirGoal.id],
        ["updateMilestone", (id) => updateMilestone(db, goalCoach, { milestoneId: id, title: "M", dueDate: null }), theirMilestone.id],
        ["deleteMilestone", (id) => deleteMilestone(db, goalCoach, { milestoneId: id }), theirMilestone.id],
        [
          "createActionItem",
          (id) => createGoalAction(db, goalCoach, createActionItemSchema.parse({ coacheeMembershipId: id, title: "A" })),
          theirGoalCoachee.id,
        ],
        [
          "createActionItem (their goal)",
          (id) =>
            createGoalAction(db, goalCoach, createActionItemSchema.parse({ coacheeMembershipId: goalCoachee, goalId: id, title: "A" })),
          theirGoal.id,
        ],
        [
          "createActionItem (their milestone)",
          (id) =>
            createGoalAction(
              db,
              goalCoach,
              createActionItemSchema.parse({ coacheeMembershipId: goalCoachee, milestoneId: id, title: "A" }),
            ),
          theirMilestone.id,
        ],
        [
          "updateActionItem",
          (id) => updateActionItem(db, goalCoach, updateActionItemSchema.parse({ actionId: id, title: "A" })),
          theirAction.id,
        ],
        ["deleteActionItem", (id) => deleteActionItem(db, goalCoach, { actionId: id }), theirAction.id],
        ["moveActionItem", (id) => moveActionItem(db, goalCoach, { actionId: id, goalId: null, milestoneId: null }), theirAction.id],
        ["setActionItemProgress", (id) => setActionItemProgress(db, goalCoach, { actionId: id, progress: 100 }), theirAction.id],
        [
          "setActionItemProgress (participant)",
          (id) => setActionItemProgress(db, coachee, { actionId: id, progress: 100 }),
          theirAction.id,
        ],
        ["reorder", (id) => reorder(db, goalCoach, { kind: "goal", id, direction: "down" }), theirGoal.id],
        ["listGoals", (id) => listGoals(db, goalCoach, id), theirGoalCoachee.id],
        ["listActionItems", (id) => listActionItems(db, goalCoach, id, actionItemFilterSchema.parse({})), theirGoalCoachee.id],
        ["listActionItems (participant)", (id) => listActionItems(db, coachee, id, actionItemFilterSchema.parse({})), theirGoalCoachee.id],
        ["goalsView", (id) => goalsView(db, goalCoach, id), theirGoalCoachee.id],
        ["readGoalsPage", (id) => readGoalsPage(db, goalCoach, id, undefined, 10), theirGoalCoachee.id],
        ["placesOf", (id) => placesOf(db, goalCoach, id), theirGoalCoachee.id],
        ["getActionItem", (id) => getActionItem(db, goalCoach, id), theirAction.id],
        ["getActionItem (participant)", (id) => getActionItem(db, coachee, id), theirAction.id],
        ["goalsOverview", (id) => goalsOverview(db, admin, id), theirGoalCoachee.id],
        // Recurring actions and comments: another organisation's series, goal, action and comment.
        ["createSeries", (id) => createSeries(db, goalCoach, createSeriesSchema.parse(seriesForm(id))), theirGoalCoachee.id],
        [
          "createSeries (their goal)",
          (id) => createSeries(db, goalCoach, createSeriesSchema.parse(seriesForm(goalCoachee, id))),
          theirGoal.id,
        ],
        ["getSeries", (id) => getSeries(db, goalCoach, id), theirSeries],
        ["updateSeries", (id) => updateSeries(db, goalCoach, updateSeriesSchema.parse(seriesEdit(id))), theirSeries],
        ["deleteSeries", (id) => deleteSeries(db, goalCoach, { seriesId: id }), theirSeries],
        ["deleteSeries (participant)", (id) => deleteSeries(db, coachee, { seriesId: id }), theirSeries],
        ["addComment", (id) => addComment(db, goalCoach, { goalId: id, body: "Hi" }), theirGoal.id],
        ["addComment (action)", (id) => addComment(db, goalCoach, { actionId: id, body: "Hi" }), theirAction.id],
        ["addComment (participant)", (id) => addComment(db, coachee, { goalId: id, body: "Hi" }), theirGoal.id],
        ["listComments", (id) => listComments(db, goalCoach, { goalId: id }), theirGoal.id],
        ["listCoacheeComments", (id) => listCoacheeComments(db, goalCoach, id), theirGoalCoachee.id],
        ["editComment", (id) => editComment(db, goalCoach, { commentId: id, body: "Hi" }), theirComment.id],
        ["deleteComment", (id) => deleteComment(db, goalCoach, { commentId: id }), theirComment.id],
        ["deleteComment (participant)", (id) => deleteComment(db, coachee, { commentId: id }), theirComment.id],
        // Files: another organisation's coachee's folder and file.
        [
          "uploadFile",
          (id) =>
            uploadFile(
              db,
              goalCoach,
              { coacheeMembershipId: id, visibility: "SHARED", name: "x.pdf", body: Readable.from([PDF]) },
              { disk: fileDisk },
            ),
          theirGoalCoachee.id,
        ],
        ["listFiles", (id) => listFiles(db, goalCoach, id), theirGoalCoachee.id],
        ["listFiles (participant)", (id) => listFiles(db, coachee, id), theirGoalCoachee.id],
        ["getFile", (id) => getFile(db, goalCoach, { fileId: id }), theirFile],
        ["downloadFile", (id) => downloadFile(db, goalCoach, { fileId: id }, { disk: fileDisk }), theirFile],
        ["downloadFile (participant)", (id) => downloadFile(db, coachee, { fileId: id }, { disk: fileDisk }), theirFile],
        ["shareFile", (id) => shareFile(db, goalCoach, { fileId: id, shared: true }), theirFile],
        ["deleteFile", (id) => deleteFile(db, goalCoach, { fileId: id }, { disk: fileDisk }), theirFile],
      ];
      // Notes: another organisation's coachee, their shared note, their coach's note and a comment, reached for here.
      const theirNote = await noteOf(theirGoalCoach);
      const theirSharedNote = await db.note.create({
        data: {
          organizationId: theirs.id,
          coacheeMembershipId: theirGoalCoachee.id,
          authorMembershipId: theirGoalCoachee.id,
          visibility: "SHARED",
        },
      });
      const theirNoteComment = await noteCommentOf(theirGoalCoach);
      const noteAttempts: [string, (id: string) => Promise<unknown>, string][] = [
        ["createNote", (id) => createNote(db, goalCoach, { coacheeMembershipId: id, title: "", body: "" }), theirGoalCoachee.id],
        [
          "createNote (participant)",
          (id) => createNote(db, coachee, { coacheeMembershipId: id, title: "", body: "" }),
          theirGoalCoachee.id,
        ],
        ["listNotes", (id) => listNotes(db, goalCoach, id, noteFilterSchema.parse({})), theirGoalCoachee.id],
        ["getNote", (id) => getNote(db, goalCoach, id), theirNote.id],
        ["getNote (shared)", (id) => getNote(db, goalCoach, id), theirSharedNote.id],
        ["getNote (participant)", (id) => getNote(db, coachee, id), theirSharedNote.id],
        ["saveNote", (id) => saveNote(db, goalCoach, { noteId: id, title: "x", body: "" }), theirNote.id],
        ["setNoteSharing", (id) => setNoteSharing(db, coachee, { noteId: id, shared: false }), theirSharedNote.id],
        ["deleteNote", (id) => deleteNote(db, goalCoach, { noteId: id }), theirNote.id],
        ["addNoteComment", (id) => addNoteComment(db, goalCoach, { noteId: id, body: "Hi" }), theirSharedNote.id],
        ["listNoteComments", (id) => listNoteComments(db, goalCoach, { noteId: id }), theirNote.id],
        ["editNoteComment", (id) => editNoteComment(db, goalCoach, { commentId: id, body: "Hi" }), theirNoteComment.id],
        ["deleteNoteComment", (id) => deleteNoteComment(db, goalCoach, { commentId: id }), theirNoteComment.id],
      ];
      // Notifications: another organisation's notification, opened or marked read by a coach here.
      const theirNotification = await notificationOf(theirCoach);
      const attempts: [string, (id: string) => Promise<unknown>, string][] = [
        ...goalAttempts,
        ...noteAttempts,
        ["markRead", (id) => markRead(db, coach, { notificationId: id }), theirNotification],
        ["openNotification", (id) => openNotification(db, coach, { notificationId: id }), theirNotification],
        ["setSessionStatus", (id) => setSessionStatus(db, admin, { sessionId: id, status: "CANCELLED" }), theirSession],
        ["setSessionStatus (coach)", (id) => setSessionStatus(db, profileCoach, { sessionId: id, status: "CANCELLED" }), theirAppointment],
        ["getCoacheeProfile", (id) => getCoacheeProfile(db, profileCoach, id), theirProfileCoachee],
        ["sessionFormContext", (id) => sessionFormContext(db, profileCoach, id), theirProfileCoachee],
        [
          "scheduleAppointment",
          (id) =>
            scheduleAppointment(db, profileCoach, {
              ...appointmentSchema.parse(appointmentInput(theirProfileCoachee)),
              coacheeMembershipId: id,
            }),
          theirProfileCoachee,
        ],
        [
          "startSessionNow",
          (id) =>
            startSessionNow(db, profileCoach, {
              coacheeMembershipId: id,
              title: "Now",
              durationMinutes: 30,
              location: "",
              pathwayId: null,
            }),
          theirProfileCoachee,
        ],
        ["coacheeSessions", (id) => coacheeSessions(db, profileCoach, id, { page: 1 }), theirProfileCoachee],
        ["listActivity", (id) => listActivity(db, profileCoach, id, { page: 1 }), theirProfileCoachee],
        ["getPathway", (id) => getPathway(db, admin, id), theirPathway],
        ["archivePathway", (id) => archivePathway(db, admin, { pathwayId: id, reason: "DNF", credit: true }), theirPathway],
        ["redRowsCsv", (id) => redRowsCsv(db, admin, id), theirPreview],
        ["getImport", (id) => getImport(db, admin, id), theirPreview],
        ["confirmImport", (id) => confirmImport(db, admin, id), theirPreview],
        ["getMemberProfile", (id) => getMemberProfile(db, admin, id), theirMember],
        ["runBulk", (id) => runBulk(db, admin, { op: "deactivate", membershipIds: [id], query: "" }), theirMember],
        // A coach writing to, or reading the thread with, another organisation's coachee (of its own coach).
        ["sendMessage", (id) => sendMessage(db, coach, { to: id, body: "Hello" }), theirCoachee],
        ["getThread", (id) => getThread(db, coach, id), theirCoachee],
        // A participant reaching for another organisation's coach.
        ["sendMessage (participant)", (id) => sendMessage(db, coachee, { to: id, body: "Hello" }), theirCoach.membershipId],
        // A coach's workspace: another organisation's coachee, group and coach answer like missing ones.
        ["inviteCoachee", (id) => inviteCoachee(db, coach, id), theirUninvited],
        ["resendCoacheeInvitation", (id) => resendCoacheeInvitation(db, coach, id), theirUninvited],
        ["coacheeForEdit", (id) => coacheeForEdit(db, coach, id), theirUninvited],
        [
          "editCoachee",
          (id) => editCoachee(db, coach, { coacheeId: id, firstName: "A", lastName: "B", email: "cross@example.test" }),
          theirUninvited,
        ],
        ["getGroup", (id) => getGroup(db, coach, id), theirGroup],
        ["deleteGroup", (id) => deleteGroup(db, coach, id), theirGroup],
        ["updateGroup", (id) => updateGroup(db, coach, { groupId: id, name: "Mine", description: "", coacheeIds: [] }), theirGroup],
        ["addToGroup", (id) => addToGroup(db, coach, { groupId: id, coacheeId: ownCoachee }), theirGroup],
        ["addToGroup (coachee)", (id) => addToGroup(db, coach, { groupId: ownGroup, coacheeId: id }), theirUninvited],
        ["coacheesOfCoach", (id) => coacheesOfCoach(db, admin, id), theirCoach.membershipId],
      ];
      // Everything of theirs these calls could touch, to compare before and after.
      // Every row of every table of theirs, sorted (tests/support/organization-rows.ts).
      const snapshot = async () => JSON.stringify(await organizationRows(db, theirs.id));
      const before = await snapshot();
      let tried = 0;
      const differences: string[] = [];
      const answer = (call: Promise<unknown>) =>
        call.then(
          (r) => JSON.stringify(r).replaceAll(/"[0-9a-f-]{36}"/g, '"<id>"'),
          (e: Error) => `${e.constructor.name}: ${english(e.message)}`,
        );
      for (const [name, call, foreign] of attempts) {
        const [forTheirs, forMissing] = [await answer(call(foreign)), await answer(call(missing))];
        tried++;
        if (forTheirs !== forMissing) differences.push(`${name}: ${forTheirs} / ${forMissing}`);
      }
      expect(differences).toEqual([]);
      // memberPathways lists, rather than looks up: another organisation's member has none here.
      expect(await memberPathways(db, admin, theirMember)).toEqual([]);
      const after = await snapshot();
      expect(after).toBe(before);
      // Positive control: the same calls reach the organisation's own rows.
      const ownSession = await sessionFor(admin);
      await setSessionStatus(db, admin, { sessionId: ownSession, status: "CANCELLED" });
      expect((await db.coachingSession.findFirstOrThrow({ where: { organizationId: mine.id, id: ownSession } })).status).toBe("CANCELLED");
      await expect(getPathway(db, admin, theirPathway)).rejects.toThrow(NotFoundError);
      await sendMessage(db, coach, { to: await messagePartner(coach), body: "Ours" });
      expect(await db.message.count({ where: { organizationId: mine.id, body: "Ours" } })).toBe(1);
      expect((await addToGroup(db, coach, { groupId: ownGroup, coacheeId: ownCoachee })).added).toBe(true);
      const ownProfileCoachee = await coacheeFor(profileCoach);
      await expect(getCoacheeProfile(db, profileCoach, ownProfileCoachee)).resolves.toMatchObject({ id: ownProfileCoachee });
      await expect(getCoacheeProfile(db, profileCoach, theirProfileCoachee)).rejects.toThrow(NotFoundError);
      const ownGoal = await createGoalFor(db, goalCoach, createGoalSchema.parse({ coacheeMembershipId: goalCoachee, title: "Ours" }));
      await expect(listGoals(db, goalCoach, goalCoachee)).resolves.toMatchObject({ goals: [{ id: ownGoal.id }] });
      await expect(listGoals(db, goalCoach, theirGoalCoachee.id)).rejects.toThrow(NotFoundError);
      const ownSeries = await createSeries(db, goalCoach, createSeriesSchema.parse(seriesForm(goalCoachee, ownGoal.id)));
      await expect(getSeries(db, goalCoach, ownSeries.id)).resolves.toMatchObject({ occurrences: [{}, {}, {}] });
      const ownComment = await addComment(db, goalCoach, { goalId: ownGoal.id, body: "Ours" });
      await expect(listComments(db, goalCoach, { goalId: ownGoal.id })).resolves.toMatchObject([{ id: ownComment.id, body: "Ours" }]);
      await expect(deleteComment(db, goalCoach, { commentId: ownComment.id })).resolves.toMatchObject({ id: ownComment.id });
      const ownNotification = await notificationOf(coach);
      await expect(openNotification(db, coach, { notificationId: ownNotification })).resolves.toMatchObject({ id: ownNotification });
      recordFigures("permission-matrix", { crossTenantAttempts: tried, crossTenantLeaks: differences.length });
    });

    it("a forged organizationId on the actor reaches nothing: services read it from the membership the action resolved", async () => {
      // The action wrapper builds the Actor from the session's membership; a browser never supplies
      // organizationId (settingsSchema is strict and would refuse the field).
      const parsed = settingsSchema.safeParse({
        name: "x",
        invitationExpiryDays: "1",
        defaultInvitationMessage: "",
        implementationAdminDomains: "",
        organizationId: orgs[1].id,
      });
      expect(parsed.success).toBe(false);
    });
  });
}
