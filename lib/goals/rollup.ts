import { Prisma } from "../db/generated/client";
import type { TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { recordActivity } from "../activity/record";
import { notify } from "../notifications/notify";

// The roll-up: how far a milestone and a goal are, derived from their actions and stored beside them.
//
// - A milestone's progress is the weighted mean of its actions' progress (rounded); it is complete when
//   it has at least one action and every one is complete (progress 100).
// - A goal's progress is the weighted mean of its milestones and its direct actions. A milestone weighs
//   as much as its actions together, so the goal's figure is the weighted mean of all the work under it:
//   how the coachee groups actions into milestones (or moves one from a milestone to another) never
//   changes how far the goal is, and a milestone of ten actions counts for more than one of a single
//   action. An empty milestone weighs as one action at 0%: planned but not yet broken down, it keeps the
//   goal below 100% (the goal cannot be complete while it is empty anyway).
// - A goal is complete when it has at least one milestone or direct action and all of them are
//   complete. Nothing empty completes by itself; adding or reopening a child reopens its parents.
//
// Every change below a goal runs under a row lock on the goal (lockGoals, SELECT ... FOR UPDATE) and
// ends with recomputeGoal in the same transaction, which recomputes from the children rather than
// adjusting by a difference: whatever order concurrent changes commit in, the last one to take the lock
// sees all the others and writes the right figures.

export type Weighted = { progress: number; weight: number };

export const COMPLETE = 100;

/** The weighted mean of some progress figures, rounded to a whole percent; 0 for none. */
export function weightedMean(items: readonly Weighted[]): number {
  let sum = 0;
  let weights = 0;
  for (const { progress, weight } of items) {
    sum += progress * weight;
    weights += weight;
  }
  return weights === 0 ? 0 : Math.round(sum / weights);
}

/** A milestone's figures from its actions. */
export function milestoneFigures(actions: readonly Weighted[]) {
  return {
    progress: weightedMean(actions),
    complete: actions.length > 0 && actions.every((a) => a.progress >= COMPLETE),
  };
}

/** A goal's figures from its milestones (each with its actions) and its direct actions. */
export function goalFigures(milestones: readonly { actions: readonly Weighted[] }[], directActions: readonly Weighted[]) {
  // Each milestone's actions count with their own weights (the milestone weighs their sum); an empty
  // milestone counts as one action at 0%.
  const parts: Weighted[] = [...directActions];
  for (const m of milestones) parts.push(...(m.actions.length ? m.actions : [{ progress: 0, weight: 1 }]));
  return {
    progress: weightedMean(parts),
    complete:
      milestones.length + directActions.length > 0 &&
      milestones.every((m) => milestoneFigures(m.actions).complete) &&
      directActions.every((a) => a.progress >= COMPLETE),
  };
}

/**
 * Locks the goals' rows until the transaction ends, in id order (two changes that each touch two goals
 * cannot deadlock), and returns the ids found. Raw SQL: it carries its own organizationId.
 */
export async function lockGoals(tx: TenantTx, organizationId: string, goalIds: readonly (string | null)[]): Promise<string[]> {
  const ids = [...new Set(goalIds.filter((id): id is string => id !== null))].sort();
  if (!ids.length) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "Goal"
     WHERE "organizationId" = ${organizationId}::uuid AND "id" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})
     ORDER BY "id" FOR UPDATE`;
  return rows.map((r) => r.id);
}

/**
 * Recomputes and stores a goal's figures and its milestones' from their actions (the caller holds the
 * goal's lock), and records a milestone or goal becoming complete in the coachee's activity.
 */
export async function recomputeGoal(tx: TenantTx, actor: Actor, goalId: string) {
  const goal = await tx.goal.findFirst({
    where: { id: goalId },
    select: {
      id: true,
      title: true,
      coacheeMembershipId: true,
      progress: true,
      completedAt: true,
      milestones: {
        select: { id: true, title: true, progress: true, completedAt: true, actions: { select: { progress: true, weight: true } } },
      },
      actions: { where: { milestoneId: null }, select: { progress: true, weight: true } },
    },
  });
  if (!goal) return null;
  const now = new Date();
  for (const m of goal.milestones) {
    const figures = milestoneFigures(m.actions);
    const completedAt = figures.complete ? (m.completedAt ?? now) : null;
    if (figures.progress === m.progress && (completedAt === null) === (m.completedAt === null)) continue;
    await tx.milestone.update({
      where: { organizationId_id: { organizationId: actor.organizationId, id: m.id } },
      data: { progress: figures.progress, completedAt },
    });
    if (figures.complete && !m.completedAt) {
      const event = {
        coacheeMembershipId: goal.coacheeMembershipId,
        actorMembershipId: actor.membershipId,
        subjectId: m.id,
      };
      await recordActivity(tx, actor.organizationId, {
        ...event,
        kind: "milestone.completed",
        data: { title: m.title, goalTitle: goal.title },
      });
      await notify(tx, actor.organizationId, {
        ...event,
        kind: "milestone.completed",
        data: { title: m.title, goalId: goal.id, goalTitle: goal.title },
      });
    }
  }
  const figures = goalFigures(goal.milestones, goal.actions);
  const completedAt = figures.complete ? (goal.completedAt ?? now) : null;
  if (figures.progress !== goal.progress || (completedAt === null) !== (goal.completedAt === null)) {
    await tx.goal.update({
      where: { organizationId_id: { organizationId: actor.organizationId, id: goal.id } },
      data: { progress: figures.progress, completedAt },
    });
    if (figures.complete && !goal.completedAt) {
      const event = { coacheeMembershipId: goal.coacheeMembershipId, actorMembershipId: actor.membershipId, subjectId: goal.id };
      await recordActivity(tx, actor.organizationId, { ...event, kind: "goal.completed", data: { title: goal.title } });
      await notify(tx, actor.organizationId, { ...event, kind: "goal.completed", data: { title: goal.title } });
    }
  }
  // `before`: the figure this change moved it from, read under the lock (a page's copy may be stale).
  return { before: goal.progress, progress: figures.progress, complete: figures.complete };
}
