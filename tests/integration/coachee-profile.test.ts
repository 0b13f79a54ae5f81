import { isoDay } from "../../lib/format/dates";
import { msg } from "../../lib/i18n/msg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import { listActivity, ACTIVITY_PAGE_SIZE } from "../../lib/activity/list";
import { activitySentence } from "../../lib/activity/sentence";
import { createTranslator } from "next-intl";
import en from "../../messages/en.json";
import { displayTime } from "../../lib/format/dates";
import { getCoacheeProfile } from "../../lib/coachees/profile";
import {
  appointmentSchema,
  coacheeSessions,
  scheduleAppointment,
  sessionFormContext,
  startSessionNow,
  startSessionSchema,
} from "../../lib/coachees/sessions";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors";
import { acceptInvitation } from "../../lib/invitations/accept";
import { getPathway } from "../../lib/pathways/read";
import { NOT_STARTED_MESSAGE } from "../../lib/pathways/session-outcomes";
import { scheduleSession } from "../../lib/pathways/sessions";
import { setSessionStatus } from "../../lib/sessions/status";
import {
  createActivity,
  createActor,
  createCoachingRelationship,
  createInvitation,
  createMember,
  createPathway,
  unique,
} from "../factories";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createWorld } from "../support/world";
import { english } from "../support/english";

const db = testDb();
let address = 0;
const ip = () => `203.0.113.${(++address % 250) + 1}`;

const world = async () => {
  const w = await createWorld(db, { organization: { seatLimit: 50 } });
  // The world's coach is the participant's primary coach (a PATHWAY relationship, kept by the trigger);
  // a second coach added them too; a third coaches someone else.
  const secondCoach = await createActor(db, w.org.id, "COACH", { account: { firstName: "Second", lastName: "Coach" } });
  await createCoachingRelationship(db, { coach: secondCoach.membership, coachee: w.participant.membership });
  const otherCoach = await createActor(db, w.org.id, "COACH");
  const someoneElse = await createMember(db, w.org.id, { role: "PARTICIPANT" });
  await createCoachingRelationship(db, { coach: otherCoach.membership, coachee: someoneElse.membership });
  return { ...w, secondCoach, otherCoach, someoneElse };
};
type World = Awaited<ReturnType<typeof world>>;

// Parsed as the action parses a form; the coachee's id is set after, so a malformed one reaches the service too.
// A coach's sessions never overlap (a database constraint): each appointment gets a day of its own
// unless the test names one (2030-07-01 is left to the test that reads the moment back).
let appointmentDay = 1;
const nextDay = () => isoDay(new Date(Date.UTC(2030, 6, ++appointmentDay)));
const appointment = (coacheeMembershipId: string, overrides: Record<string, string> = {}) => ({
  ...appointmentSchema.parse({
    coacheeMembershipId: crypto.randomUUID(),
    title: "Kick-off",
    date: nextDay(),
    time: "09:30",
    timezone: "Europe/Berlin",
    durationMinutes: "45",
    location: "Room 4",
    pathwayId: "",
    ...overrides,
  }),
  coacheeMembershipId,
});
const startNow = (coacheeMembershipId: string, overrides: Record<string, string> = {}) => ({
  ...startSessionSchema.parse({
    coacheeMembershipId: crypto.randomUUID(),
    title: "Right now",
    durationMinutes: "30",
    location: "",
    pathwayId: "",
    ...overrides,
  }),
  coacheeMembershipId,
});

