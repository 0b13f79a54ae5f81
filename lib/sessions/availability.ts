import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { fieldError } from "../errors";
import { msg } from "../i18n/msg";
import { isoDate, isoDay } from "../format/dates";
import { checkbox, isoDayField, repeated, timeZoneSchema } from "../web/form-fields";
import { wallClock } from "./fields";

// A coach's availability, and the free slots it leaves: weekly ranges in the coach's own zone (several
// a day), the lengths offered, a buffer kept free around each session, the notice needed, how far ahead
// one may book, a daily maximum, and days off. Slots are made on the coach's wall clock, day by day, so
// they stay at 09:00 local across a daylight-saving change; a time the clocks skip makes no slot.

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const LENGTH_CHOICES = [15, 30, 45, 60, 90, 120] as const;
/** Past this many slots the list stops (a month of 15-minute slots all day is still within it). */
export const MAX_SLOTS = 2_000;
/** At most this many of a coach's sessions are read to find free slots (a year of 12 a day). */
export const MAX_BUSY = 5_000;

const RANGE = /^([01]\d|2[0-3]):([0-5]\d)\s*[-–]\s*([01]\d|2[0-4]):([0-5]\d)$/;
const minutesOf = (hh: string, mm: string) => Number(hh) * 60 + Number(mm);

/** "09:00-12:00, 13:30-17:00": one weekday's ranges as people type them; "" is none. */
const dayRanges = z
  .string()
  .trim()
  .max(200, msg("Availability.server.rangesFormat"))
  .transform((text, ctx) => {
    if (!text) return [];
    const ranges = text.split(/[,;]\s*/).map((part) => {
      const m = RANGE.exec(part.trim());
      if (!m) return null;
      const start = minutesOf(m[1], m[2]);
      const end = minutesOf(m[3], m[4]);
      return end > start && end <= 1440 ? { start, end } : null;
    });
    if (ranges.some((r) => r === null) || ranges.length > 6) {
      ctx.addIssue({ code: "custom", message: msg("Availability.server.rangesFormat") });
      return z.NEVER;
    }
    const sorted = (ranges as { start: number; end: number }[]).sort((a, b) => a.start - b.start);
    if (sorted.some((r, i) => i > 0 && r.start < sorted[i - 1].end)) {
      ctx.addIssue({ code: "custom", message: msg("Availability.server.rangesOverlap") });
      return z.NEVER;
    }
    return sorted;
  });

const whole = (min: number, max: number) =>
  z.coerce
    .number({ error: msg("Availability.server.wholeNumber", { min, max }) })
    .int(msg("Availability.server.wholeNumber", { min, max }))
    .min(min, msg("Availability.server.wholeNumber", { min, max }))
    .max(max, msg("Availability.server.wholeNumber", { min, max }));

export const availabilitySchema = z.strictObject({
  timezone: timeZoneSchema,
  day1: dayRanges,
  day2: dayRanges,
  day3: dayRanges,
  day4: dayRanges,
  day5: dayRanges,
  day6: dayRanges,
  day7: dayRanges,
  lengths: repeated(
    z.coerce.number().refine((n) => (LENGTH_CHOICES as readonly number[]).includes(n), msg("Availability.server.chooseLength")),
    LENGTH_CHOICES.length,
  ).refine((l) => l.length > 0, msg("Availability.server.chooseLength")),
  bufferMinutes: whole(0, 240),
  noticeHours: whole(0, 720),
  horizonDays: whole(1, 365),
  maxPerDay: z.preprocess((v) => (v === "" ? undefined : v), whole(1, 24).optional()),
  daysOff: z
    .string()
    .trim()
    .max(366 * 12, msg("Availability.server.daysOffFormat"))
    .transform((text, ctx) => {
      const days = text ? text.split(/[\s,;]+/).filter(Boolean) : [];
      if (days.length > 366 || days.some((d) => !isoDayField().safeParse(d).success)) {
        ctx.addIssue({ code: "custom", message: msg("Availability.server.daysOffFormat") });
        return z.NEVER;
      }
      return [...new Set(days)].sort();
    }),
  needsApproval: checkbox,
  cancelWindowHours: whole(0, 168),
  open: checkbox,
});
export type AvailabilityInput = z.infer<typeof availabilitySchema>;

export type Weekly = { weekday: number; start: number; end: number }[];

/** The coach's availability as stored, or null: not bookable. */
export async function getAvailability(db: Db, actor: Actor) {
  assertCan(actor.role, "coachees:manage");
  return availabilityOf(tenantDb(db, actor.organizationId), actor.membershipId);
}

export async function availabilityOf(tx: TenantTx, coachMembershipId: string) {
  const row = await tx.coachAvailability.findFirst({ where: { membershipId: coachMembershipId } });
  return row ? { ...row, weekly: row.weekly as Weekly } : null;
}

