import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors";
import { moveActionItem, setActionItemProgress } from "../../lib/goals/action-items";
import { deleteGoal, deleteMilestone } from "../../lib/goals/goals";
import { goalFigures, milestoneFigures } from "../../lib/goals/rollup";
import {
  createSeries,
  createSeriesSchema,
  deleteSeries,
  getSeries,
  updateSeries,
  updateSeriesSchema,
  type CreateSeriesInput,
} from "../../lib/goals/series";
import { createActor, createCoachingRelationship, createGoal, createMilestone, createPathway } from "../factories";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createWorld } from "../support/world";
import { isoDay } from "../../lib/format/dates";
import { english } from "../support/english";

const db = testDb();

/** A coach and their coachee in London; another coach with a coachee of their own; the world's roles and second organisation. */
async function seriesWorld() {
  const w = await createWorld(db);
  const coach = await createActor(db, w.org.id, "COACH", { account: { timezone: "America/New_York" } });
  const coachee = await createActor(db, w.org.id, "PARTICIPANT", { account: { timezone: "Europe/London" } });
  await createCoachingRelationship(db, { coach: coach.membership, coachee: coachee.membership });
  const otherCoach = await createActor(db, w.org.id, "COACH");
  const othersCoachee = await createActor(db, w.org.id, "PARTICIPANT");
  await createCoachingRelationship(db, { coach: otherCoach.membership, coachee: othersCoachee.membership });
  return { ...w, coach, coachee, otherCoach, othersCoachee };
}

const form = (coacheeMembershipId: string, extra: Record<string, unknown> = {}) => ({
  coacheeMembershipId,
  goalId: "",
  milestoneId: "",
  title: "Run 5 km",
  description: "Easy pace",
  weight: "1",
  frequency: "DAILY",
  interval: "1",
  startDate: "2026-03-01",
  ends: "count",
  count: "5",
  until: "",
  ...extra,
});
const input = (coacheeMembershipId: string, extra: Record<string, unknown> = {}): CreateSeriesInput =>
  createSeriesSchema.parse(form(coacheeMembershipId, extra));
const editOf = (seriesId: string, extra: Record<string, unknown> = {}) => {
  const { coacheeMembershipId: _c, goalId: _g, milestoneId: _m, ...rest } = form("", extra);
  return updateSeriesSchema.parse({ seriesId, ...rest });
};

const occurrencesOf = (organizationId: string, seriesId: string) =>
  db.action.findMany({ where: { organizationId, seriesId }, orderBy: [{ dueDate: "asc" }] });
const days = (rows: { dueDate: Date | null }[]) => rows.map((r) => isoDay(r.dueDate!));

/** The goal's stored figures beside a recomputation from its rows. */
async function figures(organizationId: string, goalId: string) {
  const goal = await db.goal.findFirstOrThrow({ where: { organizationId, id: goalId } });
  const milestones = await db.milestone.findMany({ where: { organizationId, goalId }, include: { actions: true } });
  const direct = await db.action.findMany({ where: { organizationId, goalId, milestoneId: null } });
  return {
    stored: { progress: goal.progress, complete: goal.completedAt !== null },
    recomputed: goalFigures(milestones, direct),
    milestones: milestones.map((m) => ({ stored: m.progress, recomputed: milestoneFigures(m.actions).progress })),
  };
}

function fieldErrorsOf(e: unknown) {
  expect(e).toBeInstanceOf(ValidationError);
  return english((e as ValidationError).fieldErrors);
}

