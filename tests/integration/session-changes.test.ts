import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client";
import { appointmentSchema, scheduleAppointment } from "../../lib/coachees/sessions";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors";
import { msg } from "../../lib/i18n/msg";
import { deliverDueEmails } from "../../lib/mail/deliver";
import { smtpTransport } from "../../lib/mail/transport";
import { cancelSession, editSession, type EditSessionInput } from "../../lib/sessions/changes";
import { sessionUid } from "../../lib/sessions/ical";
import { setSessionStatus } from "../../lib/sessions/status";
import type { Actor } from "../../lib/authz/actor";
import { isoDay } from "../../lib/format/dates";
import { createActor, createCoachingRelationship, createMember } from "../factories";
import { recordFigures } from "../support/figures";
import { isolatedDatabase, testDb } from "../support/db";
import { startSmtpServer } from "../support/smtp";
import { createWorld, type World } from "../support/world";

const db = testDb();

// Each test's sessions take days of their own, so a coach's sessions never overlap by accident.
let day = 0;
const nextDay = () => isoDay(new Date(Date.UTC(2031, 0, ++day)));

function appointment(db: Db, w: { coach: Actor; participant: { membership: { id: string } } }, over: Record<string, string> = {}) {
  return scheduleAppointment(
    db,
    w.coach,
    appointmentSchema.parse({
      coacheeMembershipId: w.participant.membership.id,
      title: "Check-in",
      date: nextDay(),
      time: "09:00",
      timezone: "Europe/Berlin",
      durationMinutes: "60",
      location: "https://meet.example/room",
      pathwayId: "",
      ...over,
    }),
  );
}

const edit = (sessionId: string, over: Partial<EditSessionInput> = {}): EditSessionInput => ({
  sessionId,
  title: "Check-in",
  date: "2031-06-02",
  time: "10:00",
  timezone: "Europe/Berlin",
  durationMinutes: 60,
  location: "https://meet.example/room",
  ...over,
});

const row = (id: string) => db.coachingSession.findFirstOrThrow({ where: { id } });
const told = (recipientMembershipId: string, subjectId: string) =>
  db.notification.findMany({ where: { recipientMembershipId, subjectId }, orderBy: { createdAt: "asc" } });

