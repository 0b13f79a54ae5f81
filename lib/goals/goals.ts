import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { NotFoundError } from "../errors";
import { recordActivity } from "../activity/record";
import { notify } from "../notifications/notify";
import { membersOfProgrammes, programmeScope } from "../programmes/scope";
import { checkbox, idField, isId } from "../web/form-fields";
import { descriptionField, dueDateField, titleField } from "./access";
import { assertCoacheeMaterialRole, reachCoachee } from "../coaching/material";
import { assertCoacheeRoom, assertMilestoneRoom } from "./caps";
import { lockGoals, recomputeGoal } from "./rollup";

// Goals and their milestones. Figures (progress, completedAt) are never written here directly: they
// come from lib/goals/rollup.ts, under the goal's lock, in the same transaction as the change.

export const createGoalSchema = z.strictObject({
  coacheeMembershipId: idField(),
  title: titleField,
  description: descriptionField,
  dueDate: dueDateField,
  monitoredByCoach: checkbox.default(false),
});
/** `monitoredByCoach` left out: not monitored (a form's unticked box says false). */
export type CreateGoalInput = Optional<z.infer<typeof createGoalSchema>, "monitoredByCoach">;
type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export const updateGoalSchema = z.strictObject({
  goalId: idField(),
  title: titleField,
  description: descriptionField,
  dueDate: dueDateField,
  monitoredByCoach: checkbox.default(false),
});
/** `monitoredByCoach` left out: as it was. */
export type UpdateGoalInput = Optional<z.infer<typeof updateGoalSchema>, "monitoredByCoach">;

export const goalIdSchema = z.strictObject({ goalId: idField() });

export const createMilestoneSchema = z.strictObject({ goalId: idField(), title: titleField, dueDate: dueDateField });
export type CreateMilestoneInput = z.infer<typeof createMilestoneSchema>;

export const updateMilestoneSchema = z.strictObject({ milestoneId: idField(), title: titleField, dueDate: dueDateField });
export type UpdateMilestoneInput = z.infer<typeof updateMilestoneSchema>;

export const milestoneIdSchema = z.strictObject({ milestoneId: idField() });

/** A goal the actor may work on, locked until the transaction ends; or not found. */
async function lockedGoal(t: TenantTx, actor: Actor, goalId: string) {
  if (!isId(goalId)) throw new NotFoundError();
  const goal = await t.goal.findFirst({
    where: { id: goalId },
    select: { id: true, coacheeMembershipId: true, title: true, monitoredByCoach: true },
  });
  if (!goal) throw new NotFoundError();
  await reachCoachee(t, actor, goal.coacheeMembershipId);
  if (!(await lockGoals(t, actor.organizationId, [goal.id])).length) throw new NotFoundError();
  return goal;
}

/** A new goal for a coachee, last in their order, with its activity row. */
export async function createGoal(db: Db, actor: Actor, input: CreateGoalInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coacheeMembershipId = await reachCoachee(tx, actor, input.coacheeMembershipId);
    await assertCoacheeRoom(tx, actor.organizationId, coacheeMembershipId, { goals: 1 });
    const last = await tx.goal.aggregate({ where: { coacheeMembershipId }, _max: { position: true } });
    const goal = await tx.goal.create({
      data: {
        organizationId: actor.organizationId,
        coacheeMembershipId,
        title: input.title,
        description: input.description,
        dueDate: input.dueDate,
        // Only the coachee asks their coach to monitor (the coachee portal's rule).
        monitoredByCoach: coacheeMembershipId === actor.membershipId && (input.monitoredByCoach ?? false),
        position: (last._max.position ?? -1) + 1,
        createdByMembershipId: actor.membershipId,
      },
      select: { id: true },
    });
    await recordActivity(tx, actor.organizationId, {
      kind: "goal.created",
      coacheeMembershipId,
      actorMembershipId: actor.membershipId,
      subjectId: goal.id,
      data: { title: input.title },
    });
    // A coachee's own goal: their coaches are told (a coach's goal for them shows on their pages anyway).
    if (coacheeMembershipId === actor.membershipId)
      await notify(tx, actor.organizationId, {
        kind: "goal.created",
        coacheeMembershipId,
        subjectId: goal.id,
        actorMembershipId: actor.membershipId,
        data: { title: input.title },
      });
    return goal;
  });
}

