// How much one coachee's goals may hold, client-safe (no imports but the message keys) so forms and the README can state it;
// lib/goals/caps.ts enforces it. Numbers no real coachee meets (a year of daily actions fits many times
// over), there so that nobody can make the server work in proportion to an unbounded pile.

import { msg } from "../i18n/msg";

export const GOAL_LIMITS = {
  /** Goals of one coachee. */
  goalsPerCoachee: 100,
  /** Milestones of one goal. */
  milestonesPerGoal: 30,
  /** Actions of one coachee not yet done (a series counts its occurrences). */
  openActionsPerCoachee: 1000,
  /** Actions of one coachee, done ones included. */
  actionsPerCoachee: 5000,
  /** Recurring series of one coachee. */
  seriesPerCoachee: 50,
  /** Comments in one thread (a goal's or an action's). */
  commentsPerThread: 500,
} as const;

/**
 * What a goals page shows at once: every goal as a line, one goal open, and of its actions (and the
 * standalone ones) a few per place within a budget; the rest folds behind a link to the list it belongs to.
 */
export const GOALS_SHOWN = {
  /** Actions shown in one place (a milestone, a goal directly, the standalone ones). */
  actionsPerPlace: 10,
  /** Actions shown on one page in all, whatever the places. */
  actionsPerPage: 150,
  /** The newest comments a thread shows before "Show all". */
  commentsPerThread: 20,
} as const;

/** The refusal for each cap, stating it (and never echoing what was sent). */
export const LIMIT_MESSAGES = {
  goalsPerCoachee: msg("Goals.server.goalsPerCoachee", { max: GOAL_LIMITS.goalsPerCoachee }),
  milestonesPerGoal: msg("Goals.server.milestonesPerGoal", { max: GOAL_LIMITS.milestonesPerGoal }),
  openActionsPerCoachee: msg("Goals.server.openActionsPerCoachee", { max: GOAL_LIMITS.openActionsPerCoachee }),
  actionsPerCoachee: msg("Goals.server.actionsPerCoachee", { max: GOAL_LIMITS.actionsPerCoachee }),
  seriesPerCoachee: msg("Goals.server.seriesPerCoachee", { max: GOAL_LIMITS.seriesPerCoachee }),
  commentsPerThread: msg("Goals.server.commentsPerThread", { max: GOAL_LIMITS.commentsPerThread }),
} as const;
