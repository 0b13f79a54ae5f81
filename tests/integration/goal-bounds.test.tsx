import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GoalTree, type GoalActions } from "../../components/goals/goal-tree";
import type { Db } from "../../lib/db/client";
import { createActionItem, createActionItemSchema } from "../../lib/goals/action-items";
import { LimitReachedError } from "../../lib/goals/caps";
import { addComment, addCommentSchema, listCoacheeComments } from "../../lib/goals/comments";
import { createGoal, createMilestone } from "../../lib/goals/goals";
import { GOAL_LIMITS, GOALS_SHOWN, LIMIT_MESSAGES } from "../../lib/goals/limits";
import { createSeries, createSeriesSchema, updateSeries, updateSeriesSchema } from "../../lib/goals/series";
import { goalsView, shownSubjects } from "../../lib/goals/views";
import { createActor, createCoachingRelationship, createOrganization, type TestActor } from "../factories";
import { testDb } from "../support/db";
import { inLocale } from "../support/intl";
import { recordFigures } from "../support/figures";

// The bounds of a coachee's goals (lib/goals/limits.ts): each cap holds at its number and refuses one
// past it, stating the limit, before anything is written; parallel requests meet a shared cap as a
// sequence would; and the largest goals world the caps allow renders every goals page in a bounded size,
// with bytes per shown action no larger at the cap than at 100 actions.

const db = testDb();
let tried = 0;
let breached = 0;

/** One attempt past a bound: refused with the cap's message, or counted as a breach. */
async function pastBound(cap: keyof typeof GOAL_LIMITS, attempt: () => Promise<unknown>) {
  tried++;
  const outcome = await attempt().then(
    () => "accepted",
    (e: unknown) => e,
  );
  if (!(outcome instanceof LimitReachedError)) breached++;
  expect(outcome).toBeInstanceOf(LimitReachedError);
  expect((outcome as LimitReachedError).message).toBe(LIMIT_MESSAGES[cap]);
}

async function coachAndCoachee() {
  const org = await createOrganization(db);
  const coach = await createActor(db, org.id, "COACH");
  const coachee = await createActor(db, org.id, "PARTICIPANT");
  await createCoachingRelationship(db, { coach: coach.membership, coachee: coachee.membership });
  return { org, coach, coachee };
}

/** A daily series' fields as its form sends them, `count` times from 1 March 2026. */
const schedule = (count: number) => ({
  title: "Walk",
  description: "",
  weight: "1",
  frequency: "DAILY",
  interval: "1",
  startDate: "2026-03-01",
  ends: "count",
  count: String(count),
  until: "",
});

const seriesForm = (coacheeMembershipId: string, count: number) =>
  createSeriesSchema.parse({ coacheeMembershipId, goalId: "", milestoneId: "", ...schedule(count) });

const actionForm = (coacheeMembershipId: string, title = "One more") =>
  createActionItemSchema.parse({ coacheeMembershipId, goalId: "", milestoneId: "", title, description: "", weight: "1" });

/** `n` actions written straight to the table (standalone unless placed), open unless `done`. */
async function fillActions(
  db: Db,
  coachee: TestActor,
  n: number,
  { done = false, goalId = null, milestoneId = null }: { done?: boolean; goalId?: string | null; milestoneId?: string | null } = {},
) {
  const start = await db.action.count({ where: { organizationId: coachee.organizationId, coacheeMembershipId: coachee.membershipId } });
  for (let i = 0; i < n; i += 1000)
    await db.action.createMany({
      data: Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({
        organizationId: coachee.organizationId,
        coacheeMembershipId: coachee.membershipId,
        goalId,
        milestoneId,
        title: `Action ${start + i + j}`,
        progress: done ? 100 : 0,
        completedAt: done ? new Date() : null,
        position: start + i + j,
        createdByMembershipId: coachee.membershipId,
      })),
    });
}

