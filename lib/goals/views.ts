import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { coacheeZone, dueState, todayIn } from "./calendar";
import { listGoals } from "./goals";

/**
 * The Goals tab and page: a coachee's goals with milestones and actions (listGoals, which checks who
 * may see them), each action's due state on the coachee's calendar, and that calendar's zone.
 */
export async function goalsView(db: Db, actor: Actor, coacheeMembershipId: string, now = new Date()) {
  const tree = await listGoals(db, actor, coacheeMembershipId);
  const { zone, source } = await tenantDb(db, actor.organizationId).$transaction((tx) => coacheeZone(tx, coacheeMembershipId));
  const today = todayIn(zone, now);
  const withDue = <A extends { dueDate: Date | null; completedAt: Date | null }>(a: A) => ({ ...a, due: dueState(a, today) });
  return {
    goals: tree.goals.map((g) => ({
      ...g,
      milestones: g.milestones.map((m) => ({ ...m, actions: m.actions.map(withDue) })),
      actions: g.actions.map(withDue),
    })),
    standalone: tree.standalone.map(withDue),
    zone,
    zoneSource: source,
    today,
  };
}
export type GoalsView = Awaited<ReturnType<typeof goalsView>>;
export type GoalItem = GoalsView["goals"][number];
export type ActionItem = GoalsView["standalone"][number];
