import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors";
import {
  createActionItem as newAction,
  createActionItemSchema,
  deleteActionItem,
  moveActionItem,
  setActionItemProgress,
  updateActionItem,
  updateActionItemSchema,
} from "../../lib/goals/action-items";
import {
  createGoal as newGoal,
  createGoalSchema,
  createMilestone as newMilestone,
  deleteGoal,
  deleteMilestone,
  goalsOverview,
  listGoals,
  updateGoal,
  updateMilestone,
} from "../../lib/goals/goals";
import { reorder } from "../../lib/goals/reorder";
import { goalFigures, milestoneFigures } from "../../lib/goals/rollup";
import { createActionItem, createActor, createCoachingRelationship, createGoal, createMilestone } from "../factories";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createWorld } from "../support/world";

const db = testDb();

/** The world's participant is the coachee (their pathway's coach is their coach); a second coach coaches someone else. */
async function goalsWorld() {
  const w = await createWorld(db);
  const otherCoach = await createActor(db, w.org.id, "COACH");
  const othersCoachee = await createActor(db, w.org.id, "PARTICIPANT");
  await createCoachingRelationship(db, { coach: otherCoach.membership, coachee: othersCoachee.membership });
  const otherOrgCoachee = await createActor(db, w.other.org.id, "PARTICIPANT");
  await createCoachingRelationship(db, { coach: w.other.coach.membership, coachee: otherOrgCoachee.membership });
  return { ...w, coachee: w.participant, otherCoach, othersCoachee, otherOrgCoachee };
}
type GoalsWorld = Awaited<ReturnType<typeof goalsWorld>>;

const stored = async (organizationId: string, goalId: string) => {
  const goal = await db.goal.findFirstOrThrow({
    where: { organizationId, id: goalId },
    include: { milestones: { orderBy: { position: "asc" } } },
  });
  return {
    goal: { progress: goal.progress, complete: goal.completedAt !== null },
    milestones: goal.milestones.map((m) => ({ progress: m.progress, complete: m.completedAt !== null })),
  };
};
/** What the figures should be, recomputed from the rows. */
const recomputed = async (organizationId: string, goalId: string) => {
  const milestones = await db.milestone.findMany({
    where: { organizationId, goalId },
    orderBy: { position: "asc" },
    include: { actions: true },
  });
  const direct = await db.action.findMany({ where: { organizationId, goalId, milestoneId: null } });
  return { goal: goalFigures(milestones, direct), milestones: milestones.map((m) => milestoneFigures(m.actions)) };
};

const goalInput = (coacheeMembershipId: string, title = "Run a half marathon") =>
  createGoalSchema.parse({ coacheeMembershipId, title, description: "By spring", dueDate: "2026-04-30" });
const actionInput = (coacheeMembershipId: string, place: { goalId?: string; milestoneId?: string }, extra: Record<string, unknown> = {}) =>
  createActionItemSchema.parse({
    coacheeMembershipId,
    title: "Train",
    goalId: place.goalId ?? "",
    milestoneId: place.milestoneId ?? "",
    ...extra,
  });

describe("goal roll-up: the rules", () => {
  it("computes weighted means; empty never completes; all-complete completes", () => {
    expect(milestoneFigures([])).toEqual({ progress: 0, complete: false });
    expect(
      milestoneFigures([
        { progress: 100, weight: 1 },
        { progress: 0, weight: 3 },
      ]),
    ).toEqual({ progress: 25, complete: false });
    expect(milestoneFigures([{ progress: 100, weight: 2 }])).toEqual({ progress: 100, complete: true });
    expect(goalFigures([], [])).toEqual({ progress: 0, complete: false });
    // An empty milestone holds a goal with a finished action below 100 and open.
    expect(goalFigures([{ actions: [] }], [{ progress: 100, weight: 1 }])).toEqual({ progress: 50, complete: false });
    // A milestone weighs its actions' weights together: the goal is the mean of all the work.
    expect(goalFigures([{ actions: [{ progress: 100, weight: 3 }] }], [{ progress: 0, weight: 1 }])).toEqual({
      progress: 75,
      complete: false,
    });
    expect(goalFigures([{ actions: [{ progress: 100, weight: 1 }] }], [{ progress: 100, weight: 5 }])).toEqual({
      progress: 100,
      complete: true,
    });
  });
});

