import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { fieldError, NotFoundError } from "../errors";
import { recordActivity } from "../activity/record";
import { notify } from "../notifications/notify";
import { checkbox, idField, isId, optionalId } from "../web/form-fields";
import { descriptionField, dueDateField, titleField } from "./access";
import { assertCoacheeMaterialRole, reachCoachee } from "../coaching/material";
import { assertCoacheeRoom } from "./caps";
import { COMPLETE, lockGoals, recomputeGoal } from "./rollup";
import { sessionToWriteIn } from "../sessions/access";

// A coachee's actions: on a milestone, directly on a goal, or standing alone. Every change to an action
// on a goal locks the goal first and rolls it up again before the transaction ends (lib/goals/rollup.ts).

export const WEIGHT_MAX = 100;

export const placement = (message: string) => optionalId(message).nullable().default(null);
export const weightField = z.coerce
  .number({ error: msg("Goals.server.wholeNumber", { min: 1, max: 100 }) })
  .int(msg("Goals.server.wholeNumber", { min: 1, max: 100 }))
  .min(1, msg("Goals.server.wholeNumber", { min: 1, max: 100 }))
  .max(WEIGHT_MAX, msg("Goals.server.wholeNumber", { min: 1, max: 100 }))
  .default(1);

export const createActionItemSchema = z.strictObject({
  coacheeMembershipId: idField(),
  goalId: placement(msg("Goals.server.chooseGoal")),
  milestoneId: placement(msg("Goals.server.chooseMilestone")),
  title: titleField,
  description: descriptionField,
  dueDate: dueDateField,
  weight: weightField,
  monitoredByCoach: checkbox.default(false),
  // Agreed in this session (its notepad).
  sessionId: placement(msg("Fields.chooseFromList")),
});
/** A new action; in a session only when said. */
export type CreateActionItemInput = Omit<z.infer<typeof createActionItemSchema>, "sessionId"> & { sessionId?: string | null };

export const updateActionItemSchema = z.strictObject({
  actionId: idField(),
  title: titleField,
  description: descriptionField,
  dueDate: dueDateField,
  weight: weightField,
  monitoredByCoach: checkbox.default(false),
});
export type UpdateActionItemInput = z.infer<typeof updateActionItemSchema>;

export const actionItemIdSchema = z.strictObject({ actionId: idField() });

export const moveActionItemSchema = z.strictObject({
  actionId: idField(),
  goalId: placement(msg("Goals.server.chooseGoal")),
  milestoneId: placement(msg("Goals.server.chooseMilestone")),
});
export type MoveActionItemInput = z.infer<typeof moveActionItemSchema>;

export const actionItemProgressSchema = z.strictObject({
  actionId: idField(),
  progress: z.coerce
    .number({ error: msg("Goals.server.wholeNumber", { min: 0, max: 100 }) })
    .int(msg("Goals.server.wholeNumber", { min: 0, max: 100 }))
    .min(0, msg("Goals.server.wholeNumber", { min: 0, max: 100 }))
    .max(COMPLETE, msg("Goals.server.wholeNumber", { min: 0, max: 100 })),
});
export type ActionItemProgressInput = z.infer<typeof actionItemProgressSchema>;

/**
 * Where an action goes for this coachee: a milestone (and so its goal), a goal, or nowhere. Returns the
 * goal to lock; `check` verifies the place again once it is locked (it may have been deleted meanwhile).
 */
export async function place(tx: TenantTx, coacheeMembershipId: string, goalId: string | null, milestoneId: string | null) {
  if (milestoneId) {
    const milestone = await tx.milestone.findFirst({
      where: { id: milestoneId, goal: { coacheeMembershipId } },
      select: { id: true, goalId: true },
    });
    if (!milestone) throw fieldError("milestoneId", msg("Goals.server.chooseMilestone"));
    if (goalId && goalId !== milestone.goalId) throw fieldError("milestoneId", msg("Goals.server.milestoneOfGoal"));
    return { goalId: milestone.goalId, milestoneId: milestone.id };
  }
  if (goalId) {
    const goal = await tx.goal.findFirst({ where: { id: goalId, coacheeMembershipId }, select: { id: true } });
    if (!goal) throw fieldError("goalId", msg("Goals.server.chooseGoal"));
    return { goalId: goal.id, milestoneId: null };
  }
  return { goalId: null, milestoneId: null };
}

