"use server";

import { refreshOrganisation } from "@/lib/actions/refresh";
import { msg } from "@/lib/i18n/msg";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import {
  actionItemIdSchema,
  actionItemProgressSchema,
  deleteActionItem,
  moveActionItem,
  setActionItemProgress,
  updateActionItem,
  updateActionItemSchema,
  createActionItem,
} from "@/lib/goals/action-items";
import {
  createGoal,
  createGoalSchema,
  createMilestone,
  createMilestoneSchema,
  deleteGoal,
  deleteMilestone,
  goalIdSchema,
  milestoneIdSchema,
  updateGoal,
  updateGoalSchema,
  updateMilestone,
  updateMilestoneSchema,
} from "@/lib/goals/goals";
import { createActionItemFormSchema, moveActionItemFormSchema } from "@/lib/goals/place-choice";
import { reorder, reorderSchema } from "@/lib/goals/reorder";

// Goals, milestones and actions: one set of actions for a coach on a coachee's profile
// ("coachees:manage") and the coachee on their own pages ("goals:own"). The guard lets either role
// through; each service checks again whose goals they are (lib/goals/access.ts).

const GOALS = ["coachees:manage", "goals:own"] as const;

export const createGoalAction = memberAction(GOALS, createGoalSchema, async (actor, input) => {
  await createGoal(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Goals.server.goalAdded", { title: input.title }) };
});

export const updateGoalAction = memberAction(GOALS, updateGoalSchema, async (actor, input) => {
  await updateGoal(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Goals.server.goalSaved") };
});

export const deleteGoalAction = memberAction(GOALS, goalIdSchema, async (actor, input) => {
  await deleteGoal(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Goals.server.goalDeleted") };
});

export const createMilestoneAction = memberAction(GOALS, createMilestoneSchema, async (actor, input) => {
  await createMilestone(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Goals.server.milestoneAdded", { title: input.title }) };
});

export const updateMilestoneAction = memberAction(GOALS, updateMilestoneSchema, async (actor, input) => {
  await updateMilestone(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Goals.server.milestoneSaved") };
});

export const deleteMilestoneAction = memberAction(GOALS, milestoneIdSchema, async (actor, input) => {
  await deleteMilestone(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Goals.server.milestoneDeleted") };
});

export const createActionItemAction = memberAction(GOALS, createActionItemFormSchema, async (actor, input) => {
  await createActionItem(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Goals.server.actionAdded", { title: input.title }) };
});

export const updateActionItemAction = memberAction(GOALS, updateActionItemSchema, async (actor, input) => {
  await updateActionItem(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Goals.server.actionSaved") };
});

export const deleteActionItemAction = memberAction(GOALS, actionItemIdSchema, async (actor, input) => {
  await deleteActionItem(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Goals.server.actionDeleted") };
});

export const moveActionItemAction = memberAction(GOALS, moveActionItemFormSchema, async (actor, input) => {
  await moveActionItem(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Goals.server.actionMoved") };
});

/** The slider: the saved figure and the goal's rolled-up figures, for the page to show at once. */
export const actionItemProgressAction = memberAction(GOALS, actionItemProgressSchema, async (actor, input) => {
  const saved = await setActionItemProgress(db(), actor, input);
  refreshOrganisation();
  return { ok: true, data: { progress: saved.progress, goal: saved.goal } };
});

export const reorderAction = memberAction(GOALS, reorderSchema, async (actor, input) => {
  await reorder(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Goals.server.orderSaved") };
});
