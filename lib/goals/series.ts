import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { fieldError, NotFoundError } from "../errors";
import { checkbox, dayToDate, idField, isId, isoDayField } from "../web/form-fields";
import { descriptionField, titleField } from "./access";
import { assertCoacheeMaterialRole, reachCoachee } from "../coaching/material";
import { place, placement, stillThere, weightField } from "./action-items";
import { coacheeZone } from "./calendar";
import { displayDay, isoDate, isoDay } from "../format/dates";
import { FREQUENCIES, latestEnd, MAX_INTERVAL, MAX_OCCURRENCES, MAX_SPAN_YEARS, type Recurrence, schedule } from "./recurrence";
import { assertCoacheeRoom } from "./caps";
import { lockGoals, recomputeGoal } from "./rollup";

// Recurring actions. A series holds the rule (lib/goals/recurrence.ts) and the fields every occurrence
// copies; each occurrence is an Action of its own (its own due date, progress, comments) linked by
// seriesId. Editing the series changes the occurrences not yet done; a new schedule replaces the
// not-done occurrences from today on (the coachee's today) and keeps the done ones and the past ones;
// deleting the series removes the not-done occurrences and keeps the done ones as plain actions.
//
// The rule is evaluated in the coachee's time zone (their membership's, set when they join); until they
// have one, in their latest pathway's zone, else UTC. The zone used is stored on the series; a new
// schedule is evaluated in the coachee's zone as it is then. Every change locks the goals the occurrences are on and rolls them up again, in one
// transaction, exactly like the single-action services in lib/goals/action-items.ts.

const intervalMessage = msg("Goals.server.wholeNumber", { min: 1, max: MAX_INTERVAL });
const weekdayMessage = msg("Goals.server.weekdaysFromList");
const countMessage = msg("Goals.server.wholeNumber", { min: 1, max: MAX_OCCURRENCES });
const empty = (v: unknown) => (v === "" || v === undefined || v === null ? null : v);
const EARLIEST_DAY = "1900-01-01";
const LATEST_DAY = "2200-12-31";

/** The recurrence part of a form: how often, from when, until when. */
const scheduleFields = {
  frequency: z.enum(FREQUENCIES, { error: msg("Goals.server.chooseFrequency") }),
  interval: z.coerce
    .number({ error: intervalMessage })
    .int(intervalMessage)
    .min(1, intervalMessage)
    .max(MAX_INTERVAL, intervalMessage)
    .default(1),
  weekdays: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.coerce.number({ error: weekdayMessage }).int(weekdayMessage).min(1, weekdayMessage).max(7, weekdayMessage), {
        error: weekdayMessage,
      })
      .max(7, weekdayMessage),
  ),
  startDate: isoDayField(msg("Goals.server.chooseFirstDay")).refine(
    (d) => d >= EARLIEST_DAY && d <= LATEST_DAY,
    msg("Goals.server.firstDayRange"),
  ),
  ends: z.enum(["count", "until"], { error: msg("Goals.server.chooseEnds") }),
  count: z.preprocess(
    empty,
    z.coerce.number({ error: countMessage }).int(countMessage).min(1, countMessage).max(MAX_OCCURRENCES, countMessage).nullable(),
  ),
  until: z.preprocess(empty, isoDayField(msg("Goals.server.useDate")).nullable()),
};

type ScheduleFields = { [K in keyof typeof scheduleFields]: z.infer<(typeof scheduleFields)[K]> };