/** Once the goal is locked: the place still exists. */
export async function stillThere(tx: TenantTx, where: { goalId: string | null; milestoneId: string | null }) {
  if (where.milestoneId && !(await tx.milestone.findFirst({ where: { id: where.milestoneId }, select: { id: true } })))
    throw fieldError("milestoneId", msg("Goals.server.chooseMilestone"));
  if (where.goalId && !(await tx.goal.findFirst({ where: { id: where.goalId }, select: { id: true } })))
    throw fieldError("goalId", msg("Goals.server.chooseGoal"));
}

const LOCKED_ACTION = {
  id: true,
  coacheeMembershipId: true,
  goalId: true,
  milestoneId: true,
  title: true,
  progress: true,
  completedAt: true,
  monitoredByCoach: true,
} as const;

/**
 * An action the actor may work on, with its goal (and `alsoLock`'s) locked, read again under the lock;
 * or not found. A concurrent move may change its goal between the first read and the lock: then it
 * tries again with the new one (PostgreSQL aborts one side of the rare deadlock that may cause).
 */
async function lockedAction(tx: TenantTx, actor: Actor, actionId: string, alsoLock: (string | null)[] = []) {
  if (!isId(actionId)) throw new NotFoundError();
  const read = () => tx.action.findFirst({ where: { id: actionId }, select: LOCKED_ACTION });
  const first = await read();
  if (!first) throw new NotFoundError();
  await reachCoachee(tx, actor, first.coacheeMembershipId);
  const locked = new Set<string>();
  let goalId = first.goalId;
  for (;;) {
    const wanted = [goalId, ...alsoLock].filter((id): id is string => id !== null && !locked.has(id));
    for (const id of await lockGoals(tx, actor.organizationId, wanted)) locked.add(id);
    let action = await read();
    if (!action) throw new NotFoundError();
    if (action.goalId === null) {
      // No goal to lock: lock the action's own row, so a move onto a goal (which takes the goal's lock,
      // then this row) waits until this change is committed and rolls it up.
      await tx.$queryRaw`SELECT 1 FROM "Action" WHERE "organizationId" = ${actor.organizationId}::uuid AND "id" = ${actionId}::uuid FOR UPDATE`;
      action = await read();
      if (!action) throw new NotFoundError();
    }
    if (action.goalId === null || locked.has(action.goalId)) return action;
    goalId = action.goalId;
  }
}

/** A new action for a coachee, last in its place; on a goal it reopens whatever it is added to. */
export async function createActionItem(db: Db, actor: Actor, input: CreateActionItemInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coacheeMembershipId = await reachCoachee(tx, actor, input.coacheeMembershipId);
    const sessionId = input.sessionId ? await sessionToWriteIn(tx, actor, coacheeMembershipId, input.sessionId) : null;
    await assertCoacheeRoom(tx, actor.organizationId, coacheeMembershipId, { actions: 1 });
    const where = await place(tx, coacheeMembershipId, input.goalId, input.milestoneId);
    await lockGoals(tx, actor.organizationId, [where.goalId]);
    await stillThere(tx, where);
    const last = await tx.action.aggregate({ where: { coacheeMembershipId, ...where }, _max: { position: true } });
    const action = await tx.action.create({
      data: {
        organizationId: actor.organizationId,
        coacheeMembershipId,
        ...where,
        title: input.title,
        description: input.description,
        dueDate: input.dueDate,
        weight: input.weight,
        monitoredByCoach: input.monitoredByCoach,
        position: (last._max.position ?? -1) + 1,
        createdByMembershipId: actor.membershipId,
        sessionId,
      },
      select: { id: true },
    });
    // A coach gives the coachee an action: the coachee is told.
    if (coacheeMembershipId !== actor.membershipId)
      await notify(tx, actor.organizationId, {
        kind: "action.assigned",
        coacheeMembershipId,
        subjectId: action.id,
        actorMembershipId: actor.membershipId,
        data: { title: input.title },
      });
    const goal = where.goalId ? await recomputeGoal(tx, actor, where.goalId) : null;
    return { id: action.id, goal };
  });
}