describe("goal bounds", () => {
  it("goals per coachee: the last one fits, one more is refused with the limit stated, and nothing is written", async () => {
    const { coach, coachee } = await coachAndCoachee();
    await db.goal.createMany({
      data: Array.from({ length: GOAL_LIMITS.goalsPerCoachee - 1 }, (_, i) => ({
        organizationId: coachee.organizationId,
        coacheeMembershipId: coachee.membershipId,
        title: `Goal ${i}`,
        position: i,
        createdByMembershipId: coachee.membershipId,
      })),
    });
    const input = { coacheeMembershipId: coachee.membershipId, title: "Last", description: "", dueDate: null };
    await expect(createGoal(db, coach, input)).resolves.toMatchObject({ id: expect.any(String) });
    await pastBound("goalsPerCoachee", () => createGoal(db, coachee, { ...input, title: "One too many" }));
    expect(await db.goal.count({ where: { organizationId: coachee.organizationId, coacheeMembershipId: coachee.membershipId } })).toBe(
      GOAL_LIMITS.goalsPerCoachee,
    );
  });

  it("milestones per goal, and comments per thread, hold at their numbers", async () => {
    const { coach, coachee } = await coachAndCoachee();
    const goal = await createGoal(db, coach, { coacheeMembershipId: coachee.membershipId, title: "Big", description: "", dueDate: null });
    await db.milestone.createMany({
      data: Array.from({ length: GOAL_LIMITS.milestonesPerGoal - 1 }, (_, i) => ({
        organizationId: coachee.organizationId,
        goalId: goal.id,
        title: `M${i}`,
        position: i,
      })),
    });
    await expect(createMilestone(db, coachee, { goalId: goal.id, title: "Last", dueDate: null })).resolves.toMatchObject({
      id: expect.any(String),
    });
    await pastBound("milestonesPerGoal", () => createMilestone(db, coach, { goalId: goal.id, title: "Past", dueDate: null }));
    expect(await db.milestone.count({ where: { organizationId: coachee.organizationId, goalId: goal.id } })).toBe(
      GOAL_LIMITS.milestonesPerGoal,
    );

    await db.comment.createMany({
      data: Array.from({ length: GOAL_LIMITS.commentsPerThread - 1 }, (_, i) => ({
        organizationId: coachee.organizationId,
        coacheeMembershipId: coachee.membershipId,
        goalId: goal.id,
        authorMembershipId: coachee.membershipId,
        body: `Comment ${i}`,
      })),
    });
    const comment = (body: string) => addCommentSchema.parse({ goalId: goal.id, body });
    await expect(addComment(db, coach, comment("The last one"))).resolves.toMatchObject({ id: expect.any(String) });
    await pastBound("commentsPerThread", () => addComment(db, coachee, comment("Past it")));
    expect(await db.comment.count({ where: { organizationId: coachee.organizationId, goalId: goal.id } })).toBe(
      GOAL_LIMITS.commentsPerThread,
    );
  });

  it("open actions, all actions and series per coachee hold for single actions, new series and rescheduled ones", async () => {
    const { coach, coachee } = await coachAndCoachee();
    await fillActions(db, coachee, GOAL_LIMITS.openActionsPerCoachee - 1);
    await expect(createActionItem(db, coach, actionForm(coachee.membershipId))).resolves.toMatchObject({ id: expect.any(String) });
    await pastBound("openActionsPerCoachee", () => createActionItem(db, coachee, actionForm(coachee.membershipId)));
    await pastBound("openActionsPerCoachee", () => createSeries(db, coach, seriesForm(coachee.membershipId, 1)));

    // Done ones count toward the whole: with the open ones done, the total cap is what refuses.
    await db.action.updateMany({
      where: { organizationId: coachee.organizationId, coacheeMembershipId: coachee.membershipId },
      data: { progress: 100, completedAt: new Date() },
    });
    await fillActions(db, coachee, GOAL_LIMITS.actionsPerCoachee - GOAL_LIMITS.openActionsPerCoachee - 3, { done: true });
    const series = await createSeries(db, coach, seriesForm(coachee.membershipId, 3));
    expect(series.occurrences).toBe(3);
    await pastBound("actionsPerCoachee", () => createActionItem(db, coachee, actionForm(coachee.membershipId)));
    // A new schedule that adds more occurrences than it removes is held to the same cap.
    await pastBound("actionsPerCoachee", () =>
      updateSeries(db, coach, updateSeriesSchema.parse({ seriesId: series.id, ...schedule(10) }), new Date("2026-02-01T12:00:00Z")),
    );
    expect(await db.action.count({ where: { organizationId: coachee.organizationId, coacheeMembershipId: coachee.membershipId } })).toBe(
      GOAL_LIMITS.actionsPerCoachee,
    );
  });

  it("series per coachee: the last fits, one more is refused", async () => {
    const { coach, coachee } = await coachAndCoachee();
    for (let i = 0; i < GOAL_LIMITS.seriesPerCoachee; i++) await createSeries(db, coach, seriesForm(coachee.membershipId, 1));
    await pastBound("seriesPerCoachee", () => createSeries(db, coachee, seriesForm(coachee.membershipId, 1)));
    expect(
      await db.actionSeries.count({ where: { organizationId: coachee.organizationId, coacheeMembershipId: coachee.membershipId } }),
    ).toBe(GOAL_LIMITS.seriesPerCoachee);
  });

  it("parallel series against the open-actions cap: exactly those that fit are made, and the cap holds", async () => {
    const { coach, coachee } = await coachAndCoachee();
    const room = 100;
    await fillActions(db, coachee, GOAL_LIMITS.openActionsPerCoachee - room);
    // Six series of 40 in parallel: two fit (80), a third would pass the cap (120).
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => createSeries(db, coach, seriesForm(coachee.membershipId, 40))),
    );
    const made = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter((r) => r.status === "rejected" && r.reason instanceof LimitReachedError).length;
    tried += refused;
    const open = await db.action.count({
      where: { organizationId: coachee.organizationId, coacheeMembershipId: coachee.membershipId, completedAt: null },
    });
    if (open > GOAL_LIMITS.openActionsPerCoachee) breached++;
    expect({ made, refused, open }).toEqual({ made: 2, refused: 4, open: GOAL_LIMITS.openActionsPerCoachee - room + 80 });
  });
});