describe("goal roll-up through the services", () => {
  let w: GoalsWorld;
  beforeAll(async () => {
    w = await goalsWorld();
  });

  it("the slider's answer states the goal's figure before and after each save, not the one the page was drawn with", async () => {
    // A world of its own: the other tests here count this coachee's activity.
    const w = await goalsWorld();
    const { id: goalId } = await newGoal(db, w.coach, goalInput(w.coachee.membershipId));
    const one = await newAction(db, w.coachee, actionInput(w.coachee.membershipId, { goalId }));
    const two = await newAction(db, w.coachee, actionInput(w.coachee.membershipId, { goalId }));
    expect((await setActionItemProgress(db, w.coachee, { actionId: one.id, progress: 100 })).goal).toEqual({
      before: 0,
      progress: 50,
      complete: false,
    });
    // The second save starts from 50, where the first left it (a page drawn at 0 would say "0% -> 57%").
    expect((await setActionItemProgress(db, w.coachee, { actionId: two.id, progress: 14 })).goal).toEqual({
      before: 50,
      progress: 57,
      complete: false,
    });
    expect((await setActionItemProgress(db, w.coach, { actionId: two.id, progress: 14 })).goal).toEqual({
      before: 57,
      progress: 57,
      complete: false,
    });
  });

  it("an empty goal and an empty milestone never complete; weighted progress; reopening reopens the parents", async () => {
    const { id: goalId } = await newGoal(db, w.coach, goalInput(w.coachee.membershipId));
    expect(await stored(w.org.id, goalId)).toEqual({ goal: { progress: 0, complete: false }, milestones: [] });
    const { id: milestoneId } = await newMilestone(db, w.coach, { goalId, title: "Base", dueDate: null });
    expect((await stored(w.org.id, goalId)).goal.complete).toBe(false);
    const light = await newAction(db, w.coachee, actionInput(w.coachee.membershipId, { milestoneId }));
    const heavy = await newAction(db, w.coachee, actionInput(w.coachee.membershipId, { milestoneId }, { weight: "3" }));
    await setActionItemProgress(db, w.coachee, { actionId: light.id, progress: 100 });
    expect(await stored(w.org.id, goalId)).toEqual({
      goal: { progress: 25, complete: false },
      milestones: [{ progress: 25, complete: false }],
    });
    await setActionItemProgress(db, w.coach, { actionId: heavy.id, progress: 100 });
    expect(await stored(w.org.id, goalId)).toEqual({
      goal: { progress: 100, complete: true },
      milestones: [{ progress: 100, complete: true }],
    });
    const kinds = (await db.activity.findMany({ where: { organizationId: w.org.id, coacheeMembershipId: w.coachee.membershipId } })).map(
      (a) => a.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(["goal.created", "action.completed", "milestone.completed", "goal.completed"]));
    expect(kinds.filter((k) => k === "action.completed")).toHaveLength(2);
    // Reopening an action reopens its milestone and goal.
    await setActionItemProgress(db, w.coachee, { actionId: light.id, progress: 40 });
    expect(await stored(w.org.id, goalId)).toEqual({
      goal: { progress: 85, complete: false },
      milestones: [{ progress: 85, complete: false }],
    });
    await setActionItemProgress(db, w.coachee, { actionId: light.id, progress: 100 });
    expect((await stored(w.org.id, goalId)).goal.complete).toBe(true);
    // Adding a child reopens: a new milestone (empty) and a new direct action.
    const second = await newMilestone(db, w.coachee, { goalId, title: "Taper", dueDate: null });
    expect(await stored(w.org.id, goalId)).toEqual({
      goal: { progress: 80, complete: false },
      milestones: [
        { progress: 100, complete: true },
        { progress: 0, complete: false },
      ],
    });
    await deleteMilestone(db, w.coachee, { milestoneId: second.id });
    expect((await stored(w.org.id, goalId)).goal).toEqual({ progress: 100, complete: true });
    const direct = await newAction(db, w.coach, actionInput(w.coachee.membershipId, { goalId }));
    expect((await stored(w.org.id, goalId)).goal).toEqual({ progress: 80, complete: false });
    // Deleting a child rolls up again: without the open direct action the goal is complete once more.
    await deleteActionItem(db, w.coach, { actionId: direct.id });
    expect((await stored(w.org.id, goalId)).goal).toEqual({ progress: 100, complete: true });
    // Each completion is recorded once, when it happens (four times for the goal above, twice for its
    // first milestone), never on a recompute that changes nothing; an action done twice is recorded once.
    const count = (kind: string, subjectId: string) => db.activity.count({ where: { organizationId: w.org.id, subjectId, kind } });
    expect(await count("goal.completed", goalId)).toBe(4);
    expect(await count("milestone.completed", milestoneId)).toBe(2);
    const before = await count("action.completed", heavy.id);
    await setActionItemProgress(db, w.coachee, { actionId: heavy.id, progress: 100 });
    expect(await count("action.completed", heavy.id)).toBe(before);
    expect(await count("goal.completed", goalId)).toBe(4);
  });

  it("direct actions count beside milestones; changing a weight rolls up", async () => {
    const goal = await newGoal(db, w.coachee, goalInput(w.coachee.membershipId, "Speak up"));
    const direct = await newAction(db, w.coachee, actionInput(w.coachee.membershipId, { goalId: goal.id }));
    const { id: milestoneId } = await newMilestone(db, w.coachee, { goalId: goal.id, title: "Prepare", dueDate: null });
    const onMilestone = await newAction(db, w.coachee, actionInput(w.coachee.membershipId, { milestoneId }));
    await setActionItemProgress(db, w.coachee, { actionId: direct.id, progress: 60 });
    expect((await stored(w.org.id, goal.id)).goal.progress).toBe(30);
    await updateActionItem(db, w.coachee, updateActionItemSchema.parse({ actionId: direct.id, title: "Present", weight: "3" }));
    expect((await stored(w.org.id, goal.id)).goal.progress).toBe(45);
    await setActionItemProgress(db, w.coachee, { actionId: onMilestone.id, progress: 100 });
    await setActionItemProgress(db, w.coachee, { actionId: direct.id, progress: 100 });
    expect((await stored(w.org.id, goal.id)).goal).toEqual({ progress: 100, complete: true });
    expect(await stored(w.org.id, goal.id)).toEqual(await recomputed(w.org.id, goal.id));
  });

  it("moving an action between milestones, goals and out of any goal updates both sides", async () => {
    const goal = await newGoal(db, w.coachee, goalInput(w.coachee.membershipId, "Sleep better"));
    const a = await newMilestone(db, w.coachee, { goalId: goal.id, title: "A", dueDate: null });
    const b = await newMilestone(db, w.coachee, { goalId: goal.id, title: "B", dueDate: null });
    const done = await newAction(db, w.coachee, actionInput(w.coachee.membershipId, { milestoneId: a.id }));
    await setActionItemProgress(db, w.coachee, { actionId: done.id, progress: 100 });
    expect((await stored(w.org.id, goal.id)).milestones).toEqual([
      { progress: 100, complete: true },
      { progress: 0, complete: false },
    ]);
    await moveActionItem(db, w.coach, { actionId: done.id, goalId: null, milestoneId: b.id });
    expect((await stored(w.org.id, goal.id)).milestones).toEqual([
      { progress: 0, complete: false },
      { progress: 100, complete: true },
    ]);
    const other = await newGoal(db, w.coachee, goalInput(w.coachee.membershipId, "Other"));
    const moved = await moveActionItem(db, w.coachee, { actionId: done.id, goalId: other.id, milestoneId: null });
    expect(moved.to).toMatchObject({ progress: 100, complete: true });
    expect((await stored(w.org.id, goal.id)).milestones).toEqual([
      { progress: 0, complete: false },
      { progress: 0, complete: false },
    ]);
    await moveActionItem(db, w.coachee, { actionId: done.id, goalId: null, milestoneId: null });
    expect((await stored(w.org.id, other.id)).goal).toEqual({ progress: 0, complete: false });
    // A milestone of another goal than the one named, and another coachee's goal, are refused at the field.
    await expect(moveActionItem(db, w.coachee, { actionId: done.id, goalId: other.id, milestoneId: a.id })).rejects.toThrow(
      ValidationError,
    );
    const foreign = await createGoal(db, w.othersCoachee.membership);
    await expect(moveActionItem(db, w.coachee, { actionId: done.id, goalId: foreign.id, milestoneId: null })).rejects.toThrow(
      ValidationError,
    );
  });

  it("the database refuses an action on a milestone of another goal, or a milestone without its goal", async () => {
    const g1 = await createGoal(db, w.coachee.membership);
    const g2 = await createGoal(db, w.coachee.membership);
    const m2 = await createMilestone(db, g2);
    await expect(createActionItem(db, w.coachee.membership, { goal: g1, milestone: { id: m2.id, goalId: g1.id } })).rejects.toThrow(
      /Action_organizationId_goalId_milestoneId_fkey/,
    );
    const onMilestone = {
      organizationId: w.org.id,
      coacheeMembershipId: w.coachee.membershipId,
      milestoneId: m2.id,
      title: "x",
      createdByMembershipId: w.coachee.membershipId,
    };
    await expect(db.action.create({ data: onMilestone })).rejects.toThrow(/Action_milestone_with_its_goal/);
    await expect(createActionItem(db, w.coachee.membership, { progress: 101 })).rejects.toThrow(/Action_progress_0_to_100/);
    await expect(createActionItem(db, w.coachee.membership, { weight: 0 })).rejects.toThrow(/Action_weight_at_least_1/);
    // Another coachee's goal: the composite key carries the coachee.
    await expect(createActionItem(db, w.othersCoachee.membership, { goal: g1 })).rejects.toThrow(
      /Action_organizationId_coacheeMembershipId_goalId_fkey/,
    );
    // Positive controls: each call above with the one thing it guards made right.
    await expect(createActionItem(db, w.coachee.membership, { milestone: m2 })).resolves.toMatchObject({
      goalId: g2.id,
      milestoneId: m2.id,
    });
    await expect(db.action.create({ data: { ...onMilestone, goalId: g2.id } })).resolves.toMatchObject({
      goalId: g2.id,
      milestoneId: m2.id,
    });
    await expect(createActionItem(db, w.coachee.membership, { progress: 100 })).resolves.toMatchObject({ progress: 100 });
    await expect(createActionItem(db, w.coachee.membership, { weight: 1 })).resolves.toMatchObject({ weight: 1 });
    await expect(createActionItem(db, w.coachee.membership, { goal: g1 })).resolves.toMatchObject({ goalId: g1.id });
  });

  it("deleting a goal deletes its milestones and actions; reorder moves one item up or down among its siblings", async () => {
    const goal = await newGoal(db, w.coachee, goalInput(w.coachee.membershipId, "To delete"));
    const m = await newMilestone(db, w.coachee, { goalId: goal.id, title: "M", dueDate: null });
    await newAction(db, w.coachee, actionInput(w.coachee.membershipId, { milestoneId: m.id }));
    await deleteGoal(db, w.coach, { goalId: goal.id });
    expect(await db.milestone.count({ where: { organizationId: w.org.id, goalId: goal.id } })).toBe(0);
    expect(await db.action.count({ where: { organizationId: w.org.id, goalId: goal.id } })).toBe(0);

    const coachee = await createActor(db, w.org.id, "PARTICIPANT");
    const ids: string[] = [];
    for (const t of ["One", "Two", "Three"]) ids.push((await newGoal(db, coachee, goalInput(coachee.membershipId, t))).id);
    const titles = async () => (await listGoals(db, coachee, coachee.membershipId)).goals.map((g) => g.title);
    await reorder(db, coachee, { kind: "goal", id: ids[2], direction: "up" });
    expect(await titles()).toEqual(["One", "Three", "Two"]);
    await reorder(db, coachee, { kind: "goal", id: ids[2], direction: "up" });
    expect(await titles()).toEqual(["Three", "One", "Two"]);
    // At the top it stays; down moves it back one.
    await expect(reorder(db, coachee, { kind: "goal", id: ids[2], direction: "up" })).resolves.toEqual({ moved: false });
    await reorder(db, coachee, { kind: "goal", id: ids[2], direction: "down" });
    expect(await titles()).toEqual(["One", "Three", "Two"]);
    await expect(reorder(db, coachee, { kind: "goal", id: crypto.randomUUID(), direction: "up" })).rejects.toThrow(NotFoundError);
    const ms: string[] = [];
    for (const t of ["a", "b"]) ms.push((await newMilestone(db, coachee, { goalId: ids[0], title: t, dueDate: null })).id);
    await reorder(db, coachee, { kind: "milestone", id: ms[1], direction: "up" });
    const acts: string[] = [];
    for (const t of ["x", "y"]) acts.push((await newAction(db, coachee, actionInput(coachee.membershipId, {}, { title: t }))).id);
    await reorder(db, coachee, { kind: "action", id: acts[0], direction: "down" });
    const listed = await listGoals(db, coachee, coachee.membershipId);
    expect(listed.goals.find((g) => g.id === ids[0])!.milestones.map((m) => m.title)).toEqual(["b", "a"]);
    expect(listed.standalone.map((a) => a.title)).toEqual(["y", "x"]);
  });

  it("200 concurrent slider moves on actions of one goal leave its stored progress equal to a recomputation", async () => {
    const goal = await newGoal(db, w.coachee, goalInput(w.coachee.membershipId, "Under load"));
    const milestones: string[] = [];
    for (const title of ["M1", "M2", "M3"])
      milestones.push((await newMilestone(db, w.coachee, { goalId: goal.id, title, dueDate: null })).id);
    const actions: string[] = [];
    for (let i = 0; i < 10; i++) {
      const place = i < 9 ? { milestoneId: milestones[i % 3] } : { goalId: goal.id };
      actions.push((await newAction(db, w.coachee, actionInput(w.coachee.membershipId, place, { weight: String(1 + (i % 4)) }))).id);
    }
    const moves = Array.from({ length: 200 }, (_, i) => ({ actionId: actions[i % actions.length], progress: (i * 37) % 101 }));
    const actors: Actor[] = [w.coachee, w.coach];
    await Promise.all(moves.map((m, i) => setActionItemProgress(db, actors[i % 2], m)));
    const [now, expected] = [await stored(w.org.id, goal.id), await recomputed(w.org.id, goal.id)];
    const staleRollups =
      (now.goal.progress !== expected.goal.progress ? 1 : 0) +
      now.milestones.filter((m, i) => m.progress !== expected.milestones[i].progress).length;
    recordFigures("goals", { concurrentSliderMoves: moves.length, staleRollups });
    expect(now).toEqual(expected);
    expect(staleRollups).toBe(0);
  });
});

