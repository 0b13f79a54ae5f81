import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { simpleParser } from "mailparser";
import type { Db } from "../../lib/db/client";
import { tenantDb } from "../../lib/db/tenant";
import { NotFoundError } from "../../lib/errors";
import {
  createActionItem as newAction,
  createActionItemSchema,
  setActionItemProgress,
  updateActionItem,
  updateActionItemSchema,
} from "../../lib/goals/action-items";
import { createGoal as newGoal, createGoalSchema, createMilestone as newMilestone, updateGoal } from "../../lib/goals/goals";
import { addComment, addCommentSchema } from "../../lib/goals/comments";
import { deliverDueEmails } from "../../lib/mail/deliver";
import { smtpTransport } from "../../lib/mail/transport";
import {
  listNotifications,
  markAllRead,
  markRead,
  notificationIdSchema,
  openNotification,
  unreadCount,
  UNREAD_CAP,
} from "../../lib/notifications/centre";
import { runDigests } from "../../lib/notifications/digest";
import { DEFAULT_DELIVERY, NOTIFICATION_KINDS, type NotificationKind } from "../../lib/notifications/kinds";
import { runNotificationEmails } from "../../lib/notifications/coalesce";
import { COALESCE_MS, EMAIL_WINDOW_MS, notify } from "../../lib/notifications/notify";
import { getPreferences, preferencesSchema, setPreferences } from "../../lib/notifications/preferences";
import { runReminders } from "../../lib/notifications/reminders";
import { createActionItem, createActor, createCoachingRelationship, createGoal, createMilestone } from "../factories";
import { isolatedDatabase } from "../support/db";
import { recordFigures } from "../support/figures";
import { startSmtpServer } from "../support/smtp";
import { createWorld } from "../support/world";
import { english } from "../support/english";

// Notifications read whole tables (the digest and the reminders look at every organisation), so these
// tests get a database of their own.
let isolated: Awaited<ReturnType<typeof isolatedDatabase>>;
let db: Db;
beforeAll(async () => {
  isolated = await isolatedDatabase("pathwise_notify");
  db = isolated.db;
});
afterAll(async () => {
  await isolated.drop();
});

/**
 * A coachee (the world's participant) with two coaches (their pathway's, and one who added them), a
 * deactivated coach of theirs, a coach of someone else, the organisation's admins, programme manager and
 * sponsor, and another organisation with its own coach and coachee.
 */
async function circle(zones: { coach?: string; coach2?: string; coachee?: string } = {}) {
  const w = await createWorld(db);
  const account = (timezone?: string) => (timezone ? { account: { timezone } } : {});
  const coachee = w.participant;
  if (zones.coachee) await db.user.update({ where: { id: coachee.userId }, data: { timezone: zones.coachee } });
  if (zones.coach) await db.user.update({ where: { id: w.coach.userId }, data: { timezone: zones.coach } });
  const coach2 = await createActor(db, w.org.id, "COACH", account(zones.coach2));
  await createCoachingRelationship(db, { coach: coach2.membership, coachee: coachee.membership });
  const gone = await createActor(db, w.org.id, "COACH");
  await createCoachingRelationship(db, { coach: gone.membership, coachee: coachee.membership });
  await db.membership.update({
    where: { organizationId_id: { organizationId: w.org.id, id: gone.membershipId } },
    data: { status: "DEACTIVATED" },
  });
  const otherCoach = await createActor(db, w.org.id, "COACH");
  const othersCoachee = await createActor(db, w.org.id, "PARTICIPANT");
  await createCoachingRelationship(db, { coach: otherCoach.membership, coachee: othersCoachee.membership });
  const otherOrgCoachee = await createActor(db, w.other.org.id, "PARTICIPANT");
  await createCoachingRelationship(db, { coach: w.other.coach.membership, coachee: otherOrgCoachee.membership });
  const people = {
    coachee,
    coach: w.coach,
    coach2,
    deactivatedCoach: gone,
    otherCoach,
    othersCoachee,
    owner: w.owner,
    admin: w.admin,
    pm: w.pm,
    sponsor: w.sponsor,
    otherOrgAdmin: w.other.admin,
    otherOrgCoach: w.other.coach,
    otherOrgCoachee,
  };
  return { w, org: w.org, ...people, people };
}
type Circle = Awaited<ReturnType<typeof circle>>;

const goalInput = (coacheeMembershipId: string, title: string) => createGoalSchema.parse({ coacheeMembershipId, title });

/** Who got a notification of this kind about this thing. */
async function recipientsOf(kind: NotificationKind, subjectId: string) {
  const rows = await db.notification.findMany({ where: { kind, subjectId }, select: { recipientMembershipId: true } });
  return rows.map((r) => r.recipientMembershipId).sort();
}

/** Sends the coalesced notification emails whose window has closed by `at` (by default, of everything made until now). */
const afterWindow = (at: Date = new Date()) => runNotificationEmails(db, new Date(at.getTime() + EMAIL_WINDOW_MS));

/** Rows of the outbox to this person with this template. */
const mailTo = (who: { email: string }, template = "notification") =>
  db.emailOutbox.findMany({ where: { toAddress: who.email, template } });