describe("changing and cancelling a session", () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(db);
  });

  it("moves a scheduled session: SEQUENCE rises, the coachee is told, the coachee's history says from when to when", async () => {
    const session = await appointment(db, w);
    expect(session.sequence).toBe(0);
    expect(await editSession(db, w.coach, edit(session.id, { date: "2031-06-02", time: "10:00" }))).toEqual({ changed: true });
    const moved = await row(session.id);
    expect(moved.scheduledAt.toISOString()).toBe("2031-06-02T08:00:00.000Z"); // 10:00 in Berlin, summer time
    expect(moved.sequence).toBe(1);
    // Saving the same again changes nothing and raises nothing.
    expect(await editSession(db, w.coach, edit(session.id, { date: "2031-06-02", time: "10:00" }))).toEqual({ changed: false });
    expect((await row(session.id)).sequence).toBe(1);
    // A new title only: a change, not a move.
    await editSession(db, w.coach, edit(session.id, { title: "Renamed" }));
    // Told once per kind while unread (the two changes coalesce into one row, with the latest news).
    const notes = await told(w.participant.membership.id, session.id);
    expect(notes.map((n) => [n.kind, n.count, (n.data as { moved?: boolean }).moved ?? null])).toEqual([
      ["session.scheduled", 1, null],
      ["session.changed", 2, false],
    ]);
    // The coach did it: the coach is not told of their own change.
    expect(await told(w.coach.membershipId, session.id)).toEqual([]);
    const history = await db.activity.findMany({ where: { subjectId: session.id }, orderBy: { createdAt: "asc" } });
    expect(history.map((a) => a.kind)).toEqual(["session.scheduled", "session.moved"]);
    expect(history[1].data).toMatchObject({ from: session.scheduledAt.toISOString(), scheduledAt: "2031-06-02T08:00:00.000Z" });
  });

  it("cancels with a reason; a cancelled session changes no more and holds no time", async () => {
    const session = await appointment(db, w, { date: "2031-07-01" });
    await cancelSession(db, w.coach, { sessionId: session.id, reason: "Ill today" });
    expect(await row(session.id)).toMatchObject({ status: "CANCELLED", cancelReason: "Ill today", sequence: 1 });
    expect((await told(w.participant.membership.id, session.id)).map((n) => n.kind)).toEqual(["session.scheduled", "session.cancelled"]);
    await expect(cancelSession(db, w.coach, { sessionId: session.id, reason: "" })).rejects.toMatchObject({
      message: msg("Sessions.server.notScheduled"),
    });
    await expect(editSession(db, w.coach, edit(session.id))).rejects.toMatchObject({ message: msg("Sessions.server.notScheduled") });
    expect((await row(session.id)).sequence).toBe(1);
    // Its hour is free again: the same time can be booked.
    await expect(appointment(db, w, { date: "2031-07-01" })).resolves.toMatchObject({ status: "SCHEDULED" });
  });

  it("cancelling by status tells and raises SEQUENCE too; setting it back schedules it again, if its time is still free", async () => {
    const session = await appointment(db, w, { date: "2031-07-10" });
    await setSessionStatus(db, w.coach, { sessionId: session.id, status: "CANCELLED" });
    expect(await row(session.id)).toMatchObject({ status: "CANCELLED", sequence: 1 });
    const taken = await appointment(db, w, { date: "2031-07-10", time: "09:30" });
    await expect(setSessionStatus(db, w.coach, { sessionId: session.id, status: "SCHEDULED" })).rejects.toMatchObject({
      message: msg("Sessions.server.overlap"),
    });
    expect((await row(session.id)).status).toBe("CANCELLED");
    await cancelSession(db, w.coach, { sessionId: taken.id, reason: "" });
    await setSessionStatus(db, w.coach, { sessionId: session.id, status: "SCHEDULED" });
    expect(await row(session.id)).toMatchObject({ status: "SCHEDULED", sequence: 2, cancelReason: null });
    // Scheduled again while the first news is unread: that row says so a second time.
    expect((await told(w.participant.membership.id, session.id)).map((n) => [n.kind, n.count])).toEqual([
      ["session.scheduled", 2],
      ["session.cancelled", 1],
    ]);
  });

  it("refuses bad input at its field and changes nothing", async () => {
    const session = await appointment(db, w);
    // 02:30 does not exist in Berlin on the night the clocks go forward.
    const skipped = await editSession(db, w.coach, edit(session.id, { date: "2031-03-30", time: "02:30" })).catch((e: unknown) => e);
    expect(skipped).toBeInstanceOf(ValidationError);
    expect(Object.keys((skipped as ValidationError).fieldErrors)).toEqual(["time"]);
    const long = await cancelSession(db, w.coach, { sessionId: session.id, reason: "x".repeat(501) }).catch((e: unknown) => e);
    // The schema is what refuses a long reason; the database's CHECK stands behind it.
    expect(long).toBeInstanceOf(Error);
    expect(await row(session.id)).toMatchObject({ status: "SCHEDULED", sequence: 0 });
  });

  it("is worked by its coach, and for a pathway's session by whoever reaches the pathway; everyone else finds nothing", async () => {
    const onPathway = await appointment(db, w, { pathwayId: w.pathway.id });
    const offPathway = await appointment(db, w);
    const otherCoachOfCoachee = await createActor(db, w.org.id, "COACH");
    await createCoachingRelationship(db, { coach: otherCoachOfCoachee.membership, coachee: w.participant.membership });
    let attempts = 0;
    const refused = async (actor: Parameters<typeof editSession>[1], sessionId: string, error: unknown) => {
      attempts += 2;
      await expect(editSession(db, actor, edit(sessionId, { title: "Taken over" }))).rejects.toThrow(error as typeof Error);
      await expect(cancelSession(db, actor, { sessionId, reason: "" })).rejects.toThrow(error as typeof Error);
    };
    // Another organisation's people, and ids that do not exist, find nothing.
    await refused(w.other.admin, onPathway.id, NotFoundError);
    await refused(w.other.coach, offPathway.id, NotFoundError);
    await refused(w.coach, crypto.randomUUID(), NotFoundError);
    // Another coach of the same coachee; admins and programme managers outside pathways.
    await refused(otherCoachOfCoachee, offPathway.id, NotFoundError);
    await refused(otherCoachOfCoachee, onPathway.id, NotFoundError);
    await refused(w.admin, offPathway.id, NotFoundError);
    await refused(w.pm, offPathway.id, NotFoundError);
    // Roles that never change sessions.
    await refused(w.participant, onPathway.id, ForbiddenError);
    await refused(w.sponsor, onPathway.id, ForbiddenError);
    for (const id of [onPathway.id, offPathway.id])
      expect(await row(id)).toMatchObject({ title: "Check-in", sequence: 0, status: "SCHEDULED" });
    // Positive controls: the programme manager and the admin on the pathway's session, its coach on the other.
    await editSession(db, w.pm, edit(onPathway.id, { title: "By the programme manager", date: "2031-08-01" }));
    await editSession(db, w.admin, edit(onPathway.id, { title: "By the admin", date: "2031-08-01" }));
    await cancelSession(db, w.coach, { sessionId: offPathway.id, reason: "" });
    expect(await row(onPathway.id)).toMatchObject({ title: "By the admin", sequence: 2 });
    expect((await row(offPathway.id)).status).toBe("CANCELLED");
    // The programme manager's change reaches the coach and the coachee alike.
    expect((await told(w.coach.membershipId, onPathway.id)).map((n) => n.kind)).toContain("session.changed");
    recordFigures("session changes", { crossTenantAttempts: 4, leaks: 0 });
    expect(attempts).toBe(18);
  });
});

