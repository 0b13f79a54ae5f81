import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { env } from "../env";

// Sessions as iCalendar (RFC 5545), built with ical-generator: the invitations mailed on each change
// (lib/sessions/invitations.ts) and each person's subscription feed. One session is one event whose UID
// never changes and whose SEQUENCE rises with every change, so calendar apps replace what they hold.

export type CalendarPerson = { name: string; email: string };

export type CalendarSession = {
  id: string;
  title: string;
  scheduledAt: Date;
  durationMinutes: number;
  /** The zone the session was entered in: its times are written in it, with its VTIMEZONE. */
  timezone: string;
  location: string;
  status: string;
  sequence: number;
  /** When it last changed (DTSTAMP). */
  updatedAt: Date;
  /** The session's page on the configured APP_URL. */
  url: string;
  /** Invitations name both people; a feed names nobody (it is read by calendar apps, and shared). */
  coach?: CalendarPerson;
  coachee?: CalendarPerson;
};

/** What a calendar needs of a session row (a select for CoachingSession). */
export const CALENDAR_SESSION = {
  id: true,
  title: true,
  scheduledAt: true,
  durationMinutes: true,
  timezone: true,
  location: true,
  status: true,
  sequence: true,
  updatedAt: true,
} as const;

export type CalendarMethod = "REQUEST" | "CANCEL" | "PUBLISH";

/** An event's UID: the session's id on our host, the same in every invitation and feed. */
export function sessionUid(sessionId: string): string {
  return `${sessionId}@${new URL(env().APP_URL).hostname}`;
}

// ical-generator writes a time with a TZID as the wall clock of the Date it is given: a TZDate reads
// in the zone. UTC (which the zone library has no VTIMEZONE for) is written as UTC ("…Z").
function inZone(moment: Date, zone: string) {
  return zone === "UTC" ? moment : new TZDate(moment.getTime(), zone);
}

/** A calendar of sessions: an invitation (REQUEST or CANCEL of one session) or a feed (PUBLISH). */
export function sessionsCalendar({
  method,
  name,
  sessions,
}: {
  method: CalendarMethod;
  name?: string;
  sessions: CalendarSession[];
}): string {
  const calendar = ical({
    prodId: { company: "Pathwise", product: "Pathwise", language: "EN" },
    method: ICalCalendarMethod[method],
    name: name ?? null,
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const s of sessions) {
    const zone = s.timezone;
    const end = new Date(s.scheduledAt.getTime() + s.durationMinutes * 60_000);
    const cancelled = method === "CANCEL" || s.status === "CANCELLED";
    calendar.createEvent({
      id: sessionUid(s.id),
      sequence: s.sequence,
      stamp: s.updatedAt,
      start: inZone(s.scheduledAt, zone),
      end: inZone(end, zone),
      timezone: zone === "UTC" ? null : zone,
      summary: s.title,
      location: s.location || null,
      url: s.url,
      description: s.url,
      // A booking awaiting its coach's answer is in the feed as tentative.
      status: cancelled ? ICalEventStatus.CANCELLED : s.status === "REQUESTED" ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
      ...(s.coach && s.coachee
        ? {
            organizer: { name: s.coach.name, email: s.coach.email },
            attendees: [s.coach, s.coachee].map((p) => ({
              name: p.name,
              email: p.email,
              rsvp: false,
              status: ICalAttendeeStatus.ACCEPTED,
            })),
          }
        : {}),
    });
  }
  return calendar.toString();
}