export async function updateActionItem(db: Db, actor: Actor, input: UpdateActionItemInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const action = await lockedAction(tx, actor, input.actionId);
    // A new due day is reminded of afresh ("due tomorrow", "overdue": lib/notifications/reminders.ts).
    await tx.action.updateMany({
      where: { id: action.id, NOT: { dueDate: input.dueDate } },
      data: { dueReminderAt: null, overdueReminderAt: null },
    });
    await tx.action.update({
      where: { organizationId_id: { organizationId: actor.organizationId, id: action.id } },
      data: {
        title: input.title,
        description: input.description,
        dueDate: input.dueDate,
        weight: input.weight,
        monitoredByCoach: input.monitoredByCoach,
      },
    });
    // The coachee's own change to an action they asked their coaches to monitor (or no longer do): the coaches are told at once.
    if (action.coacheeMembershipId === actor.membershipId && (action.monitoredByCoach || input.monitoredByCoach))
      await notify(tx, actor.organizationId, {
        kind: "monitored.updated",
        coacheeMembershipId: action.coacheeMembershipId,
        subjectId: action.id,
        actorMembershipId: actor.membershipId,
        data: { on: "action", title: input.title },
      });
    // The weight counts in the roll-up.
    const goal = action.goalId ? await recomputeGoal(tx, actor, action.goalId) : null;
    return { id: action.id, goal };
  });
}

export async function deleteActionItem(db: Db, actor: Actor, input: { actionId: string }) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const action = await lockedAction(tx, actor, input.actionId);
    await tx.action.delete({ where: { organizationId_id: { organizationId: actor.organizationId, id: action.id } } });
    const goal = action.goalId ? await recomputeGoal(tx, actor, action.goalId) : null;
    return { id: action.id, goal };
  });
}

/** Moves an action to another milestone, another goal (directly), or out of any goal; both goals roll up again. */
export async function moveActionItem(db: Db, actor: Actor, input: MoveActionItemInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    if (!isId(input.actionId)) throw new NotFoundError();
    const first = await tx.action.findFirst({ where: { id: input.actionId }, select: { coacheeMembershipId: true } });
    if (!first) throw new NotFoundError();
    const coacheeMembershipId = await reachCoachee(tx, actor, first.coacheeMembershipId);
    const where = await place(tx, coacheeMembershipId, input.goalId, input.milestoneId);
    const action = await lockedAction(tx, actor, input.actionId, [where.goalId]);
    await stillThere(tx, where);
    const last = await tx.action.aggregate({ where: { coacheeMembershipId, ...where }, _max: { position: true } });
    await tx.action.update({
      where: { organizationId_id: { organizationId: actor.organizationId, id: action.id } },
      data: { ...where, position: (last._max.position ?? -1) + 1 },
    });
    const from = action.goalId && action.goalId !== where.goalId ? await recomputeGoal(tx, actor, action.goalId) : null;
    const to = where.goalId ? await recomputeGoal(tx, actor, where.goalId) : null;
    return { id: action.id, from, to };
  });
}

/** The slider: sets an action's progress (100 is done) and rolls its milestone and goal up at once. */
export async function setActionItemProgress(db: Db, actor: Actor, input: ActionItemProgressInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const action = await lockedAction(tx, actor, input.actionId);
    const done = input.progress >= COMPLETE;
    await tx.action.update({
      where: { organizationId_id: { organizationId: actor.organizationId, id: action.id } },
      data: { progress: input.progress, completedAt: done ? (action.completedAt ?? new Date()) : null },
    });
    if (done && !action.completedAt)
      await recordActivity(tx, actor.organizationId, {
        kind: "action.completed",
        coacheeMembershipId: action.coacheeMembershipId,
        actorMembershipId: actor.membershipId,
        subjectId: action.id,
        data: { title: action.title },
      });
    // The coachee moving their own slider: their coaches are told, repeats coalesced (lib/notifications).
    if (action.coacheeMembershipId === actor.membershipId)
      await notify(tx, actor.organizationId, {
        kind: "action.progress",
        coacheeMembershipId: action.coacheeMembershipId,
        subjectId: action.id,
        actorMembershipId: actor.membershipId,
        data: { title: action.title, progress: input.progress },
      });
    const goal = action.goalId ? await recomputeGoal(tx, actor, action.goalId) : null;
    return { id: action.id, progress: input.progress, goal };
  });
}

/** An action as its own page shows it: title, description and place, for the coachee and their coaches; or not found. */
export async function getActionItem(db: Db, actor: Actor, actionId: string) {
  assertCoacheeMaterialRole(actor.role);
  if (!isId(actionId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const action = await tx.action.findFirst({
      where: { id: actionId },
      select: { id: true, title: true, description: true, coacheeMembershipId: true, goalId: true, milestoneId: true },
    });
    if (!action) throw new NotFoundError();
    await reachCoachee(tx, actor, action.coacheeMembershipId);
    return action;
  });
}