describe("notification recipients: exactly the people who may see the thing", () => {
  let c: Circle;
  let checks = 0;
  let leaks = 0;
  beforeAll(async () => {
    c = await circle();
  });
  afterAll(() => {
    recordFigures("notifications", { notificationRecipientChecks: checks, notificationLeaks: leaks });
  });

  /** Every person of the circle, checked: exactly `expected` got it. */
  async function expectRecipients(kind: NotificationKind, subjectId: string, expected: (keyof Circle["people"])[]) {
    const got = new Set(await recipientsOf(kind, subjectId));
    for (const [name, person] of Object.entries(c.people)) {
      checks++;
      const should = expected.includes(name as keyof Circle["people"]);
      if (got.has(person.membershipId) !== should) leaks++;
      expect(got.has(person.membershipId), `${kind}: ${name}`).toBe(should);
    }
    expect(got.size).toBe(expected.length);
  }

  it("a coachee's own goal (created, edited) goes to their active coaches; a coach's goal for them to nobody", async () => {
    const own = await newGoal(db, c.coachee, goalInput(c.coachee.membershipId, "Speak up in meetings"));
    await expectRecipients("goal.created", own.id, ["coach", "coach2"]);
    await updateGoal(db, c.coachee, { goalId: own.id, title: "Speak up in every meeting", description: "", dueDate: null });
    await expectRecipients("goal.edited", own.id, ["coach", "coach2"]);
    const coachs = await newGoal(db, c.coach, goalInput(c.coachee.membershipId, "Delegate more"));
    await expectRecipients("goal.created", coachs.id, []);
    await updateGoal(db, c.coach, { goalId: coachs.id, title: "Delegate", description: "", dueDate: null });
    await expectRecipients("goal.edited", coachs.id, []);
  });

  it("a coachee's change to a goal or action they asked their coaches to monitor goes to those coaches at once; a coach's change to nobody", async () => {
    const goal = await newGoal(db, c.coachee, { ...goalInput(c.coachee.membershipId, "Lead the stand-up"), monitoredByCoach: true });
    expect((await db.goal.findFirstOrThrow({ where: { id: goal.id } })).monitoredByCoach).toBe(true);
    await updateGoal(db, c.coachee, {
      goalId: goal.id,
      title: "Lead every stand-up",
      description: "",
      dueDate: null,
      monitoredByCoach: true,
    });
    await expectRecipients("monitored.updated", goal.id, ["coach", "coach2"]);
    await expectRecipients("goal.edited", goal.id, []);
    await afterWindow();
    const mail = (await mailTo(c.coach)).map((m) => m.subject);
    expect(mail).toContain("Test participant changed the goal “Lead every stand-up” you monitor");
    // A coach's edit tells nobody and cannot take the coachee's request away.
    await db.notification.deleteMany({ where: { subjectId: goal.id } });
    await updateGoal(db, c.coach, { goalId: goal.id, title: "Lead stand-ups", description: "", dueDate: null, monitoredByCoach: false });
    await expectRecipients("monitored.updated", goal.id, []);
    expect((await db.goal.findFirstOrThrow({ where: { id: goal.id } })).monitoredByCoach).toBe(true);
    // A coach cannot set it on a goal they create for the coachee either.
    const coachs = await newGoal(db, c.coach, { ...goalInput(c.coachee.membershipId, "Delegate"), monitoredByCoach: true });
    expect((await db.goal.findFirstOrThrow({ where: { id: coachs.id } })).monitoredByCoach).toBe(false);

    const edit = (id: string, monitored: boolean, title = "Prepare the agenda") =>
      updateActionItemSchema.parse({ actionId: id, title, ...(monitored ? { monitoredByCoach: "on" } : {}) });
    const watched = await newAction(
      db,
      c.coachee,
      createActionItemSchema.parse({ coacheeMembershipId: c.coachee.membershipId, title: "Agenda", monitoredByCoach: "on" }),
    );
    await updateActionItem(db, c.coachee, edit(watched.id, true));
    await expectRecipients("monitored.updated", watched.id, ["coach", "coach2"]);
    await afterWindow();
    expect((await mailTo(c.coach2)).map((m) => m.subject)).toContain(
      "Test participant changed the action “Prepare the agenda” you monitor",
    );
    // The positive control: an action nobody was asked to monitor tells nobody when edited.
    const plain = await newAction(
      db,
      c.coachee,
      createActionItemSchema.parse({ coacheeMembershipId: c.coachee.membershipId, title: "Plain" }),
    );
    await updateActionItem(db, c.coachee, edit(plain.id, false));
    await expectRecipients("monitored.updated", plain.id, []);
    await updateActionItem(db, c.coach, edit(watched.id, true, "Coach's wording"));
    expect(await db.notification.count({ where: { subjectId: watched.id, kind: "monitored.updated" } })).toBe(2);
  });

  it("a coachee's slider goes to their coaches; a coach's to nobody", async () => {
    const goal = await createGoal(db, c.coachee.membership);
    const action = await createActionItem(db, c.coachee.membership, { goal });
    await setActionItemProgress(db, c.coachee, { actionId: action.id, progress: 30 });
    await expectRecipients("action.progress", action.id, ["coach", "coach2"]);
    const other = await createActionItem(db, c.coachee.membership, { goal });
    await setActionItemProgress(db, c.coach, { actionId: other.id, progress: 30 });
    await expectRecipients("action.progress", other.id, []);
  });

  it("a milestone and a goal completed go to everyone who may see them but whoever completed them", async () => {
    const byCoachee = await newGoal(db, c.coach, goalInput(c.coachee.membershipId, "Finish the course"));
    const m1 = await newMilestone(db, c.coach, { goalId: byCoachee.id, title: "Module 1", dueDate: null });
    const a1 = await newAction(
      db,
      c.coach,
      createActionItemSchema.parse({ coacheeMembershipId: c.coachee.membershipId, milestoneId: m1.id, title: "Read" }),
    );
    await setActionItemProgress(db, c.coachee, { actionId: a1.id, progress: 100 });
    await expectRecipients("milestone.completed", m1.id, ["coach", "coach2"]);
    await expectRecipients("goal.completed", byCoachee.id, ["coach", "coach2"]);

    const byCoach = await newGoal(db, c.coach, goalInput(c.coachee.membershipId, "Second course"));
    const m2 = await newMilestone(db, c.coach, { goalId: byCoach.id, title: "Module 2", dueDate: null });
    const a2 = await newAction(
      db,
      c.coach,
      createActionItemSchema.parse({ coacheeMembershipId: c.coachee.membershipId, milestoneId: m2.id, title: "Read" }),
    );
    await setActionItemProgress(db, c.coach, { actionId: a2.id, progress: 100 });
    await expectRecipients("milestone.completed", m2.id, ["coachee", "coach2"]);
    await expectRecipients("goal.completed", byCoach.id, ["coachee", "coach2"]);
  });

  it("an action a coach gives goes to the coachee; one the coachee makes themself to nobody", async () => {
    const given = await newAction(
      db,
      c.coach2,
      createActionItemSchema.parse({ coacheeMembershipId: c.coachee.membershipId, title: "Book a mentor" }),
    );
    await expectRecipients("action.assigned", given.id, ["coachee"]);
    const own = await newAction(db, c.coachee, createActionItemSchema.parse({ coacheeMembershipId: c.coachee.membershipId, title: "Own" }));
    await expectRecipients("action.assigned", own.id, []);
  });

  it("a comment goes to the coachee and their coaches but its author", async () => {
    const goal = await createGoal(db, c.coachee.membership);
    const byCoach = crypto.randomUUID();
    const data = { on: "goal" as const, thingId: goal.id, title: goal.title };
    await tenantDb(db, c.org.id).$transaction((tx) =>
      notify(tx, c.org.id, {
        kind: "comment.added",
        coacheeMembershipId: c.coachee.membershipId,
        subjectId: byCoach,
        actorMembershipId: c.coach.membershipId,
        data,
      }),
    );
    await expectRecipients("comment.added", byCoach, ["coachee", "coach2"]);
    const byCoachee = crypto.randomUUID();
    await tenantDb(db, c.org.id).$transaction((tx) =>
      notify(tx, c.org.id, {
        kind: "comment.added",
        coacheeMembershipId: c.coachee.membershipId,
        subjectId: byCoachee,
        actorMembershipId: c.coachee.membershipId,
        data,
      }),
    );
    await expectRecipients("comment.added", byCoachee, ["coach", "coach2"]);
  });

  it("reminders go to the coachee; an overdue action they asked their coaches to monitor to the coaches too", async () => {
    const now = new Date("2031-04-10T09:00:00Z");
    const day = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
    const soon = await createActionItem(db, c.coachee.membership, { dueDate: day(1), title: "Soon" });
    // UTC is the coachee's zone here, so "tomorrow" is UTC's.
    await runReminders(db, now);
    await expectRecipients("action.due", soon.id, ["coachee"]);
    const late = await createActionItem(db, c.coachee.membership, { dueDate: day(-2), title: "Late" });
    const watched = await createActionItem(db, c.coachee.membership, { dueDate: day(-2), title: "Watched", monitoredByCoach: true });
    await runReminders(db, now);
    await expectRecipients("action.overdue", late.id, ["coachee"]);
    await expectRecipients("action.overdue", watched.id, ["coachee", "coach", "coach2"]);
  });

  it("nobody in another organisation, and no admin, programme manager or sponsor, ever has a notification", async () => {
    const outsiders = [
      c.owner,
      c.admin,
      c.pm,
      c.sponsor,
      c.otherCoach,
      c.othersCoachee,
      c.deactivatedCoach,
      c.otherOrgAdmin,
      c.otherOrgCoach,
    ];
    const rows = await db.notification.count({ where: { recipientMembershipId: { in: outsiders.map((o) => o.membershipId) } } });
    expect(rows).toBe(0);
    expect(await db.notification.count({ where: { organizationId: c.w.other.org.id } })).toBe(0);
    // Positive control: the coach has several.
    expect(await db.notification.count({ where: { recipientMembershipId: c.coach.membershipId } })).toBeGreaterThan(3);
  });
});