export async function updateGoal(db: Db, actor: Actor, input: UpdateGoalInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const goal = await lockedGoal(tx, actor, input.goalId);
    const own = goal.coacheeMembershipId === actor.membershipId;
    await tx.goal.update({
      where: { organizationId_id: { organizationId: actor.organizationId, id: goal.id } },
      // Whether it is monitored is the coachee's to say; a coach's edit keeps it.
      data: {
        title: input.title,
        description: input.description,
        dueDate: input.dueDate,
        monitoredByCoach: own ? input.monitoredByCoach : undefined,
      },
    });
    // The coachee's own edit: their coaches are told, at once when the goal is (or was until now) monitored.
    if (own) {
      const base = { coacheeMembershipId: goal.coacheeMembershipId, subjectId: goal.id, actorMembershipId: actor.membershipId };
      if (goal.monitoredByCoach || input.monitoredByCoach)
        await notify(tx, actor.organizationId, { ...base, kind: "monitored.updated", data: { on: "goal", title: input.title } });
      else await notify(tx, actor.organizationId, { ...base, kind: "goal.edited", data: { title: input.title } });
    }
    return { id: goal.id };
  });
}

/** Deletes a goal with its milestones and every action on it (the database cascades). */
export async function deleteGoal(db: Db, actor: Actor, input: { goalId: string }) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const goal = await lockedGoal(tx, actor, input.goalId);
    await releaseMovedOccurrences(tx, { goalId: goal.id });
    await tx.goal.delete({ where: { organizationId_id: { organizationId: actor.organizationId, id: goal.id } } });
    return { id: goal.id };
  });
}

/**
 * Deleting a goal or a milestone deletes the recurring series placed on it (the database cascades), and
 * with a series every occurrence of it. Occurrences moved somewhere else first let go of their series,
 * so they stay where they are now, done or not, as plain actions, and their goals' figures stay true.
 */
async function releaseMovedOccurrences(tx: TenantTx, place: { goalId: string } | { milestoneId: string }) {
  const elsewhere =
    "goalId" in place
      ? [{ goalId: null }, { goalId: { not: place.goalId } }]
      : [{ milestoneId: null }, { milestoneId: { not: place.milestoneId } }];
  await tx.action.updateMany({ where: { series: place, OR: elsewhere }, data: { seriesId: null } });
}

/** A new milestone, last on its goal; an empty milestone reopens a complete goal. */
export async function createMilestone(db: Db, actor: Actor, input: CreateMilestoneInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const goal = await lockedGoal(tx, actor, input.goalId);
    await assertMilestoneRoom(tx, goal.id);
    const last = await tx.milestone.aggregate({ where: { goalId: goal.id }, _max: { position: true } });
    const milestone = await tx.milestone.create({
      data: {
        organizationId: actor.organizationId,
        goalId: goal.id,
        title: input.title,
        dueDate: input.dueDate,
        position: (last._max.position ?? -1) + 1,
      },
      select: { id: true },
    });
    const figures = await recomputeGoal(tx, actor, goal.id);
    return { id: milestone.id, goal: figures };
  });
}

/** A milestone the actor may work on, with its goal locked; or not found. */
async function lockedMilestone(tx: TenantTx, actor: Actor, milestoneId: string) {
  if (!isId(milestoneId)) throw new NotFoundError();
  const milestone = await tx.milestone.findFirst({ where: { id: milestoneId }, select: { id: true, goalId: true } });
  if (!milestone) throw new NotFoundError();
  await lockedGoal(tx, actor, milestone.goalId);
  // Under the lock: still there (a milestone never changes goal, but it may have been deleted meanwhile).
  if (!(await tx.milestone.findFirst({ where: { id: milestone.id }, select: { id: true } }))) throw new NotFoundError();
  return milestone;
}

