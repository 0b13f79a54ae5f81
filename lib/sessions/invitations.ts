import type { TenantTx } from "../db/tenant";
import { env } from "../env";
import { FALLBACK_ZONE } from "../format/dates";
import { MEMBER_LOCALE_SELECT, memberLocale } from "../i18n/member-locale";
import { queueEmail } from "../mail/outbox";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { CALENDAR_SESSION, sessionsCalendar, type CalendarSession } from "./ical";

// Each change of a session reaches both people's own calendars: an email with the session in words and
// as an iCalendar invitation (REQUEST to add or move it, CANCEL to remove it), queued in the change's
// transaction, so it leaves only if the change commits. Only people who have joined get one: someone
// not yet invited has agreed to nothing, and their address is the organisation's word for them.

export type SessionChange = "scheduled" | "changed" | "cancelled";

/** One of a session's two people as its messages need them: name, address, zone, status, language. */
export const SESSION_PERSON = {
  ...PERSON,
  status: true,
  ...MEMBER_LOCALE_SELECT,
  user: { select: { id: true, email: true, locale: true } },
} as const;

/** The session's page for either of its people (the organisation's slug is in it). */
export function sessionUrl(orgSlug: string, sessionId: string): string {
  return new URL(`/${orgSlug}/sessions/${sessionId}`, env().APP_URL).toString();
}

/** Queues the invitation of this change to the session's coach and coachee, each in their own zone and language. */
export async function queueSessionInvitations(tx: TenantTx, organizationId: string, sessionId: string, change: SessionChange) {
  const [session, organization] = await Promise.all([
    tx.coachingSession.findFirstOrThrow({
      where: { id: sessionId },
      select: {
        ...CALENDAR_SESSION,
        cancelReason: true,
        coach: { select: SESSION_PERSON },
        coachee: { select: SESSION_PERSON },
      },
    }),
    tx.organization.findFirstOrThrow({ select: { name: true, slug: true, defaultLocale: true } }),
  ]);
  const [coach, coachee] = [session.coach, session.coachee].map((m) => ({
    status: m.status,
    locale: memberLocale(m, organization.defaultLocale),
    ...seen(m).user,
  }));
  const person = (p: typeof coach) => ({ name: displayName(p), email: p.email });
  const url = sessionUrl(organization.slug, session.id);
  const event: CalendarSession = { ...session, url, coach: person(coach), coachee: person(coachee) };
  const method = change === "cancelled" ? "CANCEL" : "REQUEST";
  const content = sessionsCalendar({ method, sessions: [event] });
  for (const [me, other] of [
    [coach, coachee],
    [coachee, coach],
  ]) {
    if (me.status !== "ACTIVE") continue;
    await queueEmail(tx, {
      organizationId,
      to: me.email,
      template: "session-change",
      props: {
        change,
        title: session.title,
        start: session.scheduledAt.toISOString(),
        durationMinutes: session.durationMinutes,
        zone: me.timezone ?? session.timezone ?? FALLBACK_ZONE,
        withName: displayName(other),
        location: session.location,
        reason: change === "cancelled" ? session.cancelReason : null,
        organizationName: organization.name,
        url,
      },
      locale: me.locale,
      calendar: { method, content },
    });
  }
}
