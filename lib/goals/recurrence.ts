import { RRuleTemporal } from "rrule-temporal";
import { msg } from "../i18n/msg";
import { Temporal } from "temporal-polyfill";
import { MAX_INTERVAL, MAX_OCCURRENCES, MAX_SPAN_YEARS } from "./recurrence-limits";

// When a recurring action falls: an RFC 5545 rule evaluated in the coachee's time zone. Pure (no
// database), so the unit tests run it directly.
//
// The library is rrule-temporal (pinned), which works on Temporal.ZonedDateTime: an occurrence is a
// wall-clock time in a named zone, so a daylight-saving change moves its UTC offset, never its local day
// or time. The older `rrule` package works on JavaScript Dates "in UTC" and has long-standing open
// daylight-saving issues (jkbrzt/rrule #295, #359, #390, #611, #617: occurrences a day early, a day
// repeated or missing, the time of day moved by an hour). rrule-temporal's own issues we checked:
// #136 (fixed): a DAILY rule whose time came from DTSTART kept a spring-forward shift; we always state
// BYHOUR/BYMINUTE/BYSECOND, and 09:00 falls in no zone's transition. #140 (fixed): MONTHLY from a 31st
// clamped instead of skipping; we never rely on the implicit day (below we state BYMONTHDAY). Temporal
// itself: the library uses the runtime's Temporal (Node 26+) or its own bundled temporal-polyfill; we
// build our inputs with temporal-polyfill (pinned) and ask for occurrences in the same implementation.
//
// Every occurrence is at OCCURRENCE_TIME local time; only its local day is stored (an action's due date).
// MONTHLY repeats on the start day's day of the month; a month without that day (the 31st in April, the
// 29th-31st in February) gets its last day instead: BYMONTHDAY=28..d with BYSETPOS=-1, so a monthly
// action happens every month rather than skipping months as a bare BYMONTHDAY=31 would.

export const FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const RFC_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

export { MAX_INTERVAL, MAX_OCCURRENCES, MAX_SPAN_YEARS };
/** The local time of day every occurrence is evaluated at. */
export const OCCURRENCE_TIME = { hour: 9, minute: 0 } as const;

export type Recurrence = {
  frequency: Frequency;
  interval: number;
  /** For WEEKLY: ISO weekdays. */
  weekdays: readonly number[];
  /** The first day, YYYY-MM-DD, in `timezone`. */
  startDate: string;
  /** One of the two: how many occurrences, or the last day (inclusive), YYYY-MM-DD. */
  count: number | null;
  until: string | null;
  timezone: string;
};

/** The last day a series starting on `startDate` may reach, YYYY-MM-DD. */
export function latestEnd(startDate: string): string {
  return Temporal.PlainDate.from(startDate).add({ years: MAX_SPAN_YEARS }).toString();
}

function monthDays(startDate: string): { byMonthDay: number[]; bySetPos?: number[] } {
  const day = Temporal.PlainDate.from(startDate).day;
  if (day <= 28) return { byMonthDay: [day] };
  const days: number[] = [];
  for (let d = 28; d <= day; d++) days.push(d);
  return { byMonthDay: days, bySetPos: [-1] };
}

function at(day: string, timezone: string, time: { hour: number; minute: number; second?: number }) {
  return Temporal.PlainDate.from(day).toZonedDateTime({ timeZone: timezone, plainTime: Temporal.PlainTime.from(time) });
}

/**
 * The rule's occurrences as zoned date-times, stopping after `limit` (the caller checks the caps) and at
 * the end of the day MAX_SPAN_YEARS after the start, whichever comes first.
 */
export function occurrences(rule: Recurrence, limit = MAX_OCCURRENCES + 1): Temporal.ZonedDateTime[] {
  const spanEnd = latestEnd(rule.startDate);
  const lastDay = rule.until && rule.until < spanEnd ? rule.until : spanEnd;
  const rrule = new RRuleTemporal({
    temporal: Temporal,
    tzid: rule.timezone,
    freq: rule.frequency,
    interval: rule.interval,
    dtstart: at(rule.startDate, rule.timezone, OCCURRENCE_TIME),
    ...(rule.count !== null ? { count: rule.count } : {}),
    until: at(lastDay, rule.timezone, { hour: 23, minute: 59, second: 59 }),
    byHour: [OCCURRENCE_TIME.hour],
    byMinute: [OCCURRENCE_TIME.minute],
    bySecond: [0],
    wkst: "MO",
    ...(rule.frequency === "WEEKLY" ? { byDay: [...new Set(rule.weekdays)].sort().map((d) => RFC_WEEKDAYS[d - 1]) } : {}),
    ...(rule.frequency === "MONTHLY" ? monthDays(rule.startDate) : {}),
    cache: false,
  });
  return rrule.all((_, i) => i < limit);
}

export type Schedule = { ok: true; days: string[] } | { ok: false; field: "count" | "until" | "startDate"; message: string };

/**
 * The local days the rule falls on, or why it cannot be a series: no occurrence at all, more than
 * MAX_OCCURRENCES, or (for a count) an end more than MAX_SPAN_YEARS after the start.
 */
export function schedule(rule: Recurrence): Schedule {
  const found = occurrences(rule);
  const days = found.map((o) => o.toPlainDate().toString());
  if (!days.length) return { ok: false, field: "until", message: msg("Goals.server.noDayInSchedule") };
  if (days.length > MAX_OCCURRENCES)
    return {
      ok: false,
      field: rule.count !== null ? "count" : "until",
      message: msg("Goals.server.tooManyOccurrences", { max: MAX_OCCURRENCES }),
    };
  if (rule.count !== null && days.length < rule.count)
    return {
      ok: false,
      field: "count",
      message: msg("Goals.server.countTooLong", { count: rule.count, years: MAX_SPAN_YEARS }),
    };
  return { ok: true, days };
}