const activityOf = (coacheeMembershipId: string) =>
  db.activity.findMany({ where: { coacheeMembershipId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const words = createTranslator({ locale: "en", messages: en });
const sessionRow = (id: string) => db.coachingSession.findFirstOrThrow({ where: { id } });
// Each session moved into the past takes an hour of its own there (a coach's sessions never overlap).
let hoursBack = 0;
const intoThePast = (id: string) =>
  db.coachingSession.updateMany({ where: { id }, data: { scheduledAt: new Date(Date.now() - ++hoursBack * 3_600_000) } });

/**
 * Every service of the profile, called for one coachee: what the role table and the relationship decide.
 * `shows` is what one of the coachee's coaches gets back: that coachee, or what that coach did with them.
 */
const services: {
  name: string;
  call: (a: Actor, coacheeId: string) => Promise<unknown>;
  shows: (coacheeId: string, coach: Actor) => object;
}[] = [
  { name: "getCoacheeProfile", call: (a, id) => getCoacheeProfile(db, a, id), shows: (id) => ({ id }) },
  { name: "sessionFormContext", call: (a, id) => sessionFormContext(db, a, id), shows: (id) => ({ coachee: { id } }) },
  {
    name: "scheduleAppointment",
    call: (a, id) => scheduleAppointment(db, a, appointment(id)),
    shows: (id, coach) => ({ coacheeMembershipId: id, coachMembershipId: coach.membershipId, title: "Kick-off" }),
  },
  {
    name: "startSessionNow",
    call: (a, id) => startSessionNow(db, a, startNow(id)),
    shows: (id, coach) => ({ coacheeMembershipId: id, coachMembershipId: coach.membershipId, title: "Right now" }),
  },
  {
    name: "coacheeSessions",
    call: (a, id) => coacheeSessions(db, a, id, { page: 1 }),
    // The two sessions the calls above this one made with the coach are open.
    shows: () => ({ open: expect.arrayContaining(["Kick-off", "Right now"].map((title) => expect.objectContaining({ title }))) }),
  },
  { name: "listActivity", call: (a, id) => listActivity(db, a, id, { page: 1 }), shows: (id) => ({ coachee: { id } }) },
];

describe("the coachee profile: who reaches it", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it("the coachee's coaches reach every service; a coach of someone else, another organisation and a missing id find nothing", async () => {
    let cells = 0;
    for (const service of services) {
      // Positive controls: both of the participant's coaches.
      for (const [who, coach] of [
        ["coach", w.coach],
        ["second coach", w.secondCoach],
      ] as const) {
        await expect(service.call(coach, w.participant.membership.id), `${who} ${service.name}`).resolves.toMatchObject(
          service.shows(w.participant.membership.id, coach),
        );
      }
      // A coach of someone else, the other organisation's coach, an id that does not exist, a malformed one.
      for (const [who, actor, id] of [
        ["other coach", w.otherCoach, w.participant.membership.id],
        ["other organisation's coach", w.other.coach, w.participant.membership.id],
        ["coach, missing id", w.coach, crypto.randomUUID()],
        ["coach, malformed id", w.coach, "not-an-id"],
        ["coach, another coach's coachee", w.coach, w.someoneElse.membership.id],
      ] as const) {
        await expect(service.call(actor, id), `${who} ${service.name}`).rejects.toThrow(NotFoundError);
        cells++;
      }
      // Roles without a coach's workspace: refused before anything is looked up.
      for (const actor of [w.owner, w.admin, w.pm, w.sponsor, w.participant]) {
        await expect(service.call(actor, w.participant.membership.id), `${actor.role} ${service.name}`).rejects.toThrow(ForbiddenError);
        cells++;
      }
    }
    recordFigures("coachee-profile", { profileCells: cells });
  });

  it("another organisation's coachee answers exactly like a missing one, and nothing is written there", async () => {
    const theirs = await createMember(db, w.other.org.id, { role: "PARTICIPANT" });
    await createCoachingRelationship(db, { coach: w.other.coach.membership, coachee: theirs.membership });
    const before = await db.coachingSession.count({ where: { organizationId: w.other.org.id } });
    const answer = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: Error) => `${e.constructor.name}: ${english(e.message)}`,
      );
    for (const service of services) {
      expect(await answer(service.call(w.coach, theirs.membership.id))).toBe(await answer(service.call(w.coach, crypto.randomUUID())));
    }
    expect(await db.coachingSession.count({ where: { organizationId: w.other.org.id } })).toBe(before);
    // Positive control: their own coach reaches them.
    await expect(getCoacheeProfile(db, w.other.coach, theirs.membership.id)).resolves.toMatchObject({ id: theirs.membership.id });
  });

  it("the header names the coachee as the organisation sees them, with the programmes of their active pathways", async () => {
    const profile = await getCoacheeProfile(db, w.coach, w.participant.membership.id);
    expect(profile.user.email).toBe(w.participant.user.email);
    expect(profile.status).toBe("ACTIVE");
    expect(profile.programmes).toEqual([w.programme.name]);
  });
});