export async function updateMilestone(db: Db, actor: Actor, input: UpdateMilestoneInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const milestone = await lockedMilestone(tx, actor, input.milestoneId);
    await tx.milestone.update({
      where: { organizationId_id: { organizationId: actor.organizationId, id: milestone.id } },
      data: { title: input.title, dueDate: input.dueDate },
    });
    return { id: milestone.id };
  });
}

/** Deletes a milestone and its actions (the database cascades), and rolls its goal up again. */
export async function deleteMilestone(db: Db, actor: Actor, input: { milestoneId: string }) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const milestone = await lockedMilestone(tx, actor, input.milestoneId);
    await releaseMovedOccurrences(tx, { milestoneId: milestone.id });
    await tx.milestone.delete({ where: { organizationId_id: { organizationId: actor.organizationId, id: milestone.id } } });
    const figures = await recomputeGoal(tx, actor, milestone.goalId);
    return { id: milestone.id, goal: figures };
  });
}

const ACTION_FIELDS = {
  id: true,
  title: true,
  description: true,
  dueDate: true,
  progress: true,
  weight: true,
  monitoredByCoach: true,
  completedAt: true,
  goalId: true,
  milestoneId: true,
  // The recurring series an action is one occurrence of (lib/goals/series.ts), to edit the series from it.
  seriesId: true,
} as const;

const GOAL_ORDER = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

/**
 * A coachee's goals in order, each with its milestones and actions, and their standalone actions: for the
 * coachee and their coaches (without `actions`, goals and milestones only). Three flat reads (goals, milestones, actions) put together here: Prisma's
 * nested reads cost several times the SQL at a few thousand actions (see bench/goals.ts).
 */
export async function listGoals(db: Db, actor: Actor, coacheeMembershipId: string, { actions: withActions = true } = {}) {
  assertCoacheeMaterialRole(actor.role);
  if (!isId(coacheeMembershipId)) throw new NotFoundError();
  const t = tenantDb(db, actor.organizationId);
  // Reached first, on its own: nothing of the coachee's is read before the check passes.
  const coachee = await reachCoachee(t, actor, coacheeMembershipId);
  const [goals, milestones, actions] = await Promise.all([
    t.goal.findMany({
      where: { coacheeMembershipId: coachee },
      orderBy: GOAL_ORDER,
      select: { id: true, title: true, description: true, dueDate: true, progress: true, completedAt: true, monitoredByCoach: true },
    }),
    t.milestone.findMany({
      where: { goal: { coacheeMembershipId: coachee } },
      orderBy: GOAL_ORDER,
      select: { id: true, goalId: true, title: true, dueDate: true, progress: true, completedAt: true },
    }),
    withActions ? t.action.findMany({ where: { coacheeMembershipId: coachee }, orderBy: GOAL_ORDER, select: ACTION_FIELDS }) : [],
  ]);
  type ListedAction = (typeof actions)[number];
  const byMilestone = groupBy(actions, (a) => a.milestoneId);
  const direct = groupBy(
    actions.filter((a) => !a.milestoneId),
    (a) => a.goalId,
  );
  const milestonesOf = groupBy(
    milestones.map(({ goalId, ...m }) => ({ goalId, milestone: { ...m, actions: byMilestone.get(m.id) ?? ([] as ListedAction[]) } })),
    (m) => m.goalId,
  );
  return {
    goals: goals.map((g) => ({
      ...g,
      milestones: (milestonesOf.get(g.id) ?? []).map((m) => m.milestone),
      actions: direct.get(g.id) ?? [],
    })),
    standalone: direct.get(null) ?? [],
  };
}

/**
 * What a goals page reads (lib/goals/views.ts folds it): every goal of the coachee with its counts, and
 * of one goal (`openGoalId`, else the first) its milestones and actions, then the standalone actions,
 * each place's actions in order. Actions come in two steps, ids and places for all of them, then whole
 * rows only for the first `perPlace` of each place, so a place of thousands costs the page a few rows.
 */
