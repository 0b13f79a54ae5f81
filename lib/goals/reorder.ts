import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { NotFoundError } from "../errors";
import { idField, isId } from "../web/form-fields";
import { assertCoacheeMaterialRole, reachCoachee } from "../coaching/material";
import { lockCoacheeGoals } from "./caps";
import { lockGoals } from "./rollup";

// Reordering: one item moves one place up or down among its siblings (a coachee's goals, a goal's
// milestones, or the actions of one place: a milestone, a goal directly, or the coachee's standalone
// ones). The form names only the item and the direction, never its siblings, so a page of n items
// carries n small forms, not n lists of n ids; the siblings are read here, under the lock.

export const reorderSchema = z.strictObject({
  kind: z.enum(["goal", "milestone", "action"]),
  id: idField(),
  direction: z.enum(["up", "down"], { error: msg("Goals.server.chooseUpOrDown") }),
});
export type ReorderInput = z.infer<typeof reorderSchema>;

const SIBLING = { id: true, position: true } as const;
const ORDER = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

/** Moves an item one place up or down; at either end it stays. Positions become 0, 1, 2, ... */
export async function reorder(db: Db, actor: Actor, input: ReorderInput) {
  assertCoacheeMaterialRole(actor.role);
  if (!isId(input.id)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    let siblings: { id: string; position: number }[];
    let write: (id: string, position: number) => Promise<unknown>;
    const key = (id: string) => ({ organizationId_id: { organizationId: actor.organizationId, id } });
    if (input.kind === "goal") {
      const goal = await tx.goal.findFirst({ where: { id: input.id }, select: { coacheeMembershipId: true } });
      if (!goal) throw new NotFoundError();
      const coachee = await reachCoachee(tx, actor, goal.coacheeMembershipId);
      // Goals have no parent row to lock: the coachee's goals lock (lib/goals/caps.ts) orders concurrent moves.
      await lockCoacheeGoals(tx, actor.organizationId, coachee);
      siblings = await tx.goal.findMany({ where: { coacheeMembershipId: coachee }, orderBy: ORDER, select: SIBLING });
      write = (id, position) => tx.goal.update({ where: key(id), data: { position } });
    } else if (input.kind === "milestone") {
      const milestone = await tx.milestone.findFirst({
        where: { id: input.id },
        select: { goalId: true, goal: { select: { coacheeMembershipId: true } } },
      });
      if (!milestone) throw new NotFoundError();
      await reachCoachee(tx, actor, milestone.goal.coacheeMembershipId);
      await lockGoals(tx, actor.organizationId, [milestone.goalId]);
      siblings = await tx.milestone.findMany({ where: { goalId: milestone.goalId }, orderBy: ORDER, select: SIBLING });
      write = (id, position) => tx.milestone.update({ where: key(id), data: { position } });
    } else {
      const action = await tx.action.findFirst({
        where: { id: input.id },
        select: { coacheeMembershipId: true, goalId: true, milestoneId: true },
      });
      if (!action) throw new NotFoundError();
      const coachee = await reachCoachee(tx, actor, action.coacheeMembershipId);
      await lockGoals(tx, actor.organizationId, [action.goalId]);
      siblings = await tx.action.findMany({
        where: { coacheeMembershipId: coachee, goalId: action.goalId, milestoneId: action.milestoneId },
        orderBy: ORDER,
        select: SIBLING,
      });
      write = (id, position) => tx.action.update({ where: key(id), data: { position } });
    }
    const from = siblings.findIndex((s) => s.id === input.id);
    // Moved elsewhere or deleted meanwhile: like a missing id.
    if (from < 0) throw new NotFoundError();
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= siblings.length) return { moved: false };
    const order = siblings.map((s) => s.id);
    [order[from], order[to]] = [order[to], order[from]];
    // Only the positions that change are written (older orders may have left gaps or ties).
    const was = new Map(siblings.map((s) => [s.id, s.position]));
    for (const [position, id] of order.entries()) if (was.get(id) !== position) await write(id, position);
    return { moved: true };
  });
}
