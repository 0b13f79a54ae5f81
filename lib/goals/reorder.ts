import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { NotFoundError, ValidationError } from "../errors";
import { idList } from "../web/form-fields";
import { assertGoalsRole, reachCoachee } from "./access";
import { lockGoals } from "./rollup";

// Reordering: the full list of siblings in their new order (a coachee's goals, a goal's milestones, or
// the actions of one place: a milestone, a goal directly, or the coachee's standalone ones).

export const reorderSchema = z.strictObject({
  kind: z.enum(["goal", "milestone", "action"]),
  ids: idList("Not found", 1000).pipe(z.array(z.string()).min(1, "Nothing to reorder")),
});
export type ReorderInput = z.infer<typeof reorderSchema>;

const NOT_ALL = "The list changed meanwhile: reload and try again.";

/** Sets positions 0, 1, 2, ... in the order given; the ids must be exactly all the siblings. */
export async function reorder(db: Db, actor: Actor, input: ReorderInput) {
  assertGoalsRole(actor.role);
  if (new Set(input.ids).size !== input.ids.length) throw new ValidationError(NOT_ALL);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    let siblings: string[];
    let write: (id: string, position: number) => Promise<unknown>;
    const key = (id: string) => ({ organizationId_id: { organizationId: actor.organizationId, id } });
    if (input.kind === "goal") {
      const first = await tx.goal.findFirst({ where: { id: input.ids[0] }, select: { coacheeMembershipId: true } });
      if (!first) throw new NotFoundError();
      const coachee = await reachCoachee(tx, actor, first.coacheeMembershipId);
      siblings = (await tx.goal.findMany({ where: { coacheeMembershipId: coachee }, select: { id: true } })).map((r) => r.id);
      write = (id, position) => tx.goal.update({ where: key(id), data: { position } });
    } else if (input.kind === "milestone") {
      const first = await tx.milestone.findFirst({
        where: { id: input.ids[0] },
        select: { goalId: true, goal: { select: { coacheeMembershipId: true } } },
      });
      if (!first) throw new NotFoundError();
      await reachCoachee(tx, actor, first.goal.coacheeMembershipId);
      await lockGoals(tx, actor.organizationId, [first.goalId]);
      siblings = (await tx.milestone.findMany({ where: { goalId: first.goalId }, select: { id: true } })).map((r) => r.id);
      write = (id, position) => tx.milestone.update({ where: key(id), data: { position } });
    } else {
      const first = await tx.action.findFirst({
        where: { id: input.ids[0] },
        select: { coacheeMembershipId: true, goalId: true, milestoneId: true },
      });
      if (!first) throw new NotFoundError();
      const coachee = await reachCoachee(tx, actor, first.coacheeMembershipId);
      await lockGoals(tx, actor.organizationId, [first.goalId]);
      siblings = (
        await tx.action.findMany({
          where: { coacheeMembershipId: coachee, goalId: first.goalId, milestoneId: first.milestoneId },
          select: { id: true },
        })
      ).map((r) => r.id);
      write = (id, position) => tx.action.update({ where: key(id), data: { position } });
    }
    const known = new Set(siblings);
    if (siblings.length !== input.ids.length || !input.ids.every((id) => known.has(id))) throw new ValidationError(NOT_ALL);
    for (const [position, id] of input.ids.entries()) await write(id, position);
    return { count: input.ids.length };
  });
}
