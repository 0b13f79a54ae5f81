import type { TenantTx } from "../db/tenant";
import { ValidationError } from "../errors";
import { GOAL_LIMITS, LIMIT_MESSAGES } from "./limits";

// The caps of lib/goals/limits.ts, checked before anything is written. Each check takes a transaction
// lock on the coachee's goals (an advisory lock, taken before any goal's row lock so the order is always
// the same), so parallel requests meet the cap as a sequence would: two series that each fit alone
// cannot together pass it.

type Cap = keyof typeof GOAL_LIMITS;

/** The refusal of a cap: a form-level message that states the limit. */
export class LimitReachedError extends ValidationError {
  constructor(readonly cap: Cap) {
    super(LIMIT_MESSAGES[cap]);
  }
}

/** The coachee's goals lock, held until the transaction ends (the caps, and ordering goal moves). */
export async function lockCoacheeGoals(tx: TenantTx, organizationId: string, coacheeMembershipId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`goals:${organizationId}:${coacheeMembershipId}`}, 0))`;
}

/**
 * Refuses adding `adding` to a coachee's goals when it would pass a cap; holds the coachee's lock until
 * the transaction ends. Call it before the goals' row locks.
 */
export async function assertCoacheeRoom(
  tx: TenantTx,
  organizationId: string,
  coacheeMembershipId: string,
  adding: { goals?: number; actions?: number; series?: number },
) {
  await lockCoacheeGoals(tx, organizationId, coacheeMembershipId);
  const where = { coacheeMembershipId };
  if (adding.goals) {
    const goals = await tx.goal.count({ where });
    if (goals + adding.goals > GOAL_LIMITS.goalsPerCoachee) throw new LimitReachedError("goalsPerCoachee");
  }
  if (adding.series) {
    const series = await tx.actionSeries.count({ where });
    if (series + adding.series > GOAL_LIMITS.seriesPerCoachee) throw new LimitReachedError("seriesPerCoachee");
  }
  if (adding.actions) {
    const [open, all] = await Promise.all([tx.action.count({ where: { ...where, completedAt: null } }), tx.action.count({ where })]);
    if (open + adding.actions > GOAL_LIMITS.openActionsPerCoachee) throw new LimitReachedError("openActionsPerCoachee");
    if (all + adding.actions > GOAL_LIMITS.actionsPerCoachee) throw new LimitReachedError("actionsPerCoachee");
  }
}

/** Refuses a milestone past the cap of its goal (the caller holds the goal's row lock). */
export async function assertMilestoneRoom(tx: TenantTx, goalId: string) {
  if ((await tx.milestone.count({ where: { goalId } })) >= GOAL_LIMITS.milestonesPerGoal) throw new LimitReachedError("milestonesPerGoal");
}

/** Refuses a comment past the cap of its thread (a goal's, an action's or a note's), under a lock on the thread. */
export async function assertThreadRoom(tx: TenantTx, organizationId: string, threadId: string, count: () => Promise<number>) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`comments:${organizationId}:${threadId}`}, 0))`;
  if ((await count()) >= GOAL_LIMITS.commentsPerThread) throw new LimitReachedError("commentsPerThread");
}