describe("series input", () => {
  it("says what is wrong at each field", () => {
    const problems = (extra: Record<string, unknown>) => {
      const r = createSeriesSchema.safeParse(form(crypto.randomUUID(), extra));
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), english(i.message)]));
    };
    expect(problems({ frequency: "WEEKLY" })).toEqual({ weekdays: "Choose at least one day of the week" });
    expect(problems({ frequency: "YEARLY" })).toEqual({ frequency: "Choose how often it repeats" });
    expect(problems({ interval: "0" })).toEqual({ interval: "Use a whole number from 1 to 99" });
    expect(problems({ count: "" })).toEqual({ count: "Enter how many times it repeats" });
    expect(problems({ count: "367" })).toEqual({ count: "Use a whole number from 1 to 366" });
    expect(problems({ ends: "until", until: "" })).toEqual({ until: "Choose the last day" });
    expect(problems({ ends: "until", until: "2026-02-28" })).toEqual({ until: "The last day must be on or after the first day" });
    expect(problems({ ends: "until", until: "2028-03-02" })).toEqual({
      until: "The last day must be within 2 years of the first day (by Wed 1 Mar 2028)",
    });
    expect(problems({ startDate: "2026-02-30" })).toEqual({ startDate: "Choose the first day, like 2026-01-31" });
    expect(problems({ frequency: "WEEKLY", weekdays: ["1", "Funday"] })).toEqual({ weekdays: "Choose days of the week from the list" });
    expect(problems({ frequency: "WEEKLY", weekdays: "8" })).toEqual({ weekdays: "Choose days of the week from the list" });
    expect(problems({ ends: "never" })).toEqual({ ends: "Choose how the series ends" });
    // Exactly one way to end: the field not chosen is dropped; weekdays only count for weekly.
    const parsed = createSeriesSchema.parse(form(crypto.randomUUID(), { ends: "until", until: "2026-03-09", count: "7", weekdays: ["3"] }));
    expect(parsed).toMatchObject({ count: null, until: "2026-03-09", weekdays: [] });
    expect(createSeriesSchema.parse(form(crypto.randomUUID(), { frequency: "WEEKLY", weekdays: ["5", "1", "5"] })).weekdays).toEqual([
      1, 5,
    ]);
    // Malformed values anywhere are a message at their field, never an exception.
    const malformed = ["", " ", "\u0000", "1e400", "-1", "NaN", "9999-12-31", "0000-01-01", "2026-13-01", "x".repeat(10_000), ["1", "2"]];
    let fuzzed = 0;
    let thrown = 0;
    for (const field of ["frequency", "interval", "startDate", "ends", "count", "until", "weight", "title"])
      for (const value of malformed) {
        fuzzed++;
        try {
          const r = createSeriesSchema.safeParse(
            form(crypto.randomUUID(), { ends: field === "until" ? "until" : "count", [field]: value }),
          );
          if (!r.success) for (const issue of r.error.issues) expect(typeof issue.message).toBe("string");
        } catch {
          thrown++;
        }
      }
    recordFigures("series-input", { fuzzedInputs: fuzzed, serverErrors: thrown });
    expect([fuzzed, thrown]).toEqual([88, 0]);
    expect(createSeriesSchema.safeParse(form(crypto.randomUUID(), { startDate: "9999-12-31" })).success).toBe(false);
    expect(createSeriesSchema.safeParse(form(crypto.randomUUID(), { count: "1e400" })).success).toBe(false);
    // organizationId and the like are refused outright.
    expect(createSeriesSchema.safeParse({ ...form(crypto.randomUUID()), organizationId: crypto.randomUUID() }).success).toBe(false);
  });
});

