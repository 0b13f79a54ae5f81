import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client";
import { appointmentSchema, scheduleAppointment } from "../../lib/coachees/sessions";
import { ForbiddenError } from "../../lib/errors";
import { cancelSession, editSession } from "../../lib/sessions/changes";
import { getReminderChoice, reminderChoiceSchema, runSessionReminders, setReminderChoice } from "../../lib/sessions/reminders";
import { createActor, createCoachingRelationship, type TestActor } from "../factories";
import { recordFigures } from "../support/figures";
import { isolatedDatabase } from "../support/db";

// The job reads every organisation's sessions: a database of its own, so no other file's sessions are
// reminded here and none of these reach theirs.
let isolated: Awaited<ReturnType<typeof isolatedDatabase>>;
let db: Db;
beforeAll(async () => {
  isolated = await isolatedDatabase("pathwise_reminders");
  db = isolated.db;
});
afterAll(() => isolated.drop());

const MIN = 60_000;

async function pair(zones: { coach?: string; coachee?: string } = {}) {
  const { createOrganization } = await import("../factories");
  const org = await createOrganization(db);
  const coach = await createActor(db, org.id, "COACH", { account: { timezone: zones.coach ?? "Europe/London" } });
  const coachee = await createActor(db, org.id, "PARTICIPANT", { account: { timezone: zones.coachee ?? "Australia/Sydney" } });
  await createCoachingRelationship(db, { coach: coach.membership, coachee: coachee.membership });
  return { org, coach, coachee };
}

function book(coach: TestActor, coachee: TestActor, date: string, time = "09:00", title = "Check-in") {
  return scheduleAppointment(
    db,
    coach,
    appointmentSchema.parse({
      coacheeMembershipId: coachee.membership.id,
      title,
      date,
      time,
      timezone: "UTC",
      durationMinutes: "60",
      location: "",
      pathwayId: "",
    }),
  );
}

/** Reminder emails and notifications a person has had for a session. */
async function remindersOf(person: TestActor, sessionId: string) {
  const [emails, notes] = await Promise.all([
    db.emailOutbox.findMany({
      where: { toAddress: person.user.email, subject: { startsWith: "Reminder:" } },
      orderBy: { createdAt: "asc" },
    }),
    db.notification.findMany({ where: { recipientMembershipId: person.membershipId, kind: "session.reminder", subjectId: sessionId } }),
  ]);
  return { emails, notes };
}

