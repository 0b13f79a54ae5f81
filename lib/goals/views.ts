import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { coacheeZone, dueState, todayIn, type DueState } from "./calendar";
import { listGoals, readGoalsPage } from "./goals";
import { GOALS_SHOWN } from "./limits";
import { placeValue } from "./place-choice";

/** A place's actions as a page shows them: the first few, and how many there are in all. */
export type Folded<A> = { shown: A[]; total: number; place: string };

/**
 * The Goals tab and page (listGoals checks who may see them): every goal of a coachee as a summary
 * (title, figures, counts), and one of them open (`goal`, else the first) with its milestones and each
 * place's actions folded to what a page shows (GOALS_SHOWN: a few per place, a budget per page), then
 * the standalone actions, folded the same way; each action's due state on the coachee's calendar, and
 * that calendar's zone. What it returns, and so what the page renders, is bounded whatever the coachee
 * holds: the folded rest is a link away (another goal, a place's list on the Actions page).
 */
export async function goalsView(db: Db, actor: Actor, coacheeMembershipId: string, { goal = "", now = new Date() } = {}) {
  const read = await readGoalsPage(db, actor, coacheeMembershipId, goal, GOALS_SHOWN.actionsPerPlace);
  const { zone, source } = await tenantDb(db, actor.organizationId).$transaction((tx) => coacheeZone(tx, coacheeMembershipId));
  const today = todayIn(zone, now);
  let budget = GOALS_SHOWN.actionsPerPage;
  const fold = <A extends { dueDate: Date | null; completedAt: Date | null }>(
    { actions, total }: { actions: A[]; total: number },
    place: string,
  ): Folded<A & { due: DueState }> => {
    const shown = actions.slice(0, Math.min(GOALS_SHOWN.actionsPerPlace, budget)).map((a) => ({ ...a, due: dueState(a, today) }));
    budget -= shown.length;
    return { shown, total, place };
  };
  const open = read.open;
  return {
    goals: read.goals.map(({ description: _d, ...g }) => g),
    open: open
      ? {
          ...open,
          index: read.goals.findIndex((g) => g.id === open.id),
          milestones: open.milestones.map(({ actions, total, ...m }) => ({
            ...m,
            actions: fold({ actions, total }, placeValue({ goalId: open.id, milestoneId: m.id })),
          })),
          actions: fold(open.direct, placeValue({ goalId: open.id, milestoneId: null })),
        }
      : null,
    standalone: fold(read.standalone, placeValue({ goalId: null, milestoneId: null })),
    zone,
    zoneSource: source,
    today,
  };
}
export type GoalsView = Awaited<ReturnType<typeof goalsView>>;
export type GoalSummary = GoalsView["goals"][number];
export type GoalItem = NonNullable<GoalsView["open"]>;
export type ActionItem = GoalsView["standalone"]["shown"][number];

/** The threads a goals view shows (the open goal's) and the actions whose comments it counts. */
export function shownSubjects(view: GoalsView): { goalIds: string[]; actionIds: string[]; countIds: string[] } {
  const countIds = view.standalone.shown.map((a) => a.id);
  if (view.open) {
    for (const m of view.open.milestones) countIds.push(...m.actions.shown.map((a) => a.id));
    countIds.push(...view.open.actions.shown.map((a) => a.id));
  }
  return { goalIds: view.open ? [view.open.id] : [], actionIds: [], countIds };
}

/**
 * Every place an action can go for a coachee (standalone, each goal directly, each milestone), titles
 * only: for the one move or add form a page shows, never one per action.
 */
export async function placesOf(db: Db, actor: Actor, coacheeMembershipId: string) {
  const tree = await listGoals(db, actor, coacheeMembershipId, { actions: false });
  return tree.goals.map((g) => ({ id: g.id, title: g.title, milestones: g.milestones.map((m) => ({ id: m.id, title: m.title })) }));
}
export type Places = Awaited<ReturnType<typeof placesOf>>;