/** Saves the coach's availability; unticking "open" takes them off self-booking (what is booked stays). */
export async function setAvailability(db: Db, actor: Actor, input: AvailabilityInput): Promise<void> {
  assertCan(actor.role, "coachees:manage");
  const t = tenantDb(db, actor.organizationId);
  if (!input.open) {
    await t.coachAvailability.deleteMany({ where: { membershipId: actor.membershipId } });
    return;
  }
  const weekly: Weekly = WEEKDAYS.flatMap((weekday) => input[`day${weekday}`].map((r) => ({ weekday, ...r })));
  if (!weekly.length) throw fieldError("day1", msg("Availability.server.noRanges"));
  const data = {
    timezone: input.timezone,
    weekly,
    lengths: [...new Set(input.lengths)].sort((a, b) => a - b),
    bufferMinutes: input.bufferMinutes,
    noticeMinutes: input.noticeHours * 60,
    horizonDays: input.horizonDays,
    maxPerDay: input.maxPerDay ?? null,
    daysOff: input.daysOff,
    needsApproval: input.needsApproval,
    cancelWindowHours: input.cancelWindowHours,
  };
  await t.coachAvailability.upsert({
    where: { organizationId_membershipId: { organizationId: actor.organizationId, membershipId: actor.membershipId } },
    create: { organizationId: actor.organizationId, membershipId: actor.membershipId, ...data },
    update: data,
  });
}

/** A day's ranges as the form shows them again: "09:00-12:00, 13:30-17:00". */
export function rangesText(weekly: Weekly, weekday: number): string {
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return weekly
    .filter((r) => r.weekday === weekday)
    .map((r) => `${hhmm(r.start)}-${hhmm(r.end)}`)
    .join(", ");
}

type Availability = NonNullable<Awaited<ReturnType<typeof availabilityOf>>>;
type Busy = { start: number; end: number; day: string };

/** The moment a wall-clock minute of a local day names in a zone, or null when the clocks skip it. */
function wallMoment(day: string, minute: number, zone: string): Date | null {
  const { moment, exact } = wallClock(
    day,
    `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`,
    zone,
  );
  return exact ? moment : null;
}

/** The next local day ("2026-03-29" -> "2026-03-30"). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return isoDay(new Date(Date.UTC(y, m - 1, d + 1)));
}

/** The day before a local day. */
function previousDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return isoDay(new Date(Date.UTC(y, m - 1, d - 1)));
}

/** ISO weekday of a local day: Monday 1 ... Sunday 7. */
function weekdayOf(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** Local days to look at, inclusive ("YYYY-MM-DD"), and at most how many starts to find. */
export type SlotWindow = { fromDay?: string; toDay?: string; limit?: number };

/**
 * The free starts of `length` minutes in the availability between `now` (plus the notice) and the
 * horizon, given the coach's sessions (`busy`, not cancelled), each kept `buffer` minutes clear; within
 * `window` when given. Pure: the services below read what it needs. Each day is checked against its own
 * sessions and its neighbours' (a buffer may reach across midnight), so the work grows with the days
 * looked at, not with days times sessions.
 */
export function freeStarts(a: Availability, length: number, busy: Busy[], now: Date, window: SlotWindow = {}): Date[] {
  const earliest = now.getTime() + a.noticeMinutes * 60_000;
  const latest = now.getTime() + a.horizonDays * 86_400_000;
  const limit = Math.min(window.limit ?? MAX_SLOTS, MAX_SLOTS);
  const byDay = new Map<string, Busy[]>();
  for (const b of busy) byDay.set(b.day, [...(byDay.get(b.day) ?? []), b]);
  const daysOff = new Set(a.daysOff);
  const buffer = a.bufferMinutes * 60_000;
  const starts: Date[] = [];
  const firstDay = isoDate(new Date(earliest), a.timezone);
  const lastDay = isoDate(new Date(latest), a.timezone);
  const from = window.fromDay && window.fromDay > firstDay ? window.fromDay : firstDay;
  const to = window.toDay && window.toDay < lastDay ? window.toDay : lastDay;
  for (let day = from, before = previousDay(from); day <= to && starts.length < limit; before = day, day = nextDay(day)) {
    if (daysOff.has(day)) continue;
    const today = byDay.get(day) ?? [];
    if (a.maxPerDay !== null && today.length >= a.maxPerDay) continue;
    const near = [...(byDay.get(before) ?? []), ...today, ...(byDay.get(nextDay(day)) ?? [])];
    const weekday = weekdayOf(day);
    for (const range of a.weekly.filter((r) => r.weekday === weekday)) {
      for (let minute = range.start; minute + length <= range.end && starts.length < limit; minute += length) {
        const start = wallMoment(day, minute, a.timezone);
        if (!start) continue;
        const s = start.getTime();
        const e = s + length * 60_000;
        if (s < earliest || s > latest) continue;
        if (near.some((b) => s < b.end + buffer && b.start < e + buffer)) continue;
        starts.push(start);
      }
    }
  }
  return starts;
}

/** The coach's sessions that hold time between two moments (all but cancelled), with their local day. */
export async function busyTimes(tx: TenantTx, coachMembershipId: string, from: Date, to: Date, zone: string): Promise<Busy[]> {
  const rows = await tx.coachingSession.findMany({
    where: { coachMembershipId, status: { not: "CANCELLED" }, scheduledAt: { gte: new Date(from.getTime() - 86_400_000), lte: to } },
    orderBy: { scheduledAt: "asc" },
    // A bound on what one page reads: past it, later slots may show as free, and booking one is then
    // refused by its own check of that day (and by the exclusion constraint).
    take: MAX_BUSY,
    select: { scheduledAt: true, durationMinutes: true },
  });
  return rows.map((r) => ({
    start: r.scheduledAt.getTime(),
    end: r.scheduledAt.getTime() + r.durationMinutes * 60_000,
    day: isoDate(r.scheduledAt, zone),
  }));
}
