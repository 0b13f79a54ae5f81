import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client";
import { deleteFinishedNotificationEmails } from "../../lib/db/cross-tenant";
import { tenantDb } from "../../lib/db/tenant";
import { runNotificationEmails } from "../../lib/notifications/coalesce";
import { EMAIL_WINDOW_MS, notify } from "../../lib/notifications/notify";
import { NOTIFICATION_EMAIL_RETENTION_DAYS, pruneDigestClaims, pruneNotificationEmails } from "../../lib/notifications/prune";
import { createActor, createCoachingRelationship, createOrganization, type TestActor } from "../factories";
import { isolatedDatabase } from "../support/db";
import { isoDay } from "../../lib/format/dates";

// NotificationEmail rows (one claim per coalesced email window) are deleted once they are past their
// retention and their window is done, in every organisation, by the delivery loop's hourly pruning.
// The pruning reads the whole table, so these tests get a database of their own.

let isolated: Awaited<ReturnType<typeof isolatedDatabase>>;
let db: Db;
beforeAll(async () => {
  isolated = await isolatedDatabase("pathwise_retention");
  db = isolated.db;
});
afterAll(async () => {
  await isolated.drop();
});

const DAY = 24 * 60 * 60_000;
const daysAgo = (days: number, now = new Date()) => new Date(now.getTime() - days * DAY);

/** An organisation with a coach and their coachee, whom notifications are about. */
async function organization() {
  const org = await createOrganization(db);
  const coach = await createActor(db, org.id, "COACH");
  const coachee = await createActor(db, org.id, "PARTICIPANT");
  await createCoachingRelationship(db, { coach: coach.membership, coachee: coachee.membership });
  return { org, coach, coachee };
}

/** A notification for `to`; `waiting`: it still waits for its email (emailDueAt set). */
function notification(organizationId: string, to: TestActor, waiting: boolean) {
  return db.notification.create({
    data: {
      organizationId,
      recipientMembershipId: to.membershipId,
      coacheeMembershipId: to.membershipId,
      kind: "action.assigned",
      subjectId: crypto.randomUUID(),
      emailDueAt: waiting ? new Date(Date.now() + EMAIL_WINDOW_MS) : null,
    },
  });
}

/** A claim of `to`'s email window named by `firstId`, made at `createdAt`. */
function claim(organizationId: string, to: TestActor, firstId: string, createdAt: Date) {
  return db.notificationEmail.create({
    data: { organizationId, membershipId: to.membershipId, firstId, dueAt: createdAt, items: 1, createdAt },
  });
}

const claimsOf = async (organizationId: string) =>
  (await db.notificationEmail.findMany({ where: { organizationId }, select: { firstId: true } })).map((c) => c.firstId).sort();

