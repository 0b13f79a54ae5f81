import type { GoalActions } from "@/components/goals/goal-tree";
import {
  actionItemProgressAction,
  createActionItemAction,
  createGoalAction,
  createMilestoneAction,
  deleteActionItemAction,
  deleteGoalAction,
  deleteMilestoneAction,
  moveActionItemAction,
  reorderAction,
  updateActionItemAction,
  updateGoalAction,
  updateMilestoneAction,
} from "./actions";
import { addCommentAction, deleteCommentAction, editCommentAction } from "./comment-actions";
import { createSeriesAction } from "./series-actions";

/** The goal views' server actions, as the components take them (the coachee profile and the participant's pages). */
export const GOAL_ACTIONS: GoalActions = {
  createGoal: createGoalAction,
  updateGoal: updateGoalAction,
  deleteGoal: deleteGoalAction,
  createMilestone: createMilestoneAction,
  updateMilestone: updateMilestoneAction,
  deleteMilestone: deleteMilestoneAction,
  createActionItem: createActionItemAction,
  updateActionItem: updateActionItemAction,
  deleteActionItem: deleteActionItemAction,
  moveActionItem: moveActionItemAction,
  progress: actionItemProgressAction,
  reorder: reorderAction,
  createSeries: createSeriesAction,
  comments: { add: addCommentAction, edit: editCommentAction, remove: deleteCommentAction },
};
