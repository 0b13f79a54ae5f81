import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, endOfMonth, endOfWeek, startOfMonth, startOfWeek } from "date-fns";
import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { SessionStatus } from "../db/generated/enums";
import { tenantDb, type TenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/permissions";
import { NotFoundError } from "../errors";
import { isoDate, knownZone } from "../format/dates";
import { membersOfProgrammes, programmeScope } from "../programmes/scope";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { idField } from "../web/form-fields";
import { isoDay, lenient, MAX_YEAR, MIN_YEAR } from "../web/search-params";

export const CALENDAR_VIEWS = ["week", "month"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** A day of the month view shows at most this many sessions; the rest fold into "+N more", a link to that day's week. */
export const MONTH_DAY_SHOWN = 3;
/**
 * The most sessions one calendar page reads. A coach's sessions never overlap, so a real week holds far
 * fewer; past it the page says it shows only the first ones, and its size stays bounded whatever is stored.
 */
export const CALENDAR_MAX_ROWS = 1000;
/** The most coaches an administrator's coach picker lists (a chosen coach past it still opens by the URL). */
export const CALENDAR_COACH_PICKER = 500;

/** The calendar's place as the URL carries it; anything that does not parse falls back (week, today, no coach). */
export const calendarQuerySchema = z.object({
  view: z.enum(CALENDAR_VIEWS).catch("week"),
  date: isoDay(),
  coach: lenient(idField()),
});
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

/** Whose sessions the calendar shows: a coach's own, a participant's own, or (admins, programme managers) one coach's, read-only. */
export type CalendarMode = "coach" | "participant" | "oversee";

export type CalendarSession = {
  id: string;
  title: string;
  start: Date;
  end: Date;
  status: SessionStatus;
  /** The person on the other side: the coachee for a coach or an overseer, the coach for a participant. */
  withName: string;
};

export type CalendarDay = {
  /** "2026-03-29", in the viewer's zone. */
  date: string;
  /** Outside the month a month view is about (the whole weeks around it). */
  outside: boolean;
  today: boolean;
  sessions: CalendarSession[];
  /** Sessions of the day folded away (the month view's "+N more"). */
  more: number;
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a day in a zone, as a date-fns date that keeps doing its arithmetic in that zone. */
function midnight(day: string, zone: string): TZDate {
  const [, y, m, d] = DAY.exec(day)!.map(Number);
  return new TZDate(y, m - 1, d, zone);
}

const inYears = (day: string) => {
  const year = Number(day.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

/**
 * The days a view shows around `date`, in `zone`: the Monday-to-Sunday week holding it, or the whole
 * weeks covering its month. Days are stepped by the calendar in that zone (date-fns on a TZDate), never
 * by 24 hours, so a week across a daylight-saving change still starts and ends at local midnights.
 */
export function calendarRange(view: CalendarView, date: string, zone: string) {
  const anchor = midnight(date, zone);
  const first = view === "week" ? startOfWeek(anchor, { weekStartsOn: 1 }) : startOfWeek(startOfMonth(anchor), { weekStartsOn: 1 });
  const last = view === "week" ? endOfWeek(anchor, { weekStartsOn: 1 }) : endOfWeek(endOfMonth(anchor), { weekStartsOn: 1 });
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(isoDate(day, zone));
  const end = addDays(first, days.length);
  const step = (n: number) => isoDate(view === "week" ? addDays(first, 7 * n) : startOfMonth(addMonths(anchor, n)), zone);
  const [previous, next] = [step(-1), step(1)];
  return {
    /** The day the view is about: the week's Monday, or the month's first. */
    anchor: isoDate(view === "week" ? first : startOfMonth(anchor), zone),
    days,
    from: new Date(first.getTime()),
    to: new Date(end.getTime()),
    previous: inYears(previous) ? previous : null,
    next: inYears(next) ? next : null,
  };
}

const SELECT = {
  id: true,
  title: true,
  scheduledAt: true,
  durationMinutes: true,
  status: true,
} as const satisfies Prisma.CoachingSessionSelect;

/** The coaches an overseer may pick (all of them, or a programme manager's within their programmes), by name. */
async function coachesInScope(t: TenantDb, scope: string[] | null) {
  const coaches = await t.membership.findMany({
    where: { role: "COACH", ...(scope ? membersOfProgrammes(scope) : {}) },
    orderBy: [{ sortName: "asc" }, { id: "asc" }],
    take: CALENDAR_COACH_PICKER,
    select: { id: true, ...PERSON },
  });
  return coaches.map(seen).map((c) => ({ id: c.id, name: displayName(c.user) }));
}

/**
 * The calendar page's sessions: a week or a month of them in the viewer's zone, only those the viewer
 * may see (a coach's own, a participant's own, or one coach's as an admin or a programme manager sees
 * them, within their programmes). A role without the calendar is refused; a coach outside the viewer's
 * reach, another organisation's included, is not found.
 */
export async function calendarSessions(
  db: Db,
  actor: Actor,
  query: CalendarQuery,
  { zone: viewerZone, now = new Date() }: { zone: string | null | undefined; now?: Date },
) {
  assertCan(actor.role, "calendar:view");
  const mode: CalendarMode | null = can(actor.role, "coachees:manage")
    ? "coach"
    : can(actor.role, "portal:use")
      ? "participant"
      : can(actor.role, "coachees:oversee")
        ? "oversee"
        : null;
  if (!mode) throw new NotFoundError();

  const zone = knownZone(viewerZone);
  const today = isoDate(now, zone);
  const range = calendarRange(query.view, query.date ?? today, zone);
  const t = tenantDb(db, actor.organizationId);

  let where: Prisma.CoachingSessionWhereInput | null;
  let coach: { id: string; name: string } | null = null;
  let coaches: { id: string; name: string }[] = [];
  if (mode === "coach") where = { coachMembershipId: actor.membershipId };
  else if (mode === "participant") where = { coacheeMembershipId: actor.membershipId };
  else {
    const scope = await programmeScope(t, actor);
    coaches = await coachesInScope(t, scope);
    where = null;
    if (query.coach) {
      const found = await t.membership.findFirst({
        where: { id: query.coach, role: "COACH", ...(scope ? membersOfProgrammes(scope) : {}) },
        select: { id: true, ...PERSON },
      });
      if (!found) throw new NotFoundError();
      coach = { id: found.id, name: displayName(seen(found).user) };
      // A programme manager sees the coach's sessions on their programmes' pathways only, never the rest.
      where = { coachMembershipId: found.id, ...(scope ? { pathway: { programmeId: { in: scope } } } : {}) };
    }
  }

  // Only the other side's name is read: the coach's for a participant, the coachee's for everyone else.
  const person = { select: PERSON } as const;
  const args = {
    where: { ...where, scheduledAt: { gte: range.from, lt: range.to } },
    orderBy: [{ scheduledAt: "asc" as const }, { id: "asc" as const }],
    take: CALENDAR_MAX_ROWS + 1,
  };
  const found = !where
    ? []
    : mode === "participant"
      ? (await t.coachingSession.findMany({ ...args, select: { ...SELECT, coach: person } })).map(({ coach, ...r }) => ({
          ...r,
          other: coach,
        }))
      : (await t.coachingSession.findMany({ ...args, select: { ...SELECT, coachee: person } })).map(({ coachee, ...r }) => ({
          ...r,
          other: coachee,
        }));
  const truncated = found.length > CALENDAR_MAX_ROWS;

  const byDay = new Map<string, CalendarSession[]>(range.days.map((d) => [d, []]));
  for (const r of found.slice(0, CALENDAR_MAX_ROWS)) {
    byDay.get(isoDate(r.scheduledAt, zone))?.push({
      id: r.id,
      title: r.title,
      start: r.scheduledAt,
      end: new Date(r.scheduledAt.getTime() + r.durationMinutes * 60_000),
      status: r.status,
      withName: displayName(seen(r.other).user),
    });
  }
  const month = range.anchor.slice(0, 7);
  const shown = query.view === "month" ? MONTH_DAY_SHOWN : Infinity;
  const days: CalendarDay[] = range.days.map((date) => {
    const all = byDay.get(date)!;
    return {
      date,
      outside: query.view === "month" && date.slice(0, 7) !== month,
      today: date === today,
      sessions: all.slice(0, shown),
      more: Math.max(0, all.length - shown),
    };
  });

  return {
    mode,
    view: query.view,
    zone,
    today,
    anchor: range.anchor,
    first: range.days[0],
    last: range.days[range.days.length - 1],
    previous: range.previous,
    next: range.next,
    days,
    total: Math.min(found.length, CALENDAR_MAX_ROWS),
    truncated,
    coach,
    coaches,
  };
}

export type Calendar = Awaited<ReturnType<typeof calendarSessions>>;