/** Rules between the schedule's fields, each reported at the field to change. */
function checkSchedule(v: ScheduleFields, ctx: z.RefinementCtx) {
  const issue = (path: keyof ScheduleFields, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (v.frequency === "WEEKLY" && v.weekdays.length === 0) issue("weekdays", msg("Goals.server.chooseWeekday"));
  if (v.ends === "count" && v.count === null) issue("count", msg("Goals.server.enterCount"));
  if (v.ends === "until") {
    if (v.until === null) issue("until", msg("Goals.server.chooseLastDay"));
    else if (v.until < v.startDate) issue("until", msg("Goals.server.lastDayAfterFirst"));
    else if (v.until > latestEnd(v.startDate))
      issue("until", msg("Goals.server.lastDayWithin", { years: MAX_SPAN_YEARS, day: displayDay(latestEnd(v.startDate)) }));
  }
}

/** Exactly one way to end: the other field is dropped. */
function toRule<T extends ScheduleFields>({ ends, count, until, weekdays, ...rest }: T) {
  return {
    ...rest,
    weekdays: rest.frequency === "WEEKLY" ? [...new Set(weekdays)].sort((a, b) => a - b) : [],
    count: ends === "count" ? count : null,
    until: ends === "until" ? until : null,
  };
}

const copiedFields = {
  title: titleField,
  description: descriptionField,
  weight: weightField,
  monitoredByCoach: checkbox.default(false),
};

export const createSeriesSchema = z
  .strictObject({
    coacheeMembershipId: idField(),
    goalId: placement(msg("Goals.server.chooseGoal")),
    milestoneId: placement(msg("Goals.server.chooseMilestone")),
    ...copiedFields,
    ...scheduleFields,
  })
  .superRefine(checkSchedule)
  .transform(toRule);
export type CreateSeriesInput = z.infer<typeof createSeriesSchema>;

export const updateSeriesSchema = z
  .strictObject({ seriesId: idField(), ...copiedFields, ...scheduleFields })
  .superRefine(checkSchedule)
  .transform(toRule);
export type UpdateSeriesInput = z.infer<typeof updateSeriesSchema>;

export const seriesIdSchema = z.strictObject({ seriesId: idField() });

type Rule = Omit<Recurrence, "timezone">;

/** The rule's local days, or the field error that says why it cannot be a series. */
function daysOf(rule: Rule, timezone: string): string[] {
  const result = schedule({ ...rule, timezone });
  if (!result.ok) throw fieldError(result.field, result.message);
  return result.days;
}

/** Appends one action per day, in order, at the end of the series' place. */
async function addOccurrences(
  tx: TenantTx,
  actor: Actor,
  series: { id: string; coacheeMembershipId: string; goalId: string | null; milestoneId: string | null } & CopiedFields,
  days: readonly string[],
) {
  if (!days.length) return 0;
  const where = { coacheeMembershipId: series.coacheeMembershipId, goalId: series.goalId, milestoneId: series.milestoneId };
  const last = await tx.action.aggregate({ where, _max: { position: true } });
  const first = (last._max.position ?? -1) + 1;
  const made = await tx.action.createMany({
    data: days.map((d, i) => ({
      organizationId: actor.organizationId,
      ...where,
      seriesId: series.id,
      title: series.title,
      description: series.description,
      weight: series.weight,
      monitoredByCoach: series.monitoredByCoach,
      dueDate: dayToDate(d),
      position: first + i,
      createdByMembershipId: actor.membershipId,
    })),
  });
  return made.count;
}

type CopiedFields = { title: string; description: string; weight: number; monitoredByCoach: boolean };

/** A new series for a coachee and its occurrences, placed like a single action (milestone, goal or none). */
export async function createSeries(db: Db, actor: Actor, input: CreateSeriesInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coacheeMembershipId = await reachCoachee(tx, actor, input.coacheeMembershipId);
    const where = await place(tx, coacheeMembershipId, input.goalId, input.milestoneId);
    const { zone: timezone } = await coacheeZone(tx, coacheeMembershipId);
    const days = daysOf(input, timezone);
    await assertCoacheeRoom(tx, actor.organizationId, coacheeMembershipId, { series: 1, actions: days.length });
    await lockGoals(tx, actor.organizationId, [where.goalId]);
    await stillThere(tx, where);
    const series = await tx.actionSeries.create({
      data: {
        organizationId: actor.organizationId,
        coacheeMembershipId,
        ...where,
        title: input.title,
        description: input.description,
        weight: input.weight,
        monitoredByCoach: input.monitoredByCoach,
        frequency: input.frequency,
        interval: input.interval,
        weekdays: input.weekdays,
        startDate: dayToDate(input.startDate),
        count: input.count,
        until: input.until ? dayToDate(input.until) : null,
        timezone,
        createdByMembershipId: actor.membershipId,
      },
    });
    const occurrences = await addOccurrences(tx, actor, series, days);
    const goal = where.goalId ? await recomputeGoal(tx, actor, where.goalId) : null;
    return { id: series.id, occurrences, goal };
  });
}

/**
 * A series the actor may work on, its row locked, with the goals of its series and of its not-done
 * occurrences (one may have been moved to another goal) locked too; or not found. Reads again under
 * the locks until the set of goals holds still.
 */
async function lockedSeries(tx: TenantTx, actor: Actor, seriesId: string) {
  if (!isId(seriesId)) throw new NotFoundError();
  const first = await tx.actionSeries.findFirst({ where: { id: seriesId }, select: { coacheeMembershipId: true } });
  if (!first) throw new NotFoundError();
  await reachCoachee(tx, actor, first.coacheeMembershipId);
  // The coachee's caps lock before any row lock, in the order every other change takes them.
  await assertCoacheeRoom(tx, actor.organizationId, first.coacheeMembershipId, {});
  await tx.$queryRaw`SELECT 1 FROM "ActionSeries" WHERE "organizationId" = ${actor.organizationId}::uuid AND "id" = ${seriesId}::uuid FOR UPDATE`;
  const series = await tx.actionSeries.findFirst({ where: { id: seriesId } });
  if (!series) throw new NotFoundError();
  const locked = new Set<string>();
  for (;;) {
    const open = await tx.action.findMany({ where: { seriesId, completedAt: null }, select: { goalId: true } });
    const wanted = [series.goalId, ...open.map((a) => a.goalId)].filter((id): id is string => id !== null && !locked.has(id));
    if (!wanted.length) return { series, goalIds: [...locked] };
    for (const id of await lockGoals(tx, actor.organizationId, wanted)) locked.add(id);
    // A goal deleted meanwhile took its actions with it: nothing more to lock for it.
    for (const id of wanted) locked.add(id);
  }
}