describe("what a member was told follows what they may still see", () => {
  it("a coach who stops coaching the coachee, or whose role changes, keeps nothing about them in the centre or the digest", async () => {
    const c = await circle();
    await newGoal(db, c.coachee, goalInput(c.coachee.membershipId, "Secret goal title"));
    // Positive control: both coaches were told, and the other coach still is after the changes below.
    expect(await unreadCount(db, c.coach)).toBe(1);
    expect(await unreadCount(db, c.coach2)).toBe(1);
    const otherCoachee = await createActor(db, c.org.id, "PARTICIPANT");
    await createCoachingRelationship(db, { coach: c.coach2.membership, coachee: otherCoachee.membership });
    await newGoal(db, otherCoachee, goalInput(otherCoachee.membershipId, "Another coachee's goal"));
    expect(await unreadCount(db, c.coach2)).toBe(2);

    // coach2 stops coaching the coachee: what they were told about them goes, the rest stays.
    await db.coachingRelationship.deleteMany({
      where: { coachMembershipId: c.coach2.membershipId, coacheeMembershipId: c.coachee.membershipId },
    });
    expect((await listNotifications(db, c.coach2, { page: 1 })).items.map((i) => i.sentence)).toEqual([
      expect.stringContaining("Another coachee's goal"),
    ]);
    // The coach is made an admin: nothing of what they were told as a coach is left for the digest.
    await db.membership.update({
      where: { organizationId_id: { organizationId: c.org.id, id: c.coach.membershipId } },
      data: { role: "ADMIN" },
    });
    await runDigests(db, new Date("2031-01-10T12:00:00Z"));
    expect(await mailTo(c.coach, "notification-digest")).toHaveLength(0);
    expect(await mailTo(c.coach, "notification")).toHaveLength(0);
    expect(await db.notification.count({ where: { recipientMembershipId: c.coach.membershipId } })).toBe(0);
    // A name change is no role change: coach2 keeps the rest.
    await db.membership.update({
      where: { organizationId_id: { organizationId: c.org.id, id: c.coach2.membershipId } },
      data: { firstName: "Renamed" },
    });
    expect(await unreadCount(db, c.coach2)).toBe(1);
  });
});

describe("coalescing: repeats within 15 minutes update one row, in one email", () => {
  it("a slider moved ten times in a minute gives each coach one notification with the latest value and count, and one email", async () => {
    const c = await circle();
    await setPreferences(db, c.coach, preferencesSchema.parse({ "action.progress": "IMMEDIATE" }));
    const goal = await createGoal(db, c.coachee.membership);
    const action = await createActionItem(db, c.coachee.membership, { goal, title: "Run 5k" });
    for (let p = 10; p <= 100; p += 10) await setActionItemProgress(db, c.coachee, { actionId: action.id, progress: p === 100 ? 95 : p });
    const rows = await db.notification.findMany({
      where: { kind: "action.progress", subjectId: action.id },
      orderBy: { recipientMembershipId: "asc" },
    });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.count).toBe(10);
      expect(row.data).toEqual({ title: "Run 5k", progress: 95 });
    }
    // The coach who wants progress at once: one email once the window closes; the other (digest by default): none yet.
    expect(await mailTo(c.coach)).toHaveLength(0);
    await afterWindow();
    expect(await mailTo(c.coach)).toHaveLength(1);
    expect(await mailTo(c.coach2)).toHaveLength(0);
    const [list] = [await listNotifications(db, c.coach, { page: 1 })];
    expect(list.items[0].sentence).toBe(`Test participant moved “Run 5k” to 95% (10 changes)`);

    // After the window a move starts a new row, and may email again.
    const old = new Date(Date.now() - COALESCE_MS - 60_000);
    await db.notification.updateMany({ where: { subjectId: action.id }, data: { createdAt: old, emailedAt: old } });
    await setActionItemProgress(db, c.coachee, { actionId: action.id, progress: 50 });
    expect(await db.notification.count({ where: { subjectId: action.id, recipientMembershipId: c.coach.membershipId } })).toBe(2);
    await afterWindow();
    expect(await mailTo(c.coach)).toHaveLength(2);

    // Read, then moved again: a new row, in the next window's email (the window, not the thing, bounds email).
    await markAllRead(db, c.coach);
    await setActionItemProgress(db, c.coachee, { actionId: action.id, progress: 60 });
    await setActionItemProgress(db, c.coachee, { actionId: action.id, progress: 70 });
    expect(await db.notification.count({ where: { subjectId: action.id, recipientMembershipId: c.coach.membershipId } })).toBe(3);
    await afterWindow();
    expect((await mailTo(c.coach)).map((m) => m.subject)).toContain("Test participant moved “Run 5k” to 70% (2 changes)");
    expect(await mailTo(c.coach)).toHaveLength(3);
  });

  it("is race-safe: 30 concurrent notifies about one thing make one row per recipient, counted 30, and one email each", async () => {
    const c = await circle();
    for (const coach of [c.coach, c.coach2]) await setPreferences(db, coach, preferencesSchema.parse({ "action.progress": "IMMEDIATE" }));
    const action = await createActionItem(db, c.coachee.membership, { title: "Concurrent" });
    const N = 30;
    await Promise.all(
      Array.from({ length: N }, (_, i) =>
        tenantDb(db, c.org.id).$transaction((tx) =>
          notify(tx, c.org.id, {
            kind: "action.progress",
            coacheeMembershipId: c.coachee.membershipId,
            subjectId: action.id,
            actorMembershipId: c.coachee.membershipId,
            data: { title: "Concurrent", progress: i },
          }),
        ),
      ),
    );
    const rows = await db.notification.findMany({ where: { subjectId: action.id } });
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.count)).toEqual([N, N]);
    await afterWindow();
    const emails = (await mailTo(c.coach)).length + (await mailTo(c.coach2)).length;
    recordFigures("notifications", { concurrentNotifies: N, duplicateEmails: emails - 2, duplicateNotifications: rows.length - 2 });
    expect(emails).toBe(2);
  });
});

