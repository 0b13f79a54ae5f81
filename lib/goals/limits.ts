// How much one coachee's goals may hold, client-safe (no imports) so forms and the README can state it;
// lib/goals/caps.ts enforces it. Numbers no real coachee meets (a year of daily actions fits many times
// over), there so that nobody can make the server work in proportion to an unbounded pile.

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

const n = (v: number) => v.toLocaleString("en-GB");

/** The refusal for each cap, stating it (and never echoing what was sent). */
export const LIMIT_MESSAGES = {
  goalsPerCoachee: `A coachee can have at most ${n(GOAL_LIMITS.goalsPerCoachee)} goals. Delete or finish one first.`,
  milestonesPerGoal: `A goal can have at most ${n(GOAL_LIMITS.milestonesPerGoal)} milestones.`,
  openActionsPerCoachee: `A coachee can have at most ${n(GOAL_LIMITS.openActionsPerCoachee)} open actions. Complete or delete some first.`,
  actionsPerCoachee: `A coachee can have at most ${n(GOAL_LIMITS.actionsPerCoachee)} actions in all. Delete some old ones first.`,
  seriesPerCoachee: `A coachee can have at most ${n(GOAL_LIMITS.seriesPerCoachee)} recurring actions. Delete one first.`,
  commentsPerThread: `A thread can have at most ${n(GOAL_LIMITS.commentsPerThread)} comments.`,
} as const;