async function recompute(tx: TenantTx, actor: Actor, goalIds: readonly string[]) {
  const figures: Record<string, Awaited<ReturnType<typeof recomputeGoal>>> = {};
  for (const id of goalIds) figures[id] = await recomputeGoal(tx, actor, id);
  return figures;
}

const sameSchedule = (a: Rule, b: Rule) =>
  a.frequency === b.frequency &&
  a.interval === b.interval &&
  a.weekdays.join() === b.weekdays.join() &&
  a.startDate === b.startDate &&
  a.count === b.count &&
  a.until === b.until;

/**
 * Edits a series: its fields apply to every occurrence not yet done; a changed schedule replaces the
 * not-done occurrences from the coachee's today on with the new rule's, keeping done and past ones
 * (a day that already has a kept occurrence gets no second one).
 */
export async function updateSeries(db: Db, actor: Actor, input: UpdateSeriesInput, now: Date = new Date()) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const { series, goalIds } = await lockedSeries(tx, actor, input.seriesId);
    const stored: Rule = {
      frequency: series.frequency,
      interval: series.interval,
      weekdays: series.weekdays,
      startDate: isoDay(series.startDate),
      count: series.count,
      until: series.until ? isoDay(series.until) : null,
    };
    const fields = { title: input.title, description: input.description, weight: input.weight, monitoredByCoach: input.monitoredByCoach };
    const rescheduled = !sameSchedule(stored, input);
    const timezone = rescheduled ? (await coacheeZone(tx, series.coacheeMembershipId)).zone : series.timezone;
    const days = rescheduled ? daysOf(input, timezone) : [];
    await tx.actionSeries.update({
      where: { organizationId_id: { organizationId: actor.organizationId, id: series.id } },
      data: {
        ...fields,
        frequency: input.frequency,
        interval: input.interval,
        weekdays: input.weekdays,
        startDate: dayToDate(input.startDate),
        count: input.count,
        until: input.until ? dayToDate(input.until) : null,
        timezone,
      },
    });
    const edited = await tx.action.updateMany({ where: { seriesId: series.id, completedAt: null }, data: fields });
    let removed = 0;
    let added = 0;
    if (rescheduled) {
      const today = isoDate(now, timezone);
      removed = (await tx.action.deleteMany({ where: { seriesId: series.id, completedAt: null, dueDate: { gte: dayToDate(today) } } }))
        .count;
      const kept = await tx.action.findMany({ where: { seriesId: series.id }, select: { dueDate: true } });
      const keptDays = new Set(kept.map((a) => (a.dueDate ? isoDay(a.dueDate) : "")));
      const newDays = days.filter((d) => d >= today && !keptDays.has(d));
      await assertCoacheeRoom(tx, actor.organizationId, series.coacheeMembershipId, { actions: newDays.length });
      added = await addOccurrences(tx, actor, { ...series, ...fields }, newDays);
    }
    const goals = await recompute(tx, actor, goalIds);
    return { id: series.id, edited: edited.count, removed, added, goals };
  });
}

/** Deletes a series: its not-done occurrences go, its done ones stay as actions of their own. */
export async function deleteSeries(db: Db, actor: Actor, input: { seriesId: string }) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const { series, goalIds } = await lockedSeries(tx, actor, input.seriesId);
    // Detach the done ones first: the occurrences' foreign key cascades from the series.
    const kept = await tx.action.updateMany({ where: { seriesId: series.id, completedAt: { not: null } }, data: { seriesId: null } });
    const removed = await tx.action.deleteMany({ where: { seriesId: series.id } });
    await tx.actionSeries.delete({ where: { organizationId_id: { organizationId: actor.organizationId, id: series.id } } });
    const goals = await recompute(tx, actor, goalIds);
    return { id: series.id, kept: kept.count, removed: removed.count, goals };
  });
}

/** A series as its edit form shows it: the fields, the rule and its occurrences (due day, progress, done). */
export async function getSeries(db: Db, actor: Actor, seriesId: string) {
  assertCoacheeMaterialRole(actor.role);
  if (!isId(seriesId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const series = await tx.actionSeries.findFirst({ where: { id: seriesId } });
    if (!series) throw new NotFoundError();
    await reachCoachee(tx, actor, series.coacheeMembershipId);
    const occurrences = await tx.action.findMany({
      where: { seriesId: series.id },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: { id: true, dueDate: true, progress: true, completedAt: true },
    });
    return {
      id: series.id,
      coacheeMembershipId: series.coacheeMembershipId,
      goalId: series.goalId,
      milestoneId: series.milestoneId,
      title: series.title,
      description: series.description,
      weight: series.weight,
      monitoredByCoach: series.monitoredByCoach,
      frequency: series.frequency,
      interval: series.interval,
      weekdays: series.weekdays,
      startDate: isoDay(series.startDate),
      count: series.count,
      until: series.until ? isoDay(series.until) : null,
      timezone: series.timezone,
      occurrences,
    };
  });
}