describe("preferences: immediately, in the digest, or in the app only", () => {
  it("decide what lands in the outbox when a coachee completes a milestone", async () => {
    const c = await circle();
    // The coach keeps the default (at once), the second coach takes the digest, the coachee has it in the app only.
    expect(DEFAULT_DELIVERY["milestone.completed"]).toBe("IMMEDIATE");
    await setPreferences(db, c.coach2, preferencesSchema.parse({ "milestone.completed": "DIGEST", "goal.completed": "DIGEST" }));
    const goal = await newGoal(db, c.coach, goalInput(c.coachee.membershipId, "Present to the board"));
    const m = await newMilestone(db, c.coach, { goalId: goal.id, title: "Draft the slides", dueDate: null });
    const a = await newAction(
      db,
      c.coach,
      createActionItemSchema.parse({ coacheeMembershipId: c.coachee.membershipId, milestoneId: m.id, title: "Outline" }),
    );
    await setPreferences(db, c.coach, preferencesSchema.parse({ "goal.completed": "IN_APP" }));
    await setActionItemProgress(db, c.coachee, { actionId: a.id, progress: 100 });
    await afterWindow();
    const coachMail = await mailTo(c.coach);
    expect(coachMail.map((m) => m.subject)).toEqual([
      "Test participant completed the milestone “Draft the slides” of the goal “Present to the board”",
    ]);
    expect(coachMail[0].text).toContain(
      `http://localhost:3000/${c.org.slug}/coachees/${c.coachee.membershipId}/goals?goal=${goal.id}#goal-${goal.id}`,
    );
    expect(coachMail[0].text).toContain(`http://localhost:3000/${c.org.slug}/notifications/preferences`);
    expect(await mailTo(c.coach2)).toHaveLength(0);
    // In the app all the same, for both.
    expect(await recipientsOf("milestone.completed", m.id)).toEqual([c.coach.membershipId, c.coach2.membershipId].sort());
    expect(await recipientsOf("goal.completed", goal.id)).toEqual([c.coach.membershipId, c.coach2.membershipId].sort());
  });

  it("are a strict allow-list of kinds and deliveries, read back with the defaults", async () => {
    const c = await circle();
    expect(preferencesSchema.safeParse({ "goal.created": "SMS" }).success).toBe(false);
    expect(preferencesSchema.safeParse({ "admin.everything": "IMMEDIATE" }).success).toBe(false);
    expect(preferencesSchema.safeParse({ "goal.created": "IN_APP" }).success).toBe(true);
    await setPreferences(db, c.coach, preferencesSchema.parse({ "goal.created": "IN_APP" }));
    const prefs = await getPreferences(db, c.coach);
    expect(prefs.find((p) => p.kind === "goal.created")).toEqual({ kind: "goal.created", delivery: "IN_APP", default: "DIGEST" });
    expect(prefs.map((p) => p.kind)).not.toContain("action.assigned");
    expect((await getPreferences(db, c.coachee)).map((p) => p.kind)).toEqual([
      "milestone.completed",
      "goal.completed",
      "comment.added",
      "action.assigned",
      "action.due",
      "action.overdue",
      "file.shared",
      "assessment.assigned",
      "assessment.reviewed",
      "coaching.requested",
      "coaching.started",
      "session.scheduled",
      "session.changed",
      "session.cancelled",
      "session.reminder",
    ]);
    expect(await getPreferences(db, c.admin)).toEqual([]);
    // Another member's choices are their own.
    expect((await getPreferences(db, c.coach2)).find((p) => p.kind === "goal.created")?.delivery).toBe("DIGEST");
    expect(NOTIFICATION_KINDS).toHaveLength(22);
  });
});

describe("the daily digest: 08:00 in the recipient's time zone, once a day, only what is unread", () => {
  const at = (iso: string) => new Date(iso);

  it("waits for 08:00 local in two time zones, then sends one email per member with what is still unread", async () => {
    // Tokyo is UTC+9 and New York UTC-5 in December.
    const c = await circle({ coach: "Asia/Tokyo", coach2: "America/New_York" });
    for (const title of ["Alpha", "Beta", "Gamma"]) await newGoal(db, c.coachee, goalInput(c.coachee.membershipId, title));
    // The coach reads one of the three first.
    const first = (await listNotifications(db, c.coach, { page: 1 })).items.find((i) => i.sentence.includes("Gamma"))!;
    await markRead(db, c.coach, { notificationId: first.id });

    expect((await runDigests(db, at("2030-12-02T22:59:00Z"))).sent).toBeGreaterThanOrEqual(1); // New York: 17:59 on the 2nd
    expect(await mailTo(c.coach, "notification-digest")).toHaveLength(0); // Tokyo: 07:59 on the 3rd
    const ny = await mailTo(c.coach2, "notification-digest");
    expect(ny).toHaveLength(1);

    await runDigests(db, at("2030-12-02T23:00:00Z")); // Tokyo: 08:00
    const tokyo = await mailTo(c.coach, "notification-digest");
    expect(tokyo).toHaveLength(1);
    expect(tokyo[0].text).toContain("Alpha");
    expect(tokyo[0].text).toContain("Beta");
    expect(tokyo[0].text).not.toContain("Gamma");
    expect(tokyo[0].text).toContain(`/${c.org.slug}/notifications/preferences`);
    expect(tokyo[0].subject).toBe(`Your daily Pathwise digest: 2 updates in ${c.org.name}`);
    // Digested rows are not sent again, and a day gets one digest.
    await newGoal(db, c.coachee, goalInput(c.coachee.membershipId, "Delta"));
    await runDigests(db, at("2030-12-03T10:00:00Z")); // Tokyo 19:00 on the 3rd, New York 05:00 on the 3rd
    expect(await mailTo(c.coach, "notification-digest")).toHaveLength(1);
    expect(await mailTo(c.coach, "notification")).toHaveLength(0);
    expect(await mailTo(c.coach2, "notification")).toHaveLength(0);
    // New York's next morning: 07:59 nothing, 08:00 the one new item, as a single email.
    await runDigests(db, at("2030-12-03T12:59:00Z"));
    expect(await mailTo(c.coach2, "notification")).toHaveLength(0);
    await runDigests(db, at("2030-12-03T13:00:00Z"));
    const single = await mailTo(c.coach2, "notification");
    expect(single).toHaveLength(1);
    // A digest of one reads like the email of one notification.
    expect(single[0].subject).toBe("Test participant created the goal “Delta”");
    expect(single[0].text).toContain("Open it in Pathwise");
    expect(single[0].text).toContain(`/${c.org.slug}/notifications/preferences`);
    expect(await db.notificationDigest.count({ where: { membershipId: c.coach2.membershipId } })).toBe(2);
  });

  it("sends once with two workers running at once", async () => {
    const c = await circle({ coach: "Europe/Berlin", coach2: "Europe/Berlin" });
    await newGoal(db, c.coachee, goalInput(c.coachee.membershipId, "Twice?"));
    await newGoal(db, c.coachee, goalInput(c.coachee.membershipId, "Twice? again"));
    const morning = at("2031-01-05T07:30:00Z"); // 08:30 in Berlin
    await Promise.all([runDigests(db, morning), runDigests(db, morning), runDigests(db, morning)]);
    const coachMail = await mailTo(c.coach, "notification-digest");
    const coach2Mail = await mailTo(c.coach2, "notification-digest");
    recordFigures("notifications", { parallelDigestWorkers: 3, duplicateDigestEmails: coachMail.length + coach2Mail.length - 2 });
    expect(coachMail).toHaveLength(1);
    expect(coach2Mail).toHaveLength(1);
  });

  it("a member who read everything gets no digest", async () => {
    const c = await circle({ coach: "UTC" });
    await newGoal(db, c.coachee, goalInput(c.coachee.membershipId, "Read already"));
    await markAllRead(db, c.coach);
    await runDigests(db, at("2031-02-01T09:00:00Z"));
    expect(await mailTo(c.coach, "notification-digest")).toHaveLength(0);
    expect(await mailTo(c.coach, "notification")).toHaveLength(0);
    // Positive control: the other coach, who has not read it, gets it.
    expect(await mailTo(c.coach2, "notification")).toHaveLength(1);
  });
});