describe("session reminders", () => {
  it("24 hours and 1 hour before by default, to both people, once each even with two workers and a second pass", async () => {
    const { coach, coachee } = await pair();
    const session = await book(coach, coachee, "2031-02-10");
    const start = session.scheduledAt.getTime();
    // Nothing is due 25 hours before.
    expect(await runSessionReminders(db, new Date(start - 25 * 60 * MIN))).toEqual({ sent: 0 });
    // 23 hours 59 minutes before: two workers at once, then a third pass (a restart).
    const at = new Date(start - (24 * 60 - 1) * MIN);
    const runs = await Promise.all([runSessionReminders(db, at), runSessionReminders(db, at)]);
    const again = await runSessionReminders(db, at);
    const sent = runs.reduce((n, r) => n + r.sent, 0) + again.sent;
    const rows = await db.sessionReminder.count({ where: { sessionId: session.id } });
    recordFigures("session reminders", { concurrentReminderRuns: 3, duplicateReminders: sent - rows });
    expect(sent).toBe(2);
    expect(rows).toBe(2);
    for (const person of [coach, coachee]) {
      const { emails, notes } = await remindersOf(person, session.id);
      expect(emails).toHaveLength(1);
      expect(notes).toHaveLength(1);
    }
    // Each in their own zone: 09:00 UTC is 09:00 in London in February, 20:00 in Sydney (summer time).
    expect((await remindersOf(coach, session.id)).emails[0].text).toContain("09:00");
    expect((await remindersOf(coachee, session.id)).emails[0].text).toContain("20:00");
    // 59 minutes before: the hour's reminder.
    expect(await runSessionReminders(db, new Date(start - 59 * MIN))).toEqual({ sent: 2 });
    expect((await remindersOf(coachee, session.id)).emails).toHaveLength(2);
    // Once it has started, nothing more.
    expect(await runSessionReminders(db, new Date(start + MIN))).toEqual({ sent: 0 });
  });

  it("as each person chose: another time, or none at all; refused to roles without sessions of their own", async () => {
    const { org, coach, coachee } = await pair();
    await setReminderChoice(db, coach, reminderChoiceSchema.parse({ minutes: [] }));
    await setReminderChoice(db, coachee, reminderChoiceSchema.parse({ minutes: "15" }));
    expect(await getReminderChoice(db, coach)).toEqual([]);
    expect(await getReminderChoice(db, coachee)).toEqual([15]);
    expect(reminderChoiceSchema.safeParse({ minutes: ["30"] }).success).toBe(false);
    const session = await book(coach, coachee, "2031-02-11");
    const start = session.scheduledAt.getTime();
    expect(await runSessionReminders(db, new Date(start - 59 * MIN))).toEqual({ sent: 0 });
    expect(await runSessionReminders(db, new Date(start - 14 * MIN))).toEqual({ sent: 1 });
    expect((await remindersOf(coachee, session.id)).emails).toHaveLength(1);
    expect((await remindersOf(coach, session.id)).emails).toHaveLength(0);
    const admin = await createActor(db, org.id, "ADMIN");
    await expect(setReminderChoice(db, admin, { minutes: [60] })).rejects.toThrow(ForbiddenError);
    await expect(getReminderChoice(db, admin)).rejects.toThrow(ForbiddenError);
  });

  it("none for a cancelled session; a moved one is reminded before its new start, not its old one", async () => {
    const { coach, coachee } = await pair();
    const cancelled = await book(coach, coachee, "2031-03-01");
    await cancelSession(db, coach, { sessionId: cancelled.id, reason: "" });
    expect(await runSessionReminders(db, new Date(cancelled.scheduledAt.getTime() - 30 * MIN))).toEqual({ sent: 0 });

    const moved = await book(coach, coachee, "2031-03-02");
    const oldStart = moved.scheduledAt.getTime();
    expect(await runSessionReminders(db, new Date(oldStart - 23 * 60 * MIN))).toEqual({ sent: 2 });
    await editSession(db, coach, {
      sessionId: moved.id,
      title: "Check-in",
      date: "2031-03-05",
      time: "09:00",
      timezone: "UTC",
      durationMinutes: 60,
      location: "",
    });
    // Where it was, nothing; where it is now, the reminders again.
    expect(await runSessionReminders(db, new Date(oldStart - 30 * MIN))).toEqual({ sent: 0 });
    const newStart = Date.UTC(2031, 2, 5, 9);
    expect(await runSessionReminders(db, new Date(newStart - 23 * 60 * MIN))).toEqual({ sent: 2 });
    expect((await remindersOf(coachee, moved.id)).emails).toHaveLength(2);
  });

  it("a session booked within the hour gets only the nearest reminder, not every one it missed", async () => {
    const { coach, coachee } = await pair();
    const soon = await book(coach, coachee, "2031-04-01");
    expect(await runSessionReminders(db, new Date(soon.scheduledAt.getTime() - 40 * MIN))).toEqual({ sent: 2 });
    expect((await remindersOf(coachee, soon.id)).emails).toHaveLength(1);
    // Both are claimed: the day's reminder is not sent later either.
    expect(await db.sessionReminder.count({ where: { sessionId: soon.id } })).toBe(4);
    expect(await runSessionReminders(db, new Date(soon.scheduledAt.getTime() - 20 * MIN))).toEqual({ sent: 0 });
  });
});