describe("recurring actions through the services", () => {
  let w: Awaited<ReturnType<typeof seriesWorld>>;
  beforeAll(async () => {
    w = await seriesWorld();
  });

  it("creates one action per occurrence on a milestone, in order, and rolls the goal up", async () => {
    const goal = await createGoal(db, { organizationId: w.org.id, id: w.coachee.membershipId });
    const milestone = await createMilestone(db, goal);
    await setActionItemProgress(db, w.coach, {
      actionId: (await createSeriesAndFirst(w.coach, input(w.coachee.membershipId, { milestoneId: milestone.id, count: "1" }))).id,
      progress: 100,
    });
    expect((await figures(w.org.id, goal.id)).stored).toEqual({ progress: 100, complete: true });
    // A weekly series on the same milestone reopens it: five more actions at 0%.
    const made = await createSeries(
      db,
      w.coach,
      input(w.coachee.membershipId, { milestoneId: milestone.id, frequency: "WEEKLY", weekdays: ["1", "4"], startDate: "2026-03-19" }),
    );
    expect(made.occurrences).toBe(5);
    expect(made.goal).toMatchObject({ progress: 17, complete: false });
    const rows = await occurrencesOf(w.org.id, made.id);
    // In the coachee's zone (London), across its change on 29 March: Mondays and Thursdays.
    expect(days(rows)).toEqual(["2026-03-19", "2026-03-23", "2026-03-26", "2026-03-30", "2026-04-02"]);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.every((r) => r.goalId === goal.id && r.milestoneId === milestone.id && r.title === "Run 5 km")).toBe(true);
    const f = await figures(w.org.id, goal.id);
    expect(f.stored).toEqual(f.recomputed);
    expect(f.milestones).toHaveLength(1);
    expect(f.milestones.every((m) => m.stored === m.recomputed)).toBe(true);
    const series = await getSeries(db, w.coachee, made.id);
    expect(series).toMatchObject({ timezone: "Europe/London", frequency: "WEEKLY", weekdays: [1, 4], count: 5, until: null });
    expect(series.occurrences).toHaveLength(5);
  });

  it("edits change only the occurrences not yet done; a new schedule keeps done and past ones", async () => {
    const goal = await createGoal(db, { organizationId: w.org.id, id: w.coachee.membershipId });
    const made = await createSeries(db, w.coachee, input(w.coachee.membershipId, { goalId: goal.id, count: "14" }));
    let rows = await occurrencesOf(w.org.id, made.id);
    expect(days(rows)).toHaveLength(14);
    // Done: 3 March (past) and 12 March (after "today", 10 March, done early).
    const done = [rows[2], rows[11]];
    for (const r of done) await setActionItemProgress(db, w.coach, { actionId: r.id, progress: 100 });

    await updateSeries(db, w.coach, editOf(made.id, { title: "Run 6 km", weight: "3", count: "14" }));
    rows = await occurrencesOf(w.org.id, made.id);
    expect(rows.filter((r) => r.completedAt).map((r) => [r.title, r.weight])).toEqual([
      ["Run 5 km", 1],
      ["Run 5 km", 1],
    ]);
    expect(new Set(rows.filter((r) => !r.completedAt).map((r) => `${r.title}/${r.weight}`))).toEqual(new Set(["Run 6 km/3"]));
    expect(rows).toHaveLength(14);
    let f = await figures(w.org.id, goal.id);
    expect(f.stored).toEqual(f.recomputed);

    // New schedule from "today" (10 March in London): Mondays and Thursdays until 26 March.
    const now = new Date("2026-03-10T12:00:00Z");
    const result = await updateSeries(
      db,
      w.coach,
      editOf(made.id, { title: "Run 6 km", frequency: "WEEKLY", weekdays: ["1", "4"], ends: "until", until: "2026-03-26" }),
      now,
    );
    rows = await occurrencesOf(w.org.id, made.id);
    // Kept: 1-9 March (past; 3 March done), 12 March (done); replaced: the rest from 10 March on.
    expect(days(rows)).toEqual([
      "2026-03-01",
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
      "2026-03-09",
      "2026-03-12",
      "2026-03-16",
      "2026-03-19",
      "2026-03-23",
      "2026-03-26",
    ]);
    expect(result).toMatchObject({ removed: 4, added: 4 });
    expect(rows.filter((r) => r.completedAt).map((r) => r.id)).toEqual(done.map((r) => r.id));
    f = await figures(w.org.id, goal.id);
    expect(f.stored).toEqual(f.recomputed);
    // The same schedule again changes no occurrence, only fields.
    expect(
      await updateSeries(
        db,
        w.coach,
        editOf(made.id, { title: "Run 7 km", frequency: "WEEKLY", weekdays: ["4", "1"], ends: "until", until: "2026-03-26" }),
        now,
      ),
    ).toMatchObject({ removed: 0, added: 0, edited: 12 });
  });

  it("deleting a series removes the occurrences not done and keeps the done ones as plain actions", async () => {
    const goal = await createGoal(db, { organizationId: w.org.id, id: w.coachee.membershipId });
    const made = await createSeries(db, w.coach, input(w.coachee.membershipId, { goalId: goal.id, count: "4" }));
    const rows = await occurrencesOf(w.org.id, made.id);
    await setActionItemProgress(db, w.coachee, { actionId: rows[0].id, progress: 100 });
    await setActionItemProgress(db, w.coachee, { actionId: rows[1].id, progress: 40 });
    expect((await figures(w.org.id, goal.id)).stored.progress).toBe(35);
    expect(await deleteSeries(db, w.coachee, { seriesId: made.id })).toMatchObject({ kept: 1, removed: 3 });
    const left = await db.action.findMany({ where: { organizationId: w.org.id, goalId: goal.id } });
    expect(left.map((a) => [a.id, a.seriesId, a.progress])).toEqual([[rows[0].id, null, 100]]);
    expect(await db.actionSeries.count({ where: { organizationId: w.org.id, id: made.id } })).toBe(0);
    expect((await figures(w.org.id, goal.id)).stored).toEqual({ progress: 100, complete: true });
  });

  it("deleting the goal or milestone a series was placed on keeps its occurrences moved elsewhere, done or not, and their goal's figures", async () => {
    const [first, second] = [
      await createGoal(db, { organizationId: w.org.id, id: w.coachee.membershipId }),
      await createGoal(db, { organizationId: w.org.id, id: w.coachee.membershipId }),
    ];
    const onMilestone = await createMilestone(db, first);
    const made = await createSeries(db, w.coach, input(w.coachee.membershipId, { milestoneId: onMilestone.id, count: "3" }));
    const rows = await occurrencesOf(w.org.id, made.id);
    // The first occurrence moves to the second goal and is done there; the second moves out of any goal.
    await moveActionItem(db, w.coachee, { actionId: rows[0].id, goalId: second.id, milestoneId: null });
    await setActionItemProgress(db, w.coachee, { actionId: rows[0].id, progress: 100 });
    await moveActionItem(db, w.coachee, { actionId: rows[1].id, goalId: null, milestoneId: null });
    expect((await figures(w.org.id, second.id)).stored).toEqual({ progress: 100, complete: true });

    await deleteMilestone(db, w.coach, { milestoneId: onMilestone.id });
    const kept = await db.action.findMany({
      where: { organizationId: w.org.id, id: { in: rows.map((r) => r.id) } },
      orderBy: { dueDate: "asc" },
    });
    expect(kept.map((a) => [a.id, a.goalId, a.seriesId, a.progress])).toEqual([
      [rows[0].id, second.id, null, 100],
      [rows[1].id, null, null, 0],
    ]);
    const f = await figures(w.org.id, second.id);
    expect(f.stored).toEqual(f.recomputed);
    expect(f.stored).toEqual({ progress: 100, complete: true });

    // The same for a series placed on a goal that is then deleted.
    const onGoal = await createSeries(db, w.coach, input(w.coachee.membershipId, { goalId: first.id, count: "2" }));
    const [stays] = await occurrencesOf(w.org.id, onGoal.id);
    await moveActionItem(db, w.coach, { actionId: stays.id, goalId: second.id, milestoneId: null });
    await deleteGoal(db, w.coach, { goalId: first.id });
    expect(await db.action.findFirst({ where: { organizationId: w.org.id, id: stays.id } })).toMatchObject({
      goalId: second.id,
      seriesId: null,
    });
    expect(await db.action.count({ where: { organizationId: w.org.id, goalId: first.id } })).toBe(0);
  });

  it("refuses more than 366 occurrences or an end beyond two years, and changes nothing", async () => {
    const before = await db.action.count({ where: { organizationId: w.org.id } });
    const refused = async (extra: Record<string, unknown>) =>
      fieldErrorsOf(await createSeries(db, w.coach, input(w.coachee.membershipId, extra)).catch((e) => e));
    expect(await refused({ ends: "until", until: "2027-03-02" })).toEqual({
      until: ["That makes more than 366 occurrences: choose an earlier end day or a longer interval"],
    });
    expect(await refused({ frequency: "MONTHLY", interval: "12", count: "4" })).toEqual({
      count: ["4 occurrences would end more than 2 years after the first day: choose fewer"],
    });
    expect(await refused({ frequency: "WEEKLY", weekdays: ["3"], ends: "until", until: "2026-03-03" })).toEqual({
      until: ["No day of this schedule falls between the first day and the end day"],
    });
    expect(await db.action.count({ where: { organizationId: w.org.id } })).toBe(before);
    // Positive controls at the caps.
    expect((await createSeries(db, w.coach, input(w.coachee.membershipId, { count: "366" }))).occurrences).toBe(366);
    expect((await createSeries(db, w.coach, input(w.coachee.membershipId, { ends: "until", until: "2027-03-01" }))).occurrences).toBe(366);
  });

  it("slider moves racing a series edit and its deletion leave the goal's figures equal to a recomputation", async () => {
    const goal = await createGoal(db, { organizationId: w.org.id, id: w.coachee.membershipId });
    const milestone = await createMilestone(db, goal);
    const made = await createSeries(db, w.coach, input(w.coachee.membershipId, { milestoneId: milestone.id, count: "30" }));
    const rows = await occurrencesOf(w.org.id, made.id);
    const moves = rows.map((r, i) =>
      setActionItemProgress(db, i % 2 ? w.coach : w.coachee, { actionId: r.id, progress: i % 3 ? 100 : 50 }),
    );
    const edits = [1, 2, 3].map((n) => updateSeries(db, w.coach, editOf(made.id, { weight: String(n + 1), count: "30" })));
    const settled = await Promise.allSettled([...moves, ...edits]);
    expect(settled.filter((r) => r.status === "rejected")).toEqual([]);
    let f = await figures(w.org.id, goal.id);
    recordFigures("series", {
      concurrentSliderMoves: moves.length,
      staleRollups: JSON.stringify(f.stored) === JSON.stringify(f.recomputed) ? 0 : 1,
    });
    expect(f.stored).toEqual(f.recomputed);
    expect(f.milestones).toHaveLength(1);
    expect(f.milestones.every((m) => m.stored === m.recomputed)).toBe(true);
    // Deleting while the remaining not-done ones are completed: each either completes first (and is kept) or goes.
    const open = (await occurrencesOf(w.org.id, made.id)).filter((r) => !r.completedAt);
    expect(open.length).toBeGreaterThan(0);
    const racing = await Promise.allSettled([
      deleteSeries(db, w.coachee, { seriesId: made.id }),
      ...open.map((r) => setActionItemProgress(db, w.coach, { actionId: r.id, progress: 100 })),
    ]);
    for (const r of racing) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(NotFoundError);
    const left = await db.action.findMany({ where: { organizationId: w.org.id, goalId: goal.id } });
    expect(left.every((a) => a.completedAt !== null && a.seriesId === null)).toBe(true);
    expect(left.length).toBe(30 - open.length + racing.slice(1).filter((r) => r.status === "fulfilled").length);
    f = await figures(w.org.id, goal.id);
    expect(f.stored).toEqual(f.recomputed);
  });

  it("a coachee not yet joined has no zone of their own: their latest pathway's is used, else UTC, and stored", async () => {
    const coachee = await createActor(db, w.org.id, "PARTICIPANT", { status: "NOT_INVITED" });
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: coachee.membership });
    const made = await createSeries(db, w.coach, input(coachee.membershipId));
    expect((await getSeries(db, w.coach, made.id)).timezone).toBe("UTC");
    await createPathway(
      db,
      { cohort: w.cohort, participant: coachee.membership, coach: w.coach.membership },
      { timezone: "Pacific/Kiritimati" },
    );
    // 1 March at 09:00 in Kiritimati (UTC+14) is 28 February in UTC: the due day is the coachee's local one.
    const far = await createSeries(db, w.coach, input(coachee.membershipId, { count: "2" }));
    expect((await getSeries(db, w.coach, far.id)).timezone).toBe("Pacific/Kiritimati");
    expect(days(await occurrencesOf(w.org.id, far.id))).toEqual(["2026-03-01", "2026-03-02"]);
  });
});