describe("notification email claims past their retention", () => {
  it("go once the email went and the retention has passed, from every organisation; a recent claim stays until then", async () => {
    const a = await organization();
    const b = await organization();
    // The real path: a coach gives each coachee an action; at the window's end one email goes and its claim is written.
    const now = new Date();
    for (const o of [a, b]) {
      await tenantDb(db, o.org.id).$transaction((tx) =>
        notify(
          tx,
          o.org.id,
          {
            kind: "action.assigned",
            coacheeMembershipId: o.coachee.membershipId,
            subjectId: crypto.randomUUID(),
            actorMembershipId: o.coach.membershipId,
            data: { title: "Book the room" },
          },
          now,
        ),
      );
    }
    expect(await runNotificationEmails(db, new Date(now.getTime() + EMAIL_WINDOW_MS))).toMatchObject({ sent: 2 });
    expect(await db.emailOutbox.count()).toBe(2);
    expect(await db.notificationEmail.count()).toBe(2);

    // A day before the retention ends, nothing goes.
    expect(await pruneNotificationEmails(db, new Date(now.getTime() + (NOTIFICATION_EMAIL_RETENTION_DAYS - 1) * DAY))).toBe(0);
    expect(await db.notificationEmail.count()).toBe(2);
    // A day after, both organisations' claims go; the emails they made stay in the outbox.
    expect(await pruneNotificationEmails(db, new Date(now.getTime() + (NOTIFICATION_EMAIL_RETENTION_DAYS + 1) * DAY))).toBe(2);
    expect(await db.notificationEmail.count()).toBe(0);
    expect(await db.emailOutbox.count()).toBe(2);
  });

  it("keeps a claim whose window still waits, and matches windows within their own organisation only", async () => {
    const a = await organization();
    const b = await organization();
    const old = daysAgo(NOTIFICATION_EMAIL_RETENTION_DAYS + 10);
    const recent = daysAgo(NOTIFICATION_EMAIL_RETENTION_DAYS - 2);
    const sentA = await notification(a.org.id, a.coachee, false);
    const waitingA = await notification(a.org.id, a.coachee, true);
    const recentA = await notification(a.org.id, a.coachee, false);
    const sentB = await notification(b.org.id, b.coachee, false);
    const recentB = await notification(b.org.id, b.coachee, false);
    const waitingB = await notification(b.org.id, b.coachee, true);
    await claim(a.org.id, a.coachee, sentA.id, old);
    await claim(a.org.id, a.coachee, waitingA.id, old);
    await claim(a.org.id, a.coachee, recentA.id, recent);
    // A's claim named by an id that only B has a waiting notification with: B's row does not keep A's.
    await claim(a.org.id, a.coachee, waitingB.id, old);
    // A claim whose notification is gone (deleted with what it was about) is done too.
    await claim(a.org.id, a.coachee, crypto.randomUUID(), old);
    await claim(b.org.id, b.coachee, sentB.id, old);
    await claim(b.org.id, b.coachee, recentB.id, recent);
    await claim(b.org.id, b.coachee, waitingB.id, old);

    expect(await pruneNotificationEmails(db)).toBe(4);
    expect(await claimsOf(a.org.id)).toEqual([waitingA.id, recentA.id].sort());
    expect(await claimsOf(b.org.id)).toEqual([recentB.id, waitingB.id].sort());
    // Run again: nothing more goes.
    expect(await pruneNotificationEmails(db)).toBe(0);

    // Once the waiting window is sent (its emailDueAt cleared, as runNotificationEmails does), its claim goes too.
    await db.notification.updateMany({ where: { id: { in: [waitingA.id, waitingB.id] } }, data: { emailDueAt: null } });
    expect(await pruneNotificationEmails(db)).toBe(2);
    expect(await claimsOf(a.org.id)).toEqual([recentA.id]);
    expect(await claimsOf(b.org.id)).toEqual([recentB.id]);
  });

  it("deletes a backlog larger than one statement's batch, all of it", async () => {
    const a = await organization();
    const old = daysAgo(NOTIFICATION_EMAIL_RETENTION_DAYS + 1);
    for (let i = 0; i < 7; i++) await claim(a.org.id, a.coachee, crypto.randomUUID(), old);
    await claim(a.org.id, a.coachee, crypto.randomUUID(), new Date());
    expect(await deleteFinishedNotificationEmails(db, daysAgo(NOTIFICATION_EMAIL_RETENTION_DAYS), 3)).toBe(7);
    expect(await db.notificationEmail.count({ where: { organizationId: a.org.id } })).toBe(1);
  });
});

describe("daily digest claims past their retention", () => {
  it("go for days older than the retention, in every organisation; today's and recent days' stay", async () => {
    const now = new Date("2026-12-07T12:00:00Z");
    const day = (days: number) => new Date(`${isoDay(daysAgo(days, now))}T00:00:00Z`);
    const [a, b] = [await organization(), await organization()];
    const claims = [
      { who: a.coach, days: NOTIFICATION_EMAIL_RETENTION_DAYS + 1, kept: false },
      { who: b.coachee, days: NOTIFICATION_EMAIL_RETENTION_DAYS + 40, kept: false },
      { who: a.coach, days: NOTIFICATION_EMAIL_RETENTION_DAYS - 1, kept: true },
      { who: b.coachee, days: 0, kept: true },
    ];
    for (const c of claims)
      await db.notificationDigest.create({
        data: { organizationId: c.who.membership.organizationId, membershipId: c.who.membershipId, day: day(c.days), items: 1 },
      });
    expect(await pruneDigestClaims(db, now)).toBe(2);
    const left = await db.notificationDigest.findMany({ select: { membershipId: true, day: true } });
    expect(left.map((r) => `${r.membershipId} ${isoDay(r.day)}`).sort()).toEqual(
      claims
        .filter((c) => c.kept)
        .map((c) => `${c.who.membershipId} ${isoDay(day(c.days))}`)
        .sort(),
    );
  });
});