describe("reminders: once each, with two workers", () => {
  it("reminds of an action due tomorrow in the coachee's zone once, and of an overdue one once", async () => {
    const c = await circle({ coachee: "Pacific/Auckland" });
    // 2031-03-10 19:30 UTC is 2031-03-11 08:30 in Auckland (UTC+13): tomorrow there is the 12th.
    const now = new Date("2031-03-10T19:30:00Z");
    const tomorrowThere = await createActionItem(db, c.coachee.membership, { dueDate: new Date("2031-03-12"), title: "Due there" });
    const tomorrowInUtc = await createActionItem(db, c.coachee.membership, { dueDate: new Date("2031-03-11"), title: "Due today there" });
    const overdue = await createActionItem(db, c.coachee.membership, { dueDate: new Date("2031-03-10"), title: "Overdue there" });
    const done = await createActionItem(db, c.coachee.membership, { dueDate: new Date("2031-03-12"), title: "Done", progress: 100 });
    // Not before 08:00 there, with the digest: 07:30 in Auckland reminds of nothing.
    await runReminders(db, new Date("2031-03-10T18:30:00Z"));
    expect(await recipientsOf("action.due", tomorrowThere.id)).toEqual([]);
    expect(await recipientsOf("action.overdue", overdue.id)).toEqual([]);
    const runs = await Promise.all([runReminders(db, now), runReminders(db, now)]);
    await runReminders(db, now);
    expect(await recipientsOf("action.due", tomorrowThere.id)).toEqual([c.coachee.membershipId]);
    expect(await recipientsOf("action.due", tomorrowInUtc.id)).toEqual([]);
    expect(await recipientsOf("action.overdue", overdue.id)).toEqual([c.coachee.membershipId]);
    expect(await recipientsOf("action.due", done.id)).toEqual([]);
    const ours = runs.reduce((n, r) => n + r.due + r.overdue, 0);
    const duplicates = (await db.notification.count({ where: { subjectId: { in: [tomorrowThere.id, overdue.id] } } })) - 2;
    recordFigures("notifications", { parallelReminderWorkers: 2, duplicateReminders: duplicates });
    expect(duplicates).toBe(0);
    expect(ours).toBeGreaterThanOrEqual(2);
    // Both reminders of the morning come in one email once its window closes.
    await afterWindow(now);
    const mail = await db.emailOutbox.findMany({ where: { toAddress: c.coachee.email } });
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe("Your action “Due there” is due tomorrow (Wed 12 Mar 2031), and 1 more update");
    expect(mail[0].text).toContain("Your action “Overdue there” is overdue (it was due Mon 10 Mar 2031)");
    // The next day the due one becomes overdue: reminded once more, as overdue.
    await runReminders(db, new Date("2031-03-12T20:00:00Z"));
    expect(await recipientsOf("action.overdue", tomorrowThere.id)).toEqual([c.coachee.membershipId]);
    // A new due day is reminded of afresh; the same day is not.
    await updateActionItem(
      db,
      c.coachee,
      updateActionItemSchema.parse({ actionId: overdue.id, title: "Overdue there", dueDate: "2031-03-10" }),
    );
    await runReminders(db, new Date("2031-03-12T20:00:00Z"));
    expect(await db.notification.count({ where: { kind: "action.overdue", subjectId: overdue.id } })).toBe(1);
    await updateActionItem(
      db,
      c.coachee,
      updateActionItemSchema.parse({ actionId: overdue.id, title: "Overdue there", dueDate: "2031-03-11" }),
    );
    await runReminders(db, new Date("2031-03-12T20:00:00Z"));
    expect(await db.notification.count({ where: { kind: "action.overdue", subjectId: overdue.id } })).toBe(2);
  });
});

describe("one failure passes over one member, not everyone", () => {
  it("a coachee whose address cannot take mail is logged and skipped; the next one is emailed", async () => {
    const c = await circle();
    const broken = await createActor(db, c.org.id, "PARTICIPANT");
    await db.user.update({ where: { id: broken.userId }, data: { email: `not-an-address-${broken.userId}` } });
    const now = new Date("2031-05-10T12:00:00Z");
    const theirs = await createActionItem(db, broken.membership, { dueDate: new Date("2031-05-09"), title: "Cannot be mailed" });
    const ours = await createActionItem(db, c.coachee.membership, { dueDate: new Date("2031-05-09"), title: "Can be mailed" });
    // Reminders are told in the app whatever the address; the email comes after the window.
    await runReminders(db, now);
    expect(await recipientsOf("action.overdue", ours.id)).toEqual([c.coachee.membershipId]);
    expect(await recipientsOf("action.overdue", theirs.id)).toEqual([broken.membershipId]);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await afterWindow(now);
      expect(logged).toHaveBeenCalledWith("[notification email] member passed over", broken.membershipId, expect.anything());
    } finally {
      logged.mockRestore();
    }
    expect(await mailTo(c.coachee)).toHaveLength(1);
    expect(await db.emailOutbox.count({ where: { toAddress: broken.email } })).toBe(0);
    // Passed over for good (it stays in the app), not tried again at every poll.
    expect(await db.notification.count({ where: { recipientMembershipId: broken.membershipId, emailDueAt: { not: null } } })).toBe(0);
  });
});