describe("appointments and sessions", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it("schedules an appointment without a pathway at a local time in the chosen zone, and writes session.scheduled with it", async () => {
    const session = await scheduleAppointment(db, w.coach, appointment(w.participant.membership.id, { date: "2030-07-01" }));
    expect(session.scheduledAt.toISOString()).toBe("2030-07-01T07:30:00.000Z"); // 09:30 in Berlin, summer time
    expect(session).toMatchObject({
      pathwayId: null,
      coachMembershipId: w.coach.membershipId,
      coacheeMembershipId: w.participant.membership.id,
      timezone: "Europe/Berlin",
      location: "Room 4",
      durationMinutes: 45,
      status: "SCHEDULED",
    });
    const rows = (await activityOf(w.participant.membership.id)).filter((a) => a.subjectId === session.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "session.scheduled",
      actorMembershipId: w.coach.membershipId,
      coachMembershipId: w.coach.membershipId,
    });
    const relationship = await db.coachingRelationship.findFirstOrThrow({
      where: { coachMembershipId: w.coach.membershipId, coacheeMembershipId: w.participant.membership.id },
    });
    expect(relationship.lastActivityAt?.getTime()).toBe(rows[0].createdAt.getTime());
  });

  it("attended and no-show only after the start, by the database's clock; cancel any time", async () => {
    const later = await scheduleAppointment(db, w.coach, appointment(w.participant.membership.id, { title: "Later" }));
    for (const status of ["ATTENDED", "NO_SHOW"] as const) {
      const refused = await setSessionStatus(db, w.coach, { sessionId: later.id, status }).catch((e) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      expect(refused.message).toBe(NOT_STARTED_MESSAGE);
    }
    expect((await sessionRow(later.id)).status).toBe("SCHEDULED");
    // Once it has started (its time moved into the past, not the clock), attended goes through.
    await intoThePast(later.id);
    await setSessionStatus(db, w.coach, { sessionId: later.id, status: "ATTENDED" });
    expect((await sessionRow(later.id)).status).toBe("ATTENDED");
    const attended = (await activityOf(w.participant.membership.id)).filter(
      (a) => a.subjectId === later.id && a.kind === "session.attended",
    );
    expect(attended).toHaveLength(1);
    // Marking it again changes nothing and writes nothing more.
    await setSessionStatus(db, w.coach, { sessionId: later.id, status: "ATTENDED" });
    expect(
      (await activityOf(w.participant.membership.id)).filter((a) => a.subjectId === later.id && a.kind === "session.attended"),
    ).toHaveLength(1);

    const cancelled = await scheduleAppointment(db, w.coach, appointment(w.participant.membership.id, { title: "Cancelled" }));
    await setSessionStatus(db, w.coach, { sessionId: cancelled.id, status: "CANCELLED" });
    expect((await sessionRow(cancelled.id)).status).toBe("CANCELLED");

    const missed = await scheduleAppointment(db, w.coach, appointment(w.participant.membership.id, { title: "Missed" }));
    await intoThePast(missed.id);
    await setSessionStatus(db, w.coach, { sessionId: missed.id, status: "NO_SHOW" });
    const noShow = (await activityOf(w.participant.membership.id)).filter((a) => a.subjectId === missed.id);
    expect(noShow.map((a) => a.kind)).toEqual(["session.scheduled", "session.no_show"]);
  });

  it("a session outside pathways is its own coach's: another coach of the coachee, admins and programme managers find nothing", async () => {
    const session = await scheduleAppointment(db, w.coach, appointment(w.participant.membership.id, { title: "Private" }));
    await intoThePast(session.id);
    for (const actor of [w.secondCoach, w.otherCoach, w.admin, w.owner, w.pm, w.other.coach]) {
      await expect(setSessionStatus(db, actor, { sessionId: session.id, status: "CANCELLED" }), actor.role).rejects.toThrow(NotFoundError);
    }
    for (const actor of [w.participant, w.sponsor]) {
      await expect(setSessionStatus(db, actor, { sessionId: session.id, status: "CANCELLED" })).rejects.toThrow(ForbiddenError);
    }
    expect((await sessionRow(session.id)).status).toBe("SCHEDULED");
    // Positive control: its coach.
    await setSessionStatus(db, w.coach, { sessionId: session.id, status: "ATTENDED" });
    expect((await sessionRow(session.id)).status).toBe("ATTENDED");
  });

  it("a session started now can be marked attended at once, in the coachee's time zone", async () => {
    const session = await startSessionNow(db, w.coach, startNow(w.participant.membership.id));
    expect(session.timezone).toBe("UTC"); // the participant's own (the factory's default account zone)
    expect(Math.abs(session.scheduledAt.getTime() - Date.now())).toBeLessThan(60_000);
    await setSessionStatus(db, w.coach, { sessionId: session.id, status: "ATTENDED" });
    expect((await sessionRow(session.id)).status).toBe("ATTENDED");
    // While it runs, the coach cannot start another (their sessions never overlap); once it is over, they can.
    await expect(startSessionNow(db, w.coach, startNow(w.participant.membership.id))).rejects.toMatchObject({
      message: msg("Sessions.server.overlap"),
    });
    await intoThePast(session.id);
  });

  it("the form starts from the coachee's time zone, or the coach's own until the coachee has joined", async () => {
    const coach = await createActor(db, w.org.id, "COACH", { account: { timezone: "America/New_York" } });
    const notJoined = await createMember(db, w.org.id, { role: "PARTICIPANT", status: "NOT_INVITED", firstName: "Nia", lastName: "New" });
    const joined = await createMember(db, w.org.id, { role: "PARTICIPANT", account: { timezone: "Asia/Tokyo" } });
    for (const c of [notJoined, joined]) await createCoachingRelationship(db, { coach: coach.membership, coachee: c.membership });
    expect((await sessionFormContext(db, coach, notJoined.membership.id)).timezone).toBe("America/New_York");
    expect((await sessionFormContext(db, coach, joined.membership.id)).timezone).toBe("Asia/Tokyo");
    const now = await startSessionNow(db, coach, startNow(notJoined.membership.id));
    expect(now.timezone).toBe("America/New_York");
  });

  it("on a pathway: only the coachee's active pathways this coach is primary coach of, and attended ones count against its allotment", async () => {
    const pathwayId = w.pathway.id;
    const context = await sessionFormContext(db, w.coach, w.participant.membership.id);
    expect(context.pathways.map((p) => p.id)).toEqual([pathwayId]);
    // The second coach coaches the participant but not this pathway: it is not theirs to count against.
    expect((await sessionFormContext(db, w.secondCoach, w.participant.membership.id)).pathways).toEqual([]);
    const refused = await scheduleAppointment(db, w.secondCoach, appointment(w.participant.membership.id, { pathwayId })).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(english(refused.fieldErrors)).toEqual({ pathwayId: ["Choose one of the pathways listed"] });
    // Another coachee's pathway of the same coach is refused too.
    const other = await createMember(db, w.org.id, { role: "PARTICIPANT" });
    const otherPathway = await createPathway(db, { cohort: w.cohort, participant: other.membership, coach: w.coach.membership });
    await expect(
      scheduleAppointment(db, w.coach, appointment(w.participant.membership.id, { pathwayId: otherPathway.id })),
    ).rejects.toThrow(ValidationError);

    const before = (await getPathway(db, w.admin, pathwayId)).used;
    const session = await scheduleAppointment(
      db,
      w.coach,
      appointment(w.participant.membership.id, { pathwayId, title: "On the pathway" }),
    );
    expect(session.pathwayId).toBe(pathwayId);
    // Scheduled is not used; attended is, on the pathway page as everywhere.
    expect((await getPathway(db, w.admin, pathwayId)).used).toBe(before);
    await intoThePast(session.id);
    await setSessionStatus(db, w.coach, { sessionId: session.id, status: "ATTENDED" });
    const after = await getPathway(db, w.admin, pathwayId);
    expect(after.used).toBe(before + 1);
    expect(after.sessions.map((s) => s.id)).toContain(session.id);
    // Started now on the pathway counts as well.
    const now = await startSessionNow(db, w.coach, startNow(w.participant.membership.id, { pathwayId }));
    await setSessionStatus(db, w.coach, { sessionId: now.id, status: "ATTENDED" });
    await intoThePast(now.id);
    expect((await getPathway(db, w.admin, pathwayId)).used).toBe(before + 2);
    // The Sessions tab's log names the pathway's programme.
    const { log } = await coacheeSessions(db, w.coach, w.participant.membership.id, { page: 1 });
    expect(log.find((s) => s.id === session.id)?.pathway?.programme.name).toBe(w.programme.name);
  });

  it("an archived pathway takes no new session and its sessions no longer change", async () => {
    const coachee = await createMember(db, w.org.id, { role: "PARTICIPANT" });
    const pathway = await createPathway(db, { cohort: w.cohort, participant: coachee.membership, coach: w.coach.membership });
    const session = await scheduleAppointment(db, w.coach, appointment(coachee.membership.id, { pathwayId: pathway.id }));
    await db.pathway.updateMany({ where: { id: pathway.id }, data: { status: "ARCHIVED", archiveReason: "DNF" } });
    expect((await sessionFormContext(db, w.coach, coachee.membership.id)).pathways).toEqual([]);
    await expect(scheduleAppointment(db, w.coach, appointment(coachee.membership.id, { pathwayId: pathway.id }))).rejects.toThrow(
      /archived/,
    );
    await expect(setSessionStatus(db, w.coach, { sessionId: session.id, status: "CANCELLED" })).rejects.toThrow(/archived/);
    // Positive control: without the pathway the appointment is made.
    await expect(scheduleAppointment(db, w.coach, appointment(coachee.membership.id))).resolves.toMatchObject({ pathwayId: null });
  });

  it("a programme manager marking a pathway session attended writes the coachee's activity too", async () => {
    const coachee = await createMember(db, w.org.id, { role: "PARTICIPANT" });
    const pathway = await createPathway(db, { cohort: w.cohort, participant: coachee.membership, coach: w.coach.membership });
    const session = await scheduleSession(db, w.pm, {
      pathwayId: pathway.id,
      title: "By the PM",
      date: "2026-01-05",
      time: "10:00",
      durationMinutes: 60,
    });
    await setSessionStatus(db, w.pm, { sessionId: session.id, status: "ATTENDED" });
    const rows = await activityOf(coachee.membership.id);
    expect(rows.map((r) => r.kind)).toEqual(["session.scheduled", "session.attended"]);
    expect(rows[1]).toMatchObject({ actorMembershipId: w.pm.membershipId, coachMembershipId: w.coach.membershipId });
  });

  it("the Sessions tab: the coach's open appointments soonest first with whether they started, and the log of attended ones", async () => {
    const coachee = await createMember(db, w.org.id, { role: "PARTICIPANT" });
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: coachee.membership });
    await createCoachingRelationship(db, { coach: w.secondCoach.membership, coachee: coachee.membership });
    const soon = await scheduleAppointment(db, w.coach, appointment(coachee.membership.id, { title: "Soon", date: "2030-01-01" }));
    const later = await scheduleAppointment(db, w.coach, appointment(coachee.membership.id, { title: "Later", date: "2030-02-01" }));
    const started = await scheduleAppointment(db, w.coach, appointment(coachee.membership.id, { title: "Started" }));
    await intoThePast(started.id);
    const done = await startSessionNow(db, w.coach, startNow(coachee.membership.id, { title: "Done" }));
    await setSessionStatus(db, w.coach, { sessionId: done.id, status: "ATTENDED" });
    await intoThePast(done.id);
    await scheduleAppointment(db, w.secondCoach, appointment(coachee.membership.id, { title: "The second coach's" }));

    const tab = await coacheeSessions(db, w.coach, coachee.membership.id, { page: 1 });
    expect(tab.open.map((s) => [s.title, s.started])).toEqual([
      ["Started", true],
      ["Soon", false],
      ["Later", false],
    ]);
    expect(tab.log.map((s) => s.title)).toEqual(["Done"]);
    expect([soon.id, later.id]).toEqual(tab.open.slice(1).map((s) => s.id));
    // The second coach sees their own appointment only.
    const theirs = await coacheeSessions(db, w.secondCoach, coachee.membership.id, { page: 1 });
    expect(theirs.open.map((s) => s.title)).toEqual(["The second coach's"]);
    expect(theirs.log).toEqual([]);
  });

  it("bad input is refused at its field and writes nothing", async () => {
    const bad = appointmentSchema.safeParse({
      coacheeMembershipId: w.participant.membership.id,
      title: "",
      date: "2030-02-30",
      time: "25:00",
      timezone: "Mars/Olympus",
      durationMinutes: "2",
      location: "line\nbreak",
      pathwayId: "nope",
    });
    expect(bad.success).toBe(false);
    const fields = new Set(bad.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["title", "date", "time", "timezone", "durationMinutes", "location", "pathwayId"]));
    // A year outside 1900..2200 is a typo or a probe: a year below 100 used to be read as 19xx.
    const raw = (date: string) => ({
      coacheeMembershipId: w.participant.membership.id,
      title: "Kick-off",
      date,
      time: "09:30",
      timezone: "Europe/Berlin",
      durationMinutes: "45",
      location: "",
      pathwayId: "",
    });
    for (const date of ["0050-06-01", "0000-01-01", "1899-12-31", "2201-01-01", "9999-12-31"]) {
      const far = appointmentSchema.safeParse(raw(date));
      expect(far.success, date).toBe(false);
      expect(far.error!.issues.map((i) => i.path[0])).toEqual(["date"]);
    }
    for (const date of ["1900-01-01", "2015-03-09", "2200-12-31"]) expect(appointmentSchema.safeParse(raw(date)).success, date).toBe(true);
    // A title is one line: it ends up in emails and lists.
    const title = appointmentSchema.safeParse({ ...raw("2030-01-01"), title: "Kick\noff" });
    expect(title.error?.issues.map((i) => i.path[0])).toEqual(["title"]);
    // A browser cannot choose the coach or the organisation: the schema is strict.
    expect(
      appointmentSchema.safeParse({ ...appointment(w.participant.membership.id), coachMembershipId: w.otherCoach.membershipId }).success,
    ).toBe(false);
  });
});