describe("a coach's sessions never overlap", () => {
  it("50 parallel bookings of one slot make exactly one session and 49 refusals at the time field", async () => {
    const w = await createWorld(db, { members: ["coach", "participant"] });
    const date = nextDay();
    const tries = await Promise.allSettled(Array.from({ length: 50 }, () => appointment(db, w, { date, time: "11:00" })));
    const made = tries.filter((t) => t.status === "fulfilled");
    const refusals = tries.flatMap((t) => (t.status === "rejected" ? [t.reason as unknown] : []));
    expect(made).toHaveLength(1);
    expect(refusals).toHaveLength(49);
    for (const r of refusals) {
      expect(r).toBeInstanceOf(ValidationError);
      expect((r as ValidationError).fieldErrors).toEqual({ time: [msg("Sessions.server.overlap")] });
    }
    const sessions = await db.coachingSession.count({ where: { coachMembershipId: w.coach.membershipId, status: "SCHEDULED" } });
    recordFigures("double booking", { concurrentBookings: tries.length, doubleBookings: sessions - 1 });
    expect(sessions).toBe(1);
    // Back to back is not an overlap: the next may start as the last ends (11:00 to 12:00, then 12:00).
    await expect(appointment(db, w, { date, time: "12:00" })).resolves.toMatchObject({ status: "SCHEDULED" });
    // Half an hour into it is; and moving another session onto it is refused the same way.
    await expect(appointment(db, w, { date, time: "11:30" })).rejects.toMatchObject({
      fieldErrors: { time: [msg("Sessions.server.overlap")] },
    });
    const elsewhere = await appointment(db, w);
    await expect(
      editSession(db, w.coach, edit(elsewhere.id, { date, time: "11:15", timezone: "Europe/Berlin", location: "" })),
    ).rejects.toMatchObject({ fieldErrors: { time: [msg("Sessions.server.overlap")] } });
    // Another coach is free at that time (positive control).
    const colleague = await createActor(db, w.org.id, "COACH");
    await createCoachingRelationship(db, { coach: colleague.membership, coachee: w.participant.membership });
    await expect(appointment(db, { coach: colleague, participant: w.participant }, { date, time: "11:00" })).resolves.toBeTruthy();
  });
});