describe("the centre: a member's own notifications only", () => {
  it("lists newest first in pages, counts unread, marks read, opens where the thing lives", async () => {
    const c = await circle();
    const goals = [];
    for (let i = 0; i < 23; i++) goals.push(await newGoal(db, c.coachee, goalInput(c.coachee.membershipId, `Goal ${i}`)));
    expect(await unreadCount(db, c.coach)).toBe(23);
    const page1 = await listNotifications(db, c.coach, { page: 1 });
    expect(page1.pages).toBe(2);
    expect(page1.items[0].sentence).toBe("Test participant created the goal “Goal 22”");
    expect((await listNotifications(db, c.coach, { page: 2 })).items.at(-1)?.sentence).toContain("Goal 0");
    const opened = await openNotification(db, c.coach, { notificationId: page1.items[0].id });
    expect(opened.href).toBe(`/${c.org.slug}/coachees/${c.coachee.membershipId}/goals?goal=${goals[22].id}#goal-${goals[22].id}`);
    expect(await unreadCount(db, c.coach)).toBe(22);
    await markRead(db, c.coach, { notificationId: page1.items[1].id });
    expect(await unreadCount(db, c.coach)).toBe(21);
    await markAllRead(db, c.coach);
    expect(await unreadCount(db, c.coach)).toBe(0);
    // The coachee's own view: their goals page.
    const given = await newAction(
      db,
      c.coach,
      createActionItemSchema.parse({ coacheeMembershipId: c.coachee.membershipId, title: "Call" }),
    );
    const mine = await listNotifications(db, c.coachee, { page: 1 });
    expect(mine.items.map((i) => i.sentence)).toEqual(["Test coach gave you the action “Call”"]);
    expect((await openNotification(db, c.coachee, { notificationId: mine.items[0].id })).href).toBe(
      `/${c.org.slug}/actions#action-${given.id}`,
    );
    expect(UNREAD_CAP).toBe(100);
  });

  it("another member's, and another organisation's, notification answers exactly like a missing one", async () => {
    const c = await circle();
    await newGoal(db, c.coachee, goalInput(c.coachee.membershipId, "Private"));
    const coachRow = await db.notification.findFirstOrThrow({ where: { recipientMembershipId: c.coach.membershipId } });
    const theirs = await circle();
    await newGoal(db, theirs.coachee, goalInput(theirs.coachee.membershipId, "Theirs"));
    const theirRow = await db.notification.findFirstOrThrow({ where: { recipientMembershipId: theirs.coach.membershipId } });
    const missing = crypto.randomUUID();
    const answer = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: Error) => `${e.constructor.name}: ${english(e.message)}`,
      );
    let tried = 0;
    for (const call of [markRead, openNotification] as const) {
      for (const foreign of [theirRow.id, coachRow.id]) {
        const [forForeign, forMissing] = [
          await answer(call(db, c.coach2, { notificationId: foreign })),
          await answer(call(db, c.coach2, { notificationId: missing })),
        ];
        expect(forForeign).toBe(forMissing);
        expect(forForeign).toBe("NotFoundError: Not found");
        tried++;
      }
      await expect(call(db, c.coach, { notificationId: "not-an-id" })).rejects.toThrow(NotFoundError);
    }
    expect(notificationIdSchema.safeParse({ notificationId: theirRow.id, organizationId: theirs.org.id }).success).toBe(false);
    // Nothing of theirs changed; positive control: the coach's own opens.
    expect(
      (await db.notification.findUniqueOrThrow({ where: { organizationId_id: { organizationId: theirs.org.id, id: theirRow.id } } }))
        .readAt,
    ).toBeNull();
    await expect(openNotification(db, c.coach, { notificationId: coachRow.id })).resolves.toMatchObject({ id: coachRow.id });
    recordFigures("notifications", { notificationCrossTenantAttempts: tried, notificationCrossTenantLeaks: 0 });
  });
});

