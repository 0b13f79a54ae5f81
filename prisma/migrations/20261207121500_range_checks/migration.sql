-- Rules that only check a row's own columns are CHECK constraints, not triggers: the database states
-- them in its catalogue, and they cost nothing per row beyond the comparison. Prisma's schema cannot
-- state a CHECK, and its diff leaves them alone (`npm run db:check` passes with them). Each replaces
-- the trigger that kept the same rule; prisma/triggers.ts lists them beside the triggers that remain.

DROP TRIGGER "goal_figures_in_range" ON "Goal";
DROP TRIGGER "milestone_figures_in_range" ON "Milestone";
DROP TRIGGER "action_figures_in_range" ON "Action";
DROP FUNCTION "goal_figures_in_range"();
DROP TRIGGER "comment_on_one_thing" ON "Comment";
DROP FUNCTION "comment_on_one_thing"();
DROP TRIGGER "series_rules" ON "ActionSeries";
DROP FUNCTION "series_rules"();
DROP TRIGGER "coachee_file_rules" ON "CoacheeFile";
DROP FUNCTION "coachee_file_rules"();

ALTER TABLE "Goal" ADD CONSTRAINT "Goal_progress_0_to_100" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_progress_0_to_100" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "Action" ADD CONSTRAINT "Action_progress_0_to_100" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "Action" ADD CONSTRAINT "Action_weight_at_least_1" CHECK ("weight" >= 1);
-- A composite foreign key with a NULL column is not checked at all: without this a milestone id with
-- no goal id would escape the key that ties a milestone to its goal.
ALTER TABLE "Action" ADD CONSTRAINT "Action_milestone_with_its_goal" CHECK ("milestoneId" IS NULL OR "goalId" IS NOT NULL);

ALTER TABLE "Comment" ADD CONSTRAINT "Comment_on_one_thing" CHECK (num_nonnulls("goalId", "actionId") = 1);

ALTER TABLE "ActionSeries" ADD CONSTRAINT "ActionSeries_milestone_with_its_goal" CHECK ("milestoneId" IS NULL OR "goalId" IS NOT NULL);
ALTER TABLE "ActionSeries" ADD CONSTRAINT "ActionSeries_weight_and_interval_at_least_1" CHECK ("weight" >= 1 AND "interval" >= 1);
ALTER TABLE "ActionSeries" ADD CONSTRAINT "ActionSeries_ends_one_way" CHECK (num_nonnulls("count", "until") = 1 AND ("count" IS NULL OR "count" >= 1));

ALTER TABLE "CoacheeFile" ADD CONSTRAINT "CoacheeFile_size_at_least_0" CHECK ("size" >= 0);
ALTER TABLE "CoacheeFile" ADD CONSTRAINT "CoacheeFile_name_1_to_255" CHECK (char_length("originalName") BETWEEN 1 AND 255);
-- The object key is made by the server, never from the name: <organizationId>/<coacheeMembershipId>/<uuid>.
ALTER TABLE "CoacheeFile" ADD CONSTRAINT "CoacheeFile_key_in_coachee_folder"
  CHECK ("storageKey" ~ ('^' || "organizationId"::text || '/' || "coacheeMembershipId"::text || '/[0-9a-f-]{36}$'));