describe("goals: who may do what", () => {
  let w: GoalsWorld;
  beforeAll(async () => {
    w = await goalsWorld();
  });

  it("the coachee works on their own goals only; their coach on their coachee's; another coach, another organisation and a missing id find nothing", async () => {
    // Positive controls: the coachee and their coach.
    const own = await newGoal(db, w.coachee, goalInput(w.coachee.membershipId, "Mine"));
    const coached = await newGoal(db, w.coach, goalInput(w.coachee.membershipId, "Agreed"));
    const action = await newAction(db, w.coachee, actionInput(w.coachee.membershipId, { goalId: own.id }, { monitoredByCoach: "on" }));
    expect((await db.action.findFirstOrThrow({ where: { organizationId: w.org.id, id: action.id } })).monitoredByCoach).toBe(true);
    await updateGoal(db, w.coach, { goalId: own.id, title: "Mine, edited", description: "", dueDate: null });
    await updateMilestone(db, w.coachee, {
      milestoneId: (await newMilestone(db, w.coach, { goalId: coached.id, title: "M", dueDate: null })).id,
      title: "M2",
      dueDate: null,
    });
    expect((await listGoals(db, w.coach, w.coachee.membershipId)).goals.map((g) => g.title)).toEqual(["Mine, edited", "Agreed"]);
    expect((await listGoals(db, w.coachee, w.coachee.membershipId)).goals).toHaveLength(2);

    // A coachee naming someone else, another coach, another organisation's coach: not found.
    await expect(newGoal(db, w.coachee, goalInput(w.othersCoachee.membershipId))).rejects.toThrow(NotFoundError);
    await expect(newGoal(db, w.otherCoach, goalInput(w.coachee.membershipId))).rejects.toThrow(NotFoundError);
    await expect(updateGoal(db, w.otherCoach, { goalId: own.id, title: "x", description: "", dueDate: null })).rejects.toThrow(
      NotFoundError,
    );
    await expect(setActionItemProgress(db, w.otherCoach, { actionId: action.id, progress: 50 })).rejects.toThrow(NotFoundError);
    await expect(setActionItemProgress(db, w.othersCoachee, { actionId: action.id, progress: 50 })).rejects.toThrow(NotFoundError);
    await expect(deleteGoal(db, w.othersCoachee, { goalId: own.id })).rejects.toThrow(NotFoundError);
    await expect(listGoals(db, w.otherCoach, w.coachee.membershipId)).rejects.toThrow(NotFoundError);
    await expect(deleteActionItem(db, w.other.coach, { actionId: action.id })).rejects.toThrow(NotFoundError);
    await expect(setActionItemProgress(db, w.coach, { actionId: crypto.randomUUID(), progress: 1 })).rejects.toThrow(NotFoundError);
    await expect(reorder(db, w.otherCoach, { kind: "goal", id: own.id, direction: "down" })).rejects.toThrow(NotFoundError);
    // Nothing changed by the refused calls.
    expect((await db.action.findFirstOrThrow({ where: { organizationId: w.org.id, id: action.id } })).progress).toBe(0);
    expect(await db.goal.count({ where: { organizationId: w.org.id, coacheeMembershipId: w.coachee.membershipId } })).toBe(2);

    // Admins, programme managers and sponsors never work on goals.
    for (const actor of [w.admin, w.owner, w.pm, w.sponsor]) {
      await expect(newGoal(db, actor, goalInput(w.coachee.membershipId))).rejects.toThrow(ForbiddenError);
      await expect(setActionItemProgress(db, actor, { actionId: action.id, progress: 10 })).rejects.toThrow(ForbiddenError);
      await expect(listGoals(db, actor, w.coachee.membershipId)).rejects.toThrow(ForbiddenError);
    }
  });

  it("admins and the programme's manager see progress figures only; coaches and coachees use their own views", async () => {
    const goal = await newGoal(
      db,
      w.coachee,
      createGoalSchema.parse({ coacheeMembershipId: w.coachee.membershipId, title: "Visible", description: "Private words", dueDate: "" }),
    );
    const m = await newMilestone(db, w.coachee, { goalId: goal.id, title: "Half", dueDate: null });
    const a = await newAction(db, w.coachee, actionInput(w.coachee.membershipId, { milestoneId: m.id }, { description: "Secret step" }));
    await setActionItemProgress(db, w.coachee, { actionId: a.id, progress: 50 });
    for (const actor of [w.admin, w.owner, w.pm]) {
      const overview = await goalsOverview(db, actor, w.coachee.membershipId);
      const json = JSON.stringify(overview);
      expect(overview.find((g) => g.id === goal.id)).toMatchObject({
        title: "Visible",
        progress: 50,
        milestones: [{ title: "Half", progress: 50 }],
      });
      expect(json).not.toContain("Private words");
      expect(json).not.toContain("Secret step");
    }
    // A programme manager outside the coachee's programmes, another organisation's admin, a missing id: not found.
    const outsider = await createActor(db, w.org.id, "PROGRAM_MANAGER");
    await expect(goalsOverview(db, outsider, w.coachee.membershipId)).rejects.toThrow(NotFoundError);
    await expect(goalsOverview(db, w.other.admin, w.coachee.membershipId)).rejects.toThrow(NotFoundError);
    await expect(goalsOverview(db, w.admin, crypto.randomUUID())).rejects.toThrow(NotFoundError);
    for (const actor of [w.coach, w.coachee, w.sponsor])
      await expect(goalsOverview(db, actor, w.coachee.membershipId)).rejects.toThrow(ForbiddenError);
  });
});