describe("activity", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it("each coach sees the shared rows and their own, never another coach's", async () => {
    const coachee = await createMember(db, w.org.id, { role: "PARTICIPANT", account: { firstName: "Ada", lastName: "Lovelace" } });
    for (const coach of [w.coach, w.secondCoach])
      await createCoachingRelationship(db, { coach: coach.membership, coachee: coachee.membership });
    await createActivity(db, coachee.membership, { actorMembershipId: coachee.membership.id }); // shared: joined
    const mine = await scheduleAppointment(db, w.coach, appointment(coachee.membership.id, { title: "First coach's" }));
    const theirs = await scheduleAppointment(db, w.secondCoach, appointment(coachee.membership.id, { title: "Second coach's" }));

    const first = await listActivity(db, w.coach, coachee.membership.id, { page: 1 });
    expect(first.events.map((e) => e.kind)).toEqual(["session.scheduled", "invitation.accepted"]);
    expect(JSON.stringify(first)).not.toContain("Second coach's");
    expect(JSON.stringify(first)).toContain("First coach's");
    const second = await listActivity(db, w.secondCoach, coachee.membership.id, { page: 1 });
    expect(second.events.map((e) => e.kind)).toEqual(["session.scheduled", "invitation.accepted"]);
    expect(JSON.stringify(second)).not.toContain("First coach's");
    expect(second.events[0].data).toMatchObject({ title: "Second coach's" });
    // Each session's row is kept for the coach who scheduled it, and no other.
    const sessionRows = await db.activity.findMany({
      where: { subjectId: { in: [mine.id, theirs.id] } },
      select: { subjectId: true, coachMembershipId: true },
    });
    expect(sessionRows.map((r) => [r.subjectId, r.coachMembershipId]).sort()).toEqual(
      [
        [mine.id, w.coach.membershipId],
        [theirs.id, w.secondCoach.membershipId],
      ].sort(),
    );
    // Last activity moves only on the relationship that may see the row.
    const relationships = await db.coachingRelationship.findMany({ where: { coacheeMembershipId: coachee.membership.id } });
    expect(relationships.map((r) => r.coachMembershipId).sort()).toEqual([w.coach.membershipId, w.secondCoach.membershipId].sort());
    for (const r of relationships) expect(r.lastActivityAt).not.toBeNull();
  });

  it("names people as the organisation sees them and says one sentence per kind, times on the viewer's clock", async () => {
    const coachee = await createMember(db, w.org.id, {
      role: "PARTICIPANT",
      status: "NOT_INVITED",
      firstName: "Org",
      lastName: "Named",
      account: { firstName: "Own", lastName: "Name" },
    });
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: coachee.membership });
    const session = await scheduleAppointment(
      db,
      w.coach,
      appointment(coachee.membership.id, { title: "Kick-off", timezone: "UTC", date: "2030-06-03", time: "10:00" }),
    );
    await intoThePast(session.id);
    await setSessionStatus(db, w.coach, { sessionId: session.id, status: "ATTENDED" });
    const { events, total } = await listActivity(db, w.coach, coachee.membership.id, { page: 1 });
    expect(total).toBe(2);
    const coachName = `${w.coach.user.firstName} ${w.coach.user.lastName}`;
    expect(events.map((e) => e.actorName)).toEqual([coachName, coachName]);
    expect(JSON.stringify(events)).not.toContain("Own Name"); // not joined: the organisation's names only
    // As the activity feed reads them: on the viewer's clock (UTC here).
    const time = (d: Date) => displayTime(d, "UTC");
    expect(events.map((e) => activitySentence(e, time, words))).toEqual([
      expect.stringMatching(
        /^Org Named attended “Kick-off” of [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \(45 min\), marked by Test coach$/,
      ),
      `${coachName} scheduled “Kick-off” with Org Named for Mon 3 Jun 2030, 10:00`,
    ]);
    expect(activitySentence({ kind: "invitation.accepted", data: {}, actorName: "Org Named", coacheeName: "Org Named" }, time, words)).toBe(
      "Org Named accepted their invitation and joined",
    );
    expect(activitySentence({ kind: "something.new", data: {}, actorName: null, coacheeName: "Org Named" }, time, words)).toBe(
      "Pathwise made a change for Org Named",
    );
  });

  it("pages newest first", async () => {
    const coachee = await createMember(db, w.org.id, { role: "PARTICIPANT" });
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: coachee.membership });
    const start = Date.now() - 100 * 60_000;
    for (let i = 0; i < ACTIVITY_PAGE_SIZE + 5; i++) {
      await createActivity(db, coachee.membership, {
        kind: "message.sent",
        data: { excerpt: `message ${i}` },
        coachMembershipId: i % 2 ? w.coach.membershipId : null,
        createdAt: new Date(start + i * 60_000),
      });
    }
    // Another coach's only rows among them do not count.
    await createActivity(db, coachee.membership, { coachMembershipId: w.secondCoach.membershipId, createdAt: new Date() });
    const one = await listActivity(db, w.coach, coachee.membership.id, { page: 1 });
    const two = await listActivity(db, w.coach, coachee.membership.id, { page: 2 });
    expect(one.total).toBe(ACTIVITY_PAGE_SIZE + 5);
    expect(one.pages).toBe(2);
    expect(one.events).toHaveLength(ACTIVITY_PAGE_SIZE);
    expect(one.events[0].data).toEqual({ excerpt: `message ${ACTIVITY_PAGE_SIZE + 4}` });
    expect(two.events.map((e) => e.data)).toEqual([4, 3, 2, 1, 0].map((i) => ({ excerpt: `message ${i}` })));
  });

  it("is written in the same transaction as the change: when the activity cannot be written, the change is not made either", async () => {
    const marker = `fail-${unique()}`;
    const refused = /activity refused by the test/;
    const fn = `pg_temp_fail_${unique()}`.replace(/[^a-z0-9_]/g, "");
    // A trigger that refuses only this test's rows, so other tests running beside it are untouched.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION "${fn}"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.data->>'title' = '${marker}' AND NEW.kind IN ('session.scheduled', 'session.attended') THEN
          IF NEW.kind = 'session.scheduled' AND NEW."subjectId" IS NOT NULL AND EXISTS (
            SELECT 1 FROM "CoachingSession" s WHERE s.id = NEW."subjectId" AND s.location = 'let it through') THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'activity refused by the test';
        END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER "${fn}" BEFORE INSERT ON "Activity" FOR EACH ROW EXECUTE FUNCTION "${fn}"()`);
    try {
      const coachee = w.participant.membership.id;
      await expect(scheduleAppointment(db, w.coach, appointment(coachee, { title: marker }))).rejects.toThrow(refused);
      expect(await db.coachingSession.count({ where: { title: marker } })).toBe(0);
      await expect(startSessionNow(db, w.coach, startNow(coachee, { title: marker }))).rejects.toThrow(refused);
      expect(await db.coachingSession.count({ where: { title: marker } })).toBe(0);
      // Scheduled (let through), then attended refused: the status stays as it was.
      const session = await scheduleAppointment(db, w.coach, appointment(coachee, { title: marker, location: "let it through" }));
      await intoThePast(session.id);
      await expect(setSessionStatus(db, w.coach, { sessionId: session.id, status: "ATTENDED" })).rejects.toThrow(refused);
      expect((await sessionRow(session.id)).status).toBe("SCHEDULED");
      expect(await db.activity.count({ where: { subjectId: session.id, kind: "session.attended" } })).toBe(0);
      // Positive controls: sessions of another title go through with their rows, for each of the three calls.
      const fine = await scheduleAppointment(db, w.coach, appointment(coachee, { title: `${marker}-fine` }));
      expect(await db.activity.count({ where: { subjectId: fine.id } })).toBe(1);
      const now = await startSessionNow(db, w.coach, startNow(coachee, { title: `${marker}-now` }));
      expect(await db.coachingSession.count({ where: { title: `${marker}-now` } })).toBe(1);
      expect(await db.activity.count({ where: { subjectId: now.id, kind: "session.scheduled" } })).toBe(1);
      await intoThePast(fine.id);
      await setSessionStatus(db, w.coach, { sessionId: fine.id, status: "ATTENDED" });
      expect((await sessionRow(fine.id)).status).toBe("ATTENDED");
      expect(await db.activity.count({ where: { subjectId: fine.id, kind: "session.attended" } })).toBe(1);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "${fn}" ON "Activity"`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS "${fn}"()`);
    }
  });

  it("accepting an invitation writes invitation.accepted for a participant, visible to every coach of theirs", async () => {
    const invited = await createInvitation(db, w.org.id, { role: "PARTICIPANT" });
    for (const coach of [w.coach, w.secondCoach])
      await createCoachingRelationship(db, { coach: coach.membership, coachee: invited.membership });
    await acceptInvitation(
      db,
      { token: invited.token, firstName: "Joy", lastName: "Joined", timezone: "Europe/Paris", password: "a long invited passphrase" },
      ip(),
    );
    const rows = await activityOf(invited.membership.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "invitation.accepted", actorMembershipId: invited.membership.id, coachMembershipId: null });
    for (const coach of [w.coach, w.secondCoach]) {
      const { events } = await listActivity(db, coach, invited.membership.id, { page: 1 });
      expect(events.map((e) => activitySentence(e, String, words))).toEqual(["Joy Joined accepted their invitation and joined"]);
    }
    // A participant with no coach yet: harmless, the row waits for the coaches who come.
    const alone = await createInvitation(db, w.org.id, { role: "PARTICIPANT" });
    await acceptInvitation(
      db,
      { token: alone.token, firstName: "Al", lastName: "One", timezone: "UTC", password: "a long invited passphrase" },
      ip(),
    );
    expect((await activityOf(alone.membership.id)).map((r) => r.kind)).toEqual(["invitation.accepted"]);
    // A coach joining is nobody's coachee: no row.
    const coach = await createInvitation(db, w.org.id, { role: "COACH" });
    await acceptInvitation(
      db,
      { token: coach.token, firstName: "Co", lastName: "Ach", timezone: "UTC", password: "a long invited passphrase" },
      ip(),
    );
    expect(await activityOf(coach.membership.id)).toEqual([]);
  });
});