describe("notification email coalesces per recipient: one email per window", () => {
  let bursts = 0;
  let coalesced = 0;
  afterAll(() => {
    recordFigures("notifications", { coalescedBursts: coalesced, burstsTried: bursts });
  });
  /** A burst that came out as exactly one email to `who` is counted as coalesced. */
  async function oneEmailFor(who: { email: string }, templates = ["notification", "notification-summary"]) {
    const mail = await db.emailOutbox.findMany({ where: { toAddress: who.email, template: { in: templates } } });
    bursts++;
    if (mail.length === 1) coalesced++;
    expect(mail).toHaveLength(1);
    return mail[0];
  }
  const give = (c: Circle, coach: Circle["coach"], title: string) =>
    newAction(db, coach, createActionItemSchema.parse({ coacheeMembershipId: c.coachee.membershipId, title }));

  it("a coach building a plan of 8 actions sends the coachee one email, at the window's end, listing the 8", async () => {
    const c = await circle();
    const titles = Array.from({ length: 8 }, (_, i) => `Plan step ${i + 1}`);
    for (const title of titles) await give(c, c.coach, title);
    // In the app at once, one row each.
    expect(await unreadCount(db, c.coachee)).toBe(8);
    // Nothing by email before the window closes.
    await runNotificationEmails(db, new Date());
    expect(await db.emailOutbox.count({ where: { toAddress: c.coachee.email } })).toBe(0);
    await afterWindow();
    const mail = await oneEmailFor(c.coachee);
    expect(mail.template).toBe("notification-summary");
    expect(mail.subject).toBe("Test coach gave you 8 actions");
    for (const title of titles) expect(mail.text).toContain(`“${title}”`);
    const action = await db.action.findFirstOrThrow({ where: { title: "Plan step 3", coacheeMembershipId: c.coachee.membershipId } });
    expect(mail.text).toContain(`http://localhost:3000/${c.org.slug}/actions#action-${action.id}`);
    expect(mail.text).toContain(`http://localhost:3000/${c.org.slug}/notifications/preferences`);
    expect(await db.notificationEmail.findMany({ where: { membershipId: c.coachee.membershipId } })).toEqual([
      expect.objectContaining({ items: 8 }),
    ]);
    // Sent is sent: another run sends nothing more.
    await afterWindow();
    expect(await db.emailOutbox.count({ where: { toAddress: c.coachee.email } })).toBe(1);
  });

  it("a participant's 20 comments send each coach one email per window, with no comment's words; a second burst after it, a second email", async () => {
    const c = await circle();
    const goal = await createGoal(db, c.coachee.membership, { title: "Lead the team" });
    const action = await createActionItem(db, c.coachee.membership, { goal, title: "Weekly one-to-ones" });
    for (let i = 0; i < 20; i++) {
      const on = i % 4 === 3 ? { actionId: action.id } : { goalId: goal.id };
      await addComment(db, c.coachee, addCommentSchema.parse({ ...on, body: `Secret words ${i}` }));
    }
    const firstWindowEnds = new Date(Date.now() + EMAIL_WINDOW_MS);
    await runNotificationEmails(db, firstWindowEnds);
    for (const coach of [c.coach, c.coach2]) {
      const mail = await oneEmailFor(coach);
      expect(mail.subject).toBe("Test participant commented 20 times");
      expect(mail.text).toContain("the goal “Lead the team” (15 comments)");
      expect(mail.text).toContain("the action “Weekly one-to-ones” (5 comments)");
      expect(`${mail.subject} ${mail.text} ${mail.html}`).not.toContain("Secret words");
    }
    // The author is not told; nobody else is.
    expect(await db.emailOutbox.count({ where: { toAddress: c.coachee.email } })).toBe(0);

    // Read in the app, then a second burst: it waits for its own window, then comes as a second email.
    await markAllRead(db, c.coach);
    await markAllRead(db, c.coach2);
    for (let i = 0; i < 3; i++) await addComment(db, c.coachee, addCommentSchema.parse({ goalId: goal.id, body: `More words ${i}` }));
    await runNotificationEmails(db, firstWindowEnds);
    expect(await db.emailOutbox.count({ where: { toAddress: c.coach.email } })).toBe(1);
    await afterWindow();
    for (const coach of [c.coach, c.coach2]) {
      const mail = await db.emailOutbox.findMany({ where: { toAddress: coach.email }, orderBy: { createdAt: "asc" } });
      expect(mail.map((m) => m.subject)).toEqual([
        "Test participant commented 20 times",
        "Test participant commented on the goal “Lead the team” (3 comments)",
      ]);
    }
  });

  it("within the window everything waiting goes together; past it, a new window opens", async () => {
    const c = await circle();
    const t0 = new Date(Date.now() + 3_600_000);
    const tell = (title: string, at: Date) =>
      tenantDb(db, c.org.id).$transaction((tx) =>
        notify(
          tx,
          c.org.id,
          {
            kind: "action.assigned",
            coacheeMembershipId: c.coachee.membershipId,
            subjectId: crypto.randomUUID(),
            actorMembershipId: c.coach.membershipId,
            data: { title },
          },
          at,
        ),
      );
    await tell("First", t0);
    await tell("Nine minutes later", new Date(t0.getTime() + 9 * 60_000));
    // Closes 10 minutes after the first: one minute before, nothing; at its end, both.
    await runNotificationEmails(db, new Date(t0.getTime() + EMAIL_WINDOW_MS - 60_000));
    expect(await db.emailOutbox.count({ where: { toAddress: c.coachee.email } })).toBe(0);
    await runNotificationEmails(db, new Date(t0.getTime() + EMAIL_WINDOW_MS));
    expect((await oneEmailFor(c.coachee)).subject).toBe("Test coach gave you 2 actions");
    await tell("Eleven minutes later", new Date(t0.getTime() + 11 * 60_000));
    await runNotificationEmails(db, new Date(t0.getTime() + 11 * 60_000 + EMAIL_WINDOW_MS));
    const both = await db.emailOutbox.findMany({ where: { toAddress: c.coachee.email }, orderBy: { createdAt: "asc" } });
    expect(both.map((m) => m.subject)).toEqual(["Test coach gave you 2 actions", "Test coach gave you the action “Eleven minutes later”"]);
  });

  it("sends once with four workers running at once", async () => {
    const c = await circle();
    for (let i = 0; i < 5; i++) await give(c, c.coach, `Parallel ${i}`);
    await addComment(db, c.coachee, addCommentSchema.parse({ goalId: (await createGoal(db, c.coachee.membership)).id, body: "x" }));
    const at = new Date(Date.now() + EMAIL_WINDOW_MS);
    const runs = await Promise.all([1, 2, 3, 4].map(() => runNotificationEmails(db, at)));
    const people = [c.coachee, c.coach, c.coach2];
    const mails = await Promise.all(people.map((p) => db.emailOutbox.count({ where: { toAddress: p.email } })));
    recordFigures("notifications", { parallelEmailWorkers: runs.length, duplicateEmails: mails.reduce((a, b) => a + b, 0) - 3 });
    expect(mails).toEqual([1, 1, 1]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBeGreaterThanOrEqual(3);
  });

  it("keeps to each kind's preference at send time, and leaves out what was read in the app", async () => {
    const c = await circle();
    // The coachee takes actions given to them in the digest: none by email at once.
    await setPreferences(db, c.coachee, preferencesSchema.parse({ "action.assigned": "DIGEST" }));
    for (let i = 0; i < 3; i++) await give(c, c.coach, `Digest only ${i}`);
    await afterWindow();
    expect(await db.emailOutbox.count({ where: { toAddress: c.coachee.email } })).toBe(0);
    await runDigests(db, new Date("2033-06-01T09:00:00Z"));
    expect((await mailTo(c.coachee, "notification-digest"))[0].text).toContain("Digest only 2");

    // Immediate when told, in the app only before the window closed: nothing by email, nor in a digest.
    await setPreferences(db, c.coachee, preferencesSchema.parse({ "action.assigned": "IMMEDIATE" }));
    await give(c, c.coach, "Changed my mind");
    await setPreferences(db, c.coachee, preferencesSchema.parse({ "action.assigned": "IN_APP" }));
    await afterWindow();
    expect(await db.emailOutbox.count({ where: { toAddress: c.coachee.email, text: { contains: "Changed my mind" } } })).toBe(0);

    // Read in the app before the email goes: left out; all read: no email at all.
    await setPreferences(db, c.coachee, preferencesSchema.parse({ "action.assigned": "IMMEDIATE" }));
    for (const t of ["Seen", "Not seen", "Not seen either"]) await give(c, c.coach, t);
    const seen = (await listNotifications(db, c.coachee, { page: 1 })).items.find((i) => i.sentence.includes("“Seen”"))!;
    await markRead(db, c.coachee, { notificationId: seen.id });
    await afterWindow();
    const mail = await mailTo(c.coachee, "notification-summary");
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe("Test coach gave you 2 actions");
    expect(mail[0].text).not.toContain("“Seen”");
    await give(c, c.coach2, "Read at once");
    await markAllRead(db, c.coachee);
    const before = await db.emailOutbox.count({ where: { toAddress: c.coachee.email } });
    await afterWindow();
    expect(await db.emailOutbox.count({ where: { toAddress: c.coachee.email } })).toBe(before);
  });

  it("tells only who may still see the thing when the window closes", async () => {
    const c = await circle();
    const goal = await createGoal(db, c.coachee.membership, { title: "Only for my coaches" });
    await addComment(db, c.coachee, addCommentSchema.parse({ goalId: goal.id, body: "words" }));
    // Before the window closes coach2 is deactivated: their row stays (nothing removes it), but they may no
    // longer see the thing, so it is dropped when the email would go.
    await db.membership.update({
      where: { organizationId_id: { organizationId: c.org.id, id: c.coach2.membershipId } },
      data: { status: "DEACTIVATED" },
    });
    expect(await db.notification.count({ where: { recipientMembershipId: c.coach2.membershipId, emailDueAt: { not: null } } })).toBe(1);
    await afterWindow();
    expect(await db.emailOutbox.count({ where: { toAddress: c.coach2.email } })).toBe(0);
    // Positive control: the coach who still coaches them is emailed.
    expect((await oneEmailFor(c.coach)).subject).toBe("Test participant commented on the goal “Only for my coaches”");
  });

  it("never mixes another organisation in: one person coaching in two organisations gets one email from each, each its own", async () => {
    const c = await circle();
    // The same account coaches someone in the other organisation too.
    const elsewhere = await createActor(db, c.w.other.org.id, "COACH", { email: c.coachee.email });
    const theirCoachee = await createActor(db, c.w.other.org.id, "PARTICIPANT");
    await createCoachingRelationship(db, { coach: elsewhere.membership, coachee: theirCoachee.membership });
    const ours = await createGoal(db, c.coachee.membership, { title: "Ours alone" });
    const theirs = await createGoal(db, theirCoachee.membership, { title: "Theirs alone" });
    for (let i = 0; i < 3; i++) {
      await give(c, c.coach, `Here ${i}`);
      await addComment(db, theirCoachee, addCommentSchema.parse({ goalId: theirs.id, body: "t" }));
    }
    await addComment(db, c.coach, addCommentSchema.parse({ goalId: ours.id, body: "o" }));
    await afterWindow();
    const mail = await db.emailOutbox.findMany({ where: { toAddress: c.coachee.email } });
    expect(mail.map((m) => m.organizationId).sort()).toEqual([c.org.id, c.w.other.org.id].sort());
    let leaks = 0;
    for (const m of mail) {
      const [mine, foreign] =
        m.organizationId === c.org.id
          ? [
              ["Here 0", "Ours alone", `/${c.org.slug}/`],
              ["Theirs alone", `/${c.w.other.org.slug}/`],
            ]
          : [
              ["Theirs alone", `/${c.w.other.org.slug}/`],
              ["Here 0", "Ours alone", `/${c.org.slug}/`],
            ];
      for (const word of mine) expect(m.text).toContain(word);
      for (const word of foreign) if (m.text.includes(word)) leaks++;
    }
    recordFigures("notifications", { notificationCrossTenantAttempts: mail.length, notificationCrossTenantLeaks: leaks });
    expect(leaks).toBe(0);
  });
});

describe("notification emails through a real SMTP server", () => {
  it("the single email and the digest arrive with the preferences link and no comment words", async () => {
    const smtp = await startSmtpServer();
    try {
      const c = await circle({ coach: "UTC" });
      // Earlier tests' mail is settled, so only this test's goes out.
      await db.emailOutbox.updateMany({ where: { status: "PENDING" }, data: { status: "FAILED" } });
      const goal = await createGoal(db, c.coachee.membership, { title: "Lead the offsite" });
      const milestone = await createMilestone(db, goal, { title: "Agenda" });
      const action = await createActionItem(db, c.coachee.membership, { milestone, title: "Draft agenda" });
      await setActionItemProgress(db, c.coachee, { actionId: action.id, progress: 100 });
      const comment = crypto.randomUUID();
      await tenantDb(db, c.org.id).$transaction((tx) =>
        notify(tx, c.org.id, {
          kind: "comment.added",
          coacheeMembershipId: c.coachee.membershipId,
          subjectId: comment,
          actorMembershipId: c.coachee.membershipId,
          data: { on: "action", thingId: action.id, title: "Draft agenda" },
        }),
      );
      await newGoal(db, c.coachee, goalInput(c.coachee.membershipId, "Hire two people"));
      await newGoal(db, c.coachee, goalInput(c.coachee.membershipId, "Hire a third"));
      await runDigests(db, new Date("2032-01-01T09:00:00Z"));
      await afterWindow();
      await deliverDueEmails(db, smtpTransport(smtp.url), { from: "Pathwise <no-reply@pathwise.test>" });
      const toCoach = await Promise.all(
        smtp.messages.filter((m) => m.recipients.includes(c.coach.email)).map(async (m) => ({ ...m, mail: await simpleParser(m.raw) })),
      );
      // The three immediate ones of the window in one email, in the order they happened, and the digest.
      expect(toCoach.map((m) => m.mail.subject).sort()).toEqual([
        "Test participant completed the milestone “Agenda” of the goal “Lead the offsite”, and 2 more updates",
        `Your daily Pathwise digest: 3 updates in ${c.org.name}`,
      ]);
      const coalesced = toCoach.find((m) => m.mail.subject?.startsWith("Test participant"))!;
      expect(coalesced.mail.text).toContain("Test participant completed the goal “Lead the offsite”");
      expect(coalesced.mail.text).toContain("Test participant commented on the action “Draft agenda”");
      for (const m of toCoach) {
        expect(m.recipients).toEqual([c.coach.email]);
        expect(m.mail.text).toContain(`http://localhost:3000/${c.org.slug}/notifications/preferences`);
      }
      const digest = toCoach.find((m) => m.mail.subject?.startsWith("Your daily"))!;
      expect(digest.mail.text).toContain("Hire two people");
      expect(digest.mail.text).toContain("Hire a third");
      // The slider's move to 100 is a digest item for coaches by default.
      expect(digest.mail.text).toContain("Test participant moved “Draft agenda” to 100%");
    } finally {
      await smtp.close();
    }
  });

  it("each recipient reads theirs in their own language, not the language of whoever caused it", async () => {
    const smtp = await startSmtpServer();
    try {
      const c = await circle();
      await db.emailOutbox.updateMany({ where: { status: "PENDING" }, data: { status: "FAILED" } });
      // The coachee (who acts) reads French; the coach chose German; the organisation's default is German,
      // but it set English for the second coach.
      await db.organization.update({ where: { id: c.org.id }, data: { defaultLocale: "de" } });
      await db.user.update({ where: { id: c.coachee.userId }, data: { locale: "fr" } });
      await db.user.update({ where: { id: c.coach.userId }, data: { locale: "de" } });
      await db.membership.update({
        where: { organizationId_id: { organizationId: c.org.id, id: c.coach2.membershipId } },
        data: { locale: "en" },
      });
      const goal = await createGoal(db, c.coachee.membership, { title: "Lead the offsite" });
      const milestone = await createMilestone(db, goal, { title: "Agenda" });
      const action = await createActionItem(db, c.coachee.membership, { milestone, title: "Draft agenda" });
      await setActionItemProgress(db, c.coachee, { actionId: action.id, progress: 100 });
      await afterWindow();
      // And the next morning's digest (goals created and progress moved are digest items for coaches).
      await newGoal(db, c.coachee, goalInput(c.coachee.membershipId, "Hire two people"));
      await runDigests(db, new Date("2033-01-01T09:00:00Z"));
      await deliverDueEmails(db, smtpTransport(smtp.url), { from: "Pathwise <no-reply@pathwise.test>" });
      const to = async (who: { email: string }) =>
        Promise.all(smtp.messages.filter((m) => m.recipients.includes(who.email)).map((m) => simpleParser(m.raw)));
      const digestOf = async (who: { email: string }) =>
        (await to(who)).find((m) => m.subject?.includes("Pathwise-Zusammenfassung") || m.subject?.includes("Pathwise digest"));
      expect((await digestOf(c.coach))?.subject).toBe(`Ihre tägliche Pathwise-Zusammenfassung: 2 Neuigkeiten in ${c.org.name}`);
      expect((await digestOf(c.coach))?.text).toContain("Test participant hat das Ziel „Hire two people“ angelegt");
      expect((await digestOf(c.coach2))?.subject).toBe(`Your daily Pathwise digest: 2 updates in ${c.org.name}`);
      const [german] = (await to(c.coach)).filter((m) => !m.subject?.includes("Zusammenfassung"));
      expect(german.subject).toBe(
        "Test participant hat den Meilenstein „Agenda“ des Ziels „Lead the offsite“ erreicht und 1 weitere Neuigkeit",
      );
      expect(german.text).toContain("Test participant hat das Ziel „Lead the offsite“ erreicht");
      expect(german.text).toContain("Alle Benachrichtigungen ansehen");
      expect(german.html).toContain('<html lang="de"');
      const [english] = (await to(c.coach2)).filter((m) => !m.subject?.includes("digest"));
      expect(english.subject).toBe("Test participant completed the milestone “Agenda” of the goal “Lead the offsite”, and 1 more update");
      expect(english.html).toContain('<html lang="en"');
      // Neither email holds the other's words, nor the French of the one who acted.
      for (const words of ["Meilenstein", "étape", "a franchi"]) expect(english.text).not.toContain(words);
      for (const words of ["completed", "étape", "a franchi"]) expect(german.text).not.toContain(words);
      // The centre reads the same rows in each reader's language.
      const centre = async (who: Parameters<typeof listNotifications>[1]) =>
        (await listNotifications(db, who, { page: 1 })).items.map((i) => i.sentence);
      expect(await centre(c.coach)).toContain("Test participant hat den Meilenstein „Agenda“ des Ziels „Lead the offsite“ erreicht");
      expect(await centre(c.coach2)).toContain("Test participant completed the milestone “Agenda” of the goal “Lead the offsite”");
    } finally {
      await smtp.close();
    }
  });
});