describe("goals pages at the caps", () => {
  const noop = async () => ({ ok: true as const });
  const ACTIONS = new Proxy({} as GoalActions, {
    get: (_, key) => (key === "comments" ? { add: noop, edit: noop, remove: noop } : noop),
  });
  const links = { goal: (g: string) => `?goal=${g}`, place: (p: string) => `/actions?place=${p}`, thread: (g: string) => `?thread=${g}` };

  /** The goals page with each goal open in turn, as `viewer` sees it: bytes of each, and actions shown on each. */
  async function renderAll(viewer: TestActor, coachee: TestActor) {
    const pages: { bytes: number; shown: number }[] = [];
    const goals = (await goalsView(db, viewer, coachee.membershipId)).goals.map((g) => g.id);
    for (const goal of goals) {
      const view = await goalsView(db, viewer, coachee.membershipId, { goal });
      const subjects = shownSubjects(view);
      const comments = await listCoacheeComments(db, viewer, coachee.membershipId, subjects);
      const html = renderToString(
        inLocale(
          <GoalTree
            org="acme"
            coacheeId={coachee.membershipId}
            own={viewer.membershipId === coachee.membershipId}
            view={view}
            actions={ACTIONS}
            name="Pat's"
            comments={comments}
            links={links}
            viewerZone="Europe/London"
          />,
        ),
      );
      pages.push({ bytes: Buffer.byteLength(html), shown: subjects.countIds.length });
    }
    return pages;
  }

  /** A coachee with `goals` goals of `milestones` milestones, and `actions` actions spread over them. */
  async function world(shape: { goals: number; milestones: number; actions: number; comments: number }) {
    const { coach, coachee } = await coachAndCoachee();
    const title = (kind: string, i: number) => `${kind} ${i} ${"x".repeat(180)}`.slice(0, 200);
    await db.goal.createMany({
      data: Array.from({ length: shape.goals }, (_, i) => ({
        organizationId: coachee.organizationId,
        coacheeMembershipId: coachee.membershipId,
        title: title("Goal", i),
        description: "d".repeat(2000),
        position: i,
        createdByMembershipId: coachee.membershipId,
      })),
    });
    const goals = await db.goal.findMany({ where: { organizationId: coachee.organizationId, coacheeMembershipId: coachee.membershipId } });
    await db.milestone.createMany({
      data: goals.flatMap((g) =>
        Array.from({ length: shape.milestones }, (_, i) => ({
          organizationId: g.organizationId,
          goalId: g.id,
          title: title("Milestone", i),
          position: i,
        })),
      ),
    });
    const milestones = await db.milestone.findMany({
      where: { organizationId: coachee.organizationId, goalId: { in: goals.map((g) => g.id) } },
    });
    const places = milestones.length ? milestones : [null];
    const rows = Array.from({ length: shape.actions }, (_, i) => {
      const m = places[i % places.length];
      return {
        organizationId: coachee.organizationId,
        coacheeMembershipId: coachee.membershipId,
        goalId: m?.goalId ?? null,
        milestoneId: m?.id ?? null,
        title: title("Action", i),
        description: "a".repeat(2000),
        position: i,
        createdByMembershipId: coachee.membershipId,
      };
    });
    for (let i = 0; i < rows.length; i += 1000) await db.action.createMany({ data: rows.slice(i, i + 1000) });
    const actions = await db.action.findMany({
      where: { organizationId: coachee.organizationId, coacheeMembershipId: coachee.membershipId },
      select: { id: true },
    });
    const comments = actions.slice(0, 40).flatMap((a) =>
      Array.from({ length: shape.comments }, (_, i) => ({
        organizationId: coachee.organizationId,
        coacheeMembershipId: coachee.membershipId,
        actionId: a.id,
        authorMembershipId: i % 2 ? coach.membershipId : coachee.membershipId,
        body: "c".repeat(1000),
      })),
    );
    for (let i = 0; i < comments.length; i += 1000) await db.comment.createMany({ data: comments.slice(i, i + 1000) });
    return { coach, coachee };
  }

  /** The largest page of the world, as the coach and as the coachee, and bytes per shown action. */
  async function measure(w: { coach: TestActor; coachee: TestActor }) {
    const all = [...(await renderAll(w.coach, w.coachee)), ...(await renderAll(w.coachee, w.coachee))];
    const largest = Math.max(...all.map((p) => p.bytes));
    const perAction = Math.max(...all.filter((p) => p.shown).map((p) => p.bytes / p.shown));
    return { pages: all.length, largest, perAction, shown: all.map((p) => p.shown) };
  }

  const PAGE_BUDGET = 3 * 1024 * 1024;
  let small: Awaited<ReturnType<typeof measure>>;

  beforeAll(async () => {
    small = await measure(await world({ goals: 2, milestones: 5, actions: 100, comments: 3 }));
  }, 120_000);

  it("the largest world the caps allow: every page, as the coach and as the coachee, stays under 3 MB, and bytes per shown action do not grow", async () => {
    const big = await world({
      goals: GOAL_LIMITS.goalsPerCoachee,
      milestones: GOAL_LIMITS.milestonesPerGoal,
      actions: GOAL_LIMITS.actionsPerCoachee,
      comments: GOAL_LIMITS.commentsPerThread / 10,
    });
    const heapBefore = process.memoryUsage().heapUsed;
    const atCap = await measure(big);
    const heapGrowthMB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    console.log(
      `goals pages: at 100 actions ${small.pages} pages, largest ${(small.largest / 1024).toFixed(0)} KB, ${small.perAction.toFixed(0)} bytes per shown action; ` +
        `at the caps (${GOAL_LIMITS.goalsPerCoachee} goals x ${GOAL_LIMITS.milestonesPerGoal} milestones, ${GOAL_LIMITS.actionsPerCoachee} actions) ` +
        `${atCap.pages} pages, largest ${(atCap.largest / 1024).toFixed(0)} KB, ${atCap.perAction.toFixed(0)} bytes per shown action; heap growth ${heapGrowthMB.toFixed(1)} MB`,
    );
    tried += atCap.pages;
    if (atCap.largest > PAGE_BUDGET) breached++;
    expect(atCap.largest).toBeLessThan(PAGE_BUDGET);
    // Per shown action, a page at the caps carries the milestones and forms around its actions; it must
    // not grow with the world (the old page carried every sibling's id on every action).
    expect(atCap.perAction).toBeLessThan(small.perAction * 3);
    expect(atCap.pages).toBe(2 * GOAL_LIMITS.goalsPerCoachee);
    expect(Math.max(...atCap.shown)).toBeLessThanOrEqual(GOALS_SHOWN.actionsPerPage);
  }, 300_000);
});

describe("figures", () => {
  it("records the bounds tried and breached", () => {
    expect(tried).toBeGreaterThan(0);
    recordFigures("goal-bounds", { boundsTried: tried, boundsBreached: breached });
  });
});
