import type { Db } from "../../lib/db/client";
import { withDefaults } from "./unique";

// Goals, milestones and actions written straight to the database. Figures (progress, completedAt on
// goals and milestones) are left as given: tests that need them rolled up go through lib/goals.

/** A goal of the coachee, created by them unless said otherwise. */
export async function createGoal(
  db: Db,
  coachee: { organizationId: string; id: string },
  overrides: { title?: string; description?: string; dueDate?: Date | null; position?: number; createdByMembershipId?: string } = {},
) {
  return db.goal.create({
    data: withDefaults(
      {
        organizationId: coachee.organizationId,
        coacheeMembershipId: coachee.id,
        title: "Goal",
        createdByMembershipId: coachee.id,
      },
      overrides,
    ),
  });
}

/** A milestone of the goal. */
export async function createMilestone(
  db: Db,
  goal: { organizationId: string; id: string },
  overrides: { title?: string; dueDate?: Date | null; position?: number } = {},
) {
  return db.milestone.create({
    data: withDefaults({ organizationId: goal.organizationId, goalId: goal.id, title: "Milestone" }, overrides),
  });
}

/** An action of the coachee: standalone, or on `goal` (and `milestone`, which must be the goal's). */
export async function createActionItem(
  db: Db,
  coachee: { organizationId: string; id: string },
  overrides: {
    goal?: { id: string };
    milestone?: { id: string; goalId: string };
    title?: string;
    progress?: number;
    weight?: number;
    dueDate?: Date | null;
    monitoredByCoach?: boolean;
    createdByMembershipId?: string;
  } = {},
) {
  const { goal, milestone, progress, ...rest } = overrides;
  return db.action.create({
    data: withDefaults(
      {
        organizationId: coachee.organizationId,
        coacheeMembershipId: coachee.id,
        goalId: milestone?.goalId ?? goal?.id ?? null,
        milestoneId: milestone?.id ?? null,
        title: "Action",
        progress: progress ?? 0,
        completedAt: progress === 100 ? new Date() : null,
        createdByMembershipId: coachee.id,
      },
      rest,
    ),
  });
}