describe("recurring actions: who may do what", () => {
  let w: Awaited<ReturnType<typeof seriesWorld>>;
  beforeAll(async () => {
    w = await seriesWorld();
  });

  it("the coachee and their coach; another coach and another organisation find nothing; admins are refused", async () => {
    // Positive controls: the coachee on their own, their coach on their coachee.
    const own = await createSeries(db, w.coachee, input(w.coachee.membershipId));
    const coached = await createSeries(db, w.coach, input(w.coachee.membershipId));
    await updateSeries(db, w.coachee, editOf(coached.id, { title: "Edited by the coachee" }));
    await updateSeries(db, w.coach, editOf(own.id, { title: "Edited by the coach" }));
    expect((await getSeries(db, w.coach, own.id)).title).toBe("Edited by the coach");
    const snapshot = async () => JSON.stringify(await db.action.findMany({ where: { organizationId: w.org.id }, orderBy: { id: "asc" } }));
    const before = await snapshot();

    const missing = crypto.randomUUID();
    for (const actor of [w.otherCoach, w.othersCoachee, w.other.coach, w.other.admin] as Actor[]) {
      // Another organisation's admin is refused by role before any id is read (admins never work on goals).
      const expected = actor === w.other.admin ? ForbiddenError : NotFoundError;
      await expect(createSeries(db, actor, input(w.coachee.membershipId))).rejects.toThrow(expected);
      for (const id of [own.id, missing]) {
        await expect(updateSeries(db, actor, editOf(id))).rejects.toThrow(expected);
        await expect(deleteSeries(db, actor, { seriesId: id })).rejects.toThrow(expected);
        await expect(getSeries(db, actor, id)).rejects.toThrow(expected);
      }
    }
    // Another organisation's coach reaching for this one's series answers exactly like a missing id.
    const answer = (p: Promise<unknown>) => p.then(String, (e: Error) => `${e.constructor.name}: ${english(e.message)}`);
    expect(await answer(getSeries(db, w.other.coach, own.id))).toBe(await answer(getSeries(db, w.other.coach, missing)));
    for (const actor of [w.admin, w.owner, w.pm, w.sponsor]) {
      await expect(createSeries(db, actor, input(w.coachee.membershipId))).rejects.toThrow(ForbiddenError);
      await expect(deleteSeries(db, actor, { seriesId: own.id })).rejects.toThrow(ForbiddenError);
      await expect(getSeries(db, actor, own.id)).rejects.toThrow(ForbiddenError);
    }
    // A goal of another coachee is not a place for this coachee's series.
    const theirGoal = await createGoal(db, { organizationId: w.org.id, id: w.othersCoachee.membershipId });
    expect(fieldErrorsOf(await createSeries(db, w.coach, input(w.coachee.membershipId, { goalId: theirGoal.id })).catch((e) => e))).toEqual(
      { goalId: ["Choose one of the goals listed"] },
    );
    expect(await snapshot()).toBe(before);
    // And the owners still may: the coachee deletes the coach's series.
    await expect(deleteSeries(db, w.coachee, { seriesId: coached.id })).resolves.toMatchObject({ removed: 5 });
  });
});

async function createSeriesAndFirst(actor: Actor, i: CreateSeriesInput) {
  const made = await createSeries(db, actor, i);
  return (await occurrencesOf(actor.organizationId, made.id))[0];
}
