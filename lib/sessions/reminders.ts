import { z } from "zod";
import type { Db } from "../db/client";
import { sessionReminderCandidates } from "../db/cross-tenant";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { msg } from "../i18n/msg";
import { memberLocale } from "../i18n/member-locale";
import { queueEmail } from "../mail/outbox";
import { notify } from "../notifications/notify";
import { displayName } from "../users/display-name";
import { seen } from "../users/person";
import { repeated } from "../web/form-fields";
import { FALLBACK_ZONE } from "../format/dates";
import { assertMayHaveFeed } from "./feed";
import { SESSION_PERSON, sessionUrl } from "./invitations";

// Reminders before each session, to its coach and its coachee, as each of them chose (24 hours and 1
// hour before unless they chose otherwise; none if they turned them off): in the app and by email, in
// their own zone and language. Each reminder is claimed by inserting its SessionReminder row (session,
// person, how long before, the start it is for) in the transaction that tells the person, so several
// workers, or one restarted, remind once; a cancelled session is never reminded, and a moved one is
// reminded before its new start (another start, another row).

/** The choices a person has, in minutes before the start. */
export const REMINDER_CHOICES = [1440, 60, 15] as const;
export const DEFAULT_REMINDERS = [1440, 60];
const LONGEST = Math.max(...REMINDER_CHOICES);

export const reminderChoiceSchema = z.strictObject({
  minutes: repeated(
    z.coerce.number().refine((n) => (REMINDER_CHOICES as readonly number[]).includes(n), msg("Fields.chooseFromList")),
    REMINDER_CHOICES.length,
  ),
});
export type ReminderChoice = z.infer<typeof reminderChoiceSchema>;

/** The actor's reminder choice in this organisation. */
export async function getReminderChoice(db: Db, actor: Actor): Promise<number[]> {
  assertMayHaveFeed(actor.role);
  const member = await tenantDb(db, actor.organizationId).membership.findFirstOrThrow({
    where: { id: actor.membershipId },
    select: { sessionReminderMinutes: true },
  });
  return member.sessionReminderMinutes;
}

/** Saves the actor's reminder choice (none: no reminders). */
export async function setReminderChoice(db: Db, actor: Actor, input: ReminderChoice): Promise<void> {
  assertMayHaveFeed(actor.role);
  const minutes = [...new Set(input.minutes)].sort((a, b) => b - a);
  await tenantDb(db, actor.organizationId).membership.updateMany({
    where: { id: actor.membershipId },
    data: { sessionReminderMinutes: minutes },
  });
}

const SIDE = { ...SESSION_PERSON, sessionReminderMinutes: true } as const;

/**
 * Sends the session reminders due at `now`. Of a person's reminders due at once for one session (the
 * session was booked an hour before it starts, or the job was down), only the nearest is sent; the
 * rest are claimed unsent. A session that has started is reminded no more.
 */
export async function runSessionReminders(db: Db, now: Date = new Date()): Promise<{ sent: number }> {
  let sent = 0;
  const candidates = await sessionReminderCandidates(db, { after: now, until: new Date(now.getTime() + LONGEST * 60_000) });
  for (const c of candidates) {
    // One session that cannot be reminded (a malformed address, say) must not hold up the others.
    sent += await tenantDb(db, c.organizationId)
      .$transaction((tx) => remindOne(tx, c.organizationId, c.id, now))
      .catch((error: unknown) => {
        console.error("[reminders] session passed over", c.id, error);
        return 0;
      });
  }
  return { sent };
}

async function remindOne(tx: TenantTx, organizationId: string, sessionId: string, now: Date): Promise<number> {
  const [session, organization] = await Promise.all([
    tx.coachingSession.findFirst({
      where: { id: sessionId, status: "SCHEDULED", scheduledAt: { gt: now } },
      select: {
        id: true,
        title: true,
        scheduledAt: true,
        durationMinutes: true,
        timezone: true,
        location: true,
        coachMembershipId: true,
        coacheeMembershipId: true,
        coach: { select: SIDE },
        coachee: { select: SIDE },
      },
    }),
    tx.organization.findFirstOrThrow({ select: { name: true, slug: true, defaultLocale: true } }),
  ]);
  if (!session) return 0;
  const minutesLeft = (session.scheduledAt.getTime() - now.getTime()) / 60_000;
  const people = [
    { ...session.coach, membershipId: session.coachMembershipId, person: seen(session.coach).user },
    { ...session.coachee, membershipId: session.coacheeMembershipId, person: seen(session.coachee).user },
  ];
  let sent = 0;
  for (const [me, other] of [
    [people[0], people[1]],
    [people[1], people[0]],
  ]) {
    if (me.status !== "ACTIVE") continue;
    const due = me.sessionReminderMinutes.filter((m) => m >= minutesLeft);
    if (!due.length) continue;
    const claimed = await tx.sessionReminder.createManyAndReturn({
      data: due.map((minutesBefore) => ({
        organizationId,
        sessionId: session.id,
        membershipId: me.membershipId,
        minutesBefore,
        startsAt: session.scheduledAt,
      })),
      skipDuplicates: true,
      select: { minutesBefore: true },
    });
    // The nearest due reminder goes out, once: if it was claimed before (by another worker, or by this
    // one before a restart) there is nothing new to say; the farther ones are claimed unsent.
    const nearest = Math.min(...due);
    if (!claimed.some((c) => c.minutesBefore === nearest)) continue;
    await notify(
      tx,
      organizationId,
      {
        kind: "session.reminder",
        coacheeMembershipId: session.coacheeMembershipId,
        subjectId: session.id,
        actorMembershipId: null,
        data: { title: session.title, coachMembershipId: session.coachMembershipId, startsAt: session.scheduledAt.toISOString() },
        only: [me.membershipId],
      },
      now,
    );
    await queueEmail(tx, {
      organizationId,
      to: me.person.email,
      template: "session-change",
      props: {
        change: "reminder",
        title: session.title,
        start: session.scheduledAt.toISOString(),
        durationMinutes: session.durationMinutes,
        zone: me.person.timezone ?? session.timezone ?? FALLBACK_ZONE,
        withName: displayName(other.person),
        location: session.location,
        reason: null,
        organizationName: organization.name,
        url: sessionUrl(organization.slug, session.id),
      },
      locale: memberLocale(me, organization.defaultLocale),
    });
    sent++;
  }
  return sent;
}