/** The iCalendar part of a captured message, parsed by ical.js (not the library that wrote it). */
async function invitationOf(raw: string) {
  const mail = await simpleParser(raw);
  const part = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  expect(part, "the message carries a text/calendar part").toBeDefined();
  const calendar = new ICAL.Component(ICAL.parse(part!.content.toString("utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  const event = new ICAL.Event(vevent);
  return { mail, calendar, vevent, event, method: calendar.getFirstPropertyValue("method") };
}

describe("invitations in everyone's own calendar, over real SMTP", () => {
  let isolated: Awaited<ReturnType<typeof isolatedDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const deliver = () => deliverDueEmails(isolated.db, smtpTransport(smtp.url), { from: "Pathwise <no-reply@pathwise.test>" });
  beforeAll(async () => {
    isolated = await isolatedDatabase("pathwise_session_mail");
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await isolated.drop();
  });

  // 09:00 local on each side of a daylight-saving change: London and New York go forward in March,
  // Sydney goes back in April (its autumn). The same wall-clock time is a different UTC moment.
  const CASES = [
    { zone: "Europe/London", before: ["2026-03-28", "2026-03-28T09:00:00.000Z"], after: ["2026-03-30", "2026-03-30T08:00:00.000Z"] },
    { zone: "America/New_York", before: ["2026-03-07", "2026-03-07T14:00:00.000Z"], after: ["2026-03-09", "2026-03-09T13:00:00.000Z"] },
    { zone: "Australia/Sydney", before: ["2026-04-04", "2026-04-03T22:00:00.000Z"], after: ["2026-04-06", "2026-04-05T23:00:00.000Z"] },
  ] as const;

  it("each new session reaches both people as a REQUEST whose times are right across daylight saving in three zones", async () => {
    const w = await createWorld(isolated.db, { members: ["coach", "participant"] });
    let checked = 0;
    for (const { zone, before, after } of CASES) {
      for (const [date, utc] of [before, after]) {
        smtp.messages.length = 0;
        const session = await appointment(isolated.db, w, { date, time: "09:00", timezone: zone, title: `In ${zone}` });
        expect((await deliver()).sent).toBe(2);
        expect(smtp.messages.map((m) => m.recipients).sort()).toEqual([[w.coach.user.email], [w.participant.user.email]].sort());
        for (const message of smtp.messages) {
          const { method, event, vevent } = await invitationOf(message.raw);
          expect(method).toBe("REQUEST");
          expect(event.uid).toBe(sessionUid(session.id));
          expect(event.sequence).toBe(0);
          expect(event.summary).toBe(`In ${zone}`);
          expect(vevent.getFirstProperty("dtstart")!.getParameter("tzid")).toBe(zone);
          expect(event.startDate.toJSDate().toISOString()).toBe(utc);
          expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(60 * 60_000);
          expect(event.location).toBe("https://meet.example/room");
          checked++;
        }
      }
    }
    recordFigures("session invitations", { invitationsParsed: checked });
    expect(checked).toBe(CASES.length * 2 * 2);
  });

  it("a move is a REQUEST with the same UID and a higher SEQUENCE; a cancellation a CANCEL; someone not yet invited gets nothing", async () => {
    const w = await createWorld(isolated.db, { members: ["coach", "participant"] });
    const session = await appointment(isolated.db, w, { date: "2026-10-20", time: "09:00", timezone: "America/New_York" });
    // Moved across New York's autumn change (1 November): 09:00 EST is 14:00 UTC.
    await editSession(isolated.db, w.coach, edit(session.id, { date: "2026-11-03", time: "09:00", timezone: "America/New_York" }));
    await cancelSession(isolated.db, w.coach, { sessionId: session.id, reason: "Travelling" });
    smtp.messages.length = 0;
    expect((await deliver()).sent).toBe(6);
    // In the order the changes were made (messages queued in one instant may leave in any order).
    const toCoachee = (
      await Promise.all(smtp.messages.filter((m) => m.recipients[0] === w.participant.user.email).map((m) => invitationOf(m.raw)))
    ).sort((a, b) => a.event.sequence - b.event.sequence);
    expect(toCoachee.map((i) => [i.method, i.event.uid, i.event.sequence])).toEqual([
      ["REQUEST", sessionUid(session.id), 0],
      ["REQUEST", sessionUid(session.id), 1],
      ["CANCEL", sessionUid(session.id), 2],
    ]);
    expect(toCoachee[1].event.startDate.toJSDate().toISOString()).toBe("2026-11-03T14:00:00.000Z");
    expect(toCoachee[2].vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(toCoachee[2].mail.text).toContain("Travelling");
    expect(toCoachee[2].mail.subject).toBe("Session cancelled: Check-in");

    // A coachee who has not joined agreed to nothing: their coach's calendar gets it, their inbox nothing.
    const notJoined = await createMember(isolated.db, w.org.id, { role: "PARTICIPANT", status: "NOT_INVITED" });
    await createCoachingRelationship(isolated.db, { coach: w.coach.membership, coachee: notJoined.membership });
    smtp.messages.length = 0;
    await appointment(isolated.db, { coach: w.coach, participant: notJoined }, { date: "2026-10-21" });
    expect((await deliver()).sent).toBe(1);
    expect(smtp.messages.map((m) => m.recipients)).toEqual([[w.coach.user.email]]);
  });
});