export async function readGoalsPage(db: Db, actor: Actor, coacheeMembershipId: string, openGoalId: string | undefined, perPlace: number) {
  assertCoacheeMaterialRole(actor.role);
  if (!isId(coacheeMembershipId)) throw new NotFoundError();
  const t = tenantDb(db, actor.organizationId);
  const coachee = await reachCoachee(t, actor, coacheeMembershipId);
  const [goals, milestoneCounts, actionCounts] = await Promise.all([
    t.goal.findMany({
      where: { coacheeMembershipId: coachee },
      orderBy: GOAL_ORDER,
      select: { id: true, title: true, description: true, dueDate: true, progress: true, completedAt: true, monitoredByCoach: true },
    }),
    t.milestone.groupBy({ by: ["goalId"], where: { goal: { coacheeMembershipId: coachee } }, _count: { _all: true } }),
    t.action.groupBy({ by: ["goalId"], where: { coacheeMembershipId: coachee }, _count: { _all: true } }),
  ]);
  const open = goals.find((g) => g.id === openGoalId) ?? goals[0] ?? null;
  const [milestones, placed] = await Promise.all([
    open
      ? t.milestone.findMany({
          where: { goalId: open.id },
          orderBy: GOAL_ORDER,
          select: { id: true, title: true, dueDate: true, progress: true, completedAt: true },
        })
      : [],
    t.action.findMany({
      where: { coacheeMembershipId: coachee, OR: [{ goalId: null }, ...(open ? [{ goalId: open.id }] : [])] },
      orderBy: GOAL_ORDER,
      select: { id: true, milestoneId: true, goalId: true },
    }),
  ]);
  // Per place, in order: the first few ids to read whole, and how many there are.
  const byPlace = groupBy(placed, (a) => a.milestoneId ?? a.goalId);
  const wanted = [...byPlace.values()].flatMap((ids) => ids.slice(0, perPlace).map((a) => a.id));
  const rows = wanted.length ? await t.action.findMany({ where: { id: { in: wanted } }, orderBy: GOAL_ORDER, select: ACTION_FIELDS }) : [];
  const rowsOf = groupBy(rows, (a) => a.milestoneId ?? a.goalId);
  const place = (key: string | null) => ({ actions: rowsOf.get(key) ?? [], total: byPlace.get(key)?.length ?? 0 });
  const countsOf = (counts: { goalId: string | null; _count: { _all: number } }[]) => new Map(counts.map((c) => [c.goalId, c._count._all]));
  const [milestonesOf, actionsOf] = [countsOf(milestoneCounts), countsOf(actionCounts)];
  return {
    goals: goals.map((g) => ({ ...g, milestoneCount: milestonesOf.get(g.id) ?? 0, actionCount: actionsOf.get(g.id) ?? 0 })),
    open: open ? { ...open, milestones: milestones.map((m) => ({ ...m, ...place(m.id) })), direct: place(open.id) } : null,
    standalone: place(null),
  };
}

/** Items grouped by a key, each group in the items' order. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * How far a coachee's goals are, for those who oversee coaching (admins; programme managers for members
 * of their programmes): titles, due dates and figures only, never descriptions or actions' words.
 */
export async function goalsOverview(db: Db, actor: Actor, coacheeMembershipId: string) {
  assertCan(actor.role, "coachees:oversee");
  if (!isId(coacheeMembershipId)) throw new NotFoundError();
  const t = tenantDb(db, actor.organizationId);
  const scope = await programmeScope(t, actor);
  const coachee = await t.membership.findFirst({
    where: { id: coacheeMembershipId, role: "PARTICIPANT", ...(scope ? membersOfProgrammes(scope) : {}) },
    select: { id: true },
  });
  if (!coachee) throw new NotFoundError();
  return t.goal.findMany({
    where: { coacheeMembershipId: coachee.id },
    orderBy: GOAL_ORDER,
    select: {
      id: true,
      title: true,
      dueDate: true,
      progress: true,
      completedAt: true,
      milestones: { orderBy: GOAL_ORDER, select: { id: true, title: true, dueDate: true, progress: true, completedAt: true } },
    },
  });
}
