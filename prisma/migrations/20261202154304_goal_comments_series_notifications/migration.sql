-- CreateEnum
CREATE TYPE "RecurrenceFrequency" AS ENUM ('DAILY', 'WEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "NotificationDelivery" AS ENUM ('IMMEDIATE', 'DIGEST', 'IN_APP');

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "dueReminderAt" TIMESTAMP(3),
ADD COLUMN     "overdueReminderAt" TIMESTAMP(3),
ADD COLUMN     "seriesId" UUID;

-- CreateTable
CREATE TABLE "ActionSeries" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "coacheeMembershipId" UUID NOT NULL,
    "goalId" UUID,
    "milestoneId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "weight" INTEGER NOT NULL DEFAULT 1,
    "monitoredByCoach" BOOLEAN NOT NULL DEFAULT false,
    "frequency" "RecurrenceFrequency" NOT NULL,
    "interval" INTEGER NOT NULL DEFAULT 1,
    "weekdays" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "startDate" DATE NOT NULL,
    "count" INTEGER,
    "until" DATE,
    "timezone" TEXT NOT NULL,
    "createdByMembershipId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionSeries_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "coacheeMembershipId" UUID NOT NULL,
    "goalId" UUID,
    "actionId" UUID,
    "authorMembershipId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "editedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "recipientMembershipId" UUID NOT NULL,
    "actorMembershipId" UUID,
    "kind" TEXT NOT NULL,
    "coacheeMembershipId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "count" INTEGER NOT NULL DEFAULT 1,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),
    "digestedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "organizationId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "delivery" "NotificationDelivery" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("organizationId","membershipId","kind")
);

-- CreateTable
CREATE TABLE "NotificationDigest" (
    "organizationId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "items" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationDigest_pkey" PRIMARY KEY ("organizationId","membershipId","day")
);

-- CreateIndex
CREATE INDEX "ActionSeries_organizationId_coacheeMembershipId_idx" ON "ActionSeries"("organizationId", "coacheeMembershipId");

-- CreateIndex
CREATE UNIQUE INDEX "ActionSeries_organizationId_coacheeMembershipId_id_key" ON "ActionSeries"("organizationId", "coacheeMembershipId", "id");

-- CreateIndex
CREATE INDEX "Comment_organizationId_goalId_createdAt_idx" ON "Comment"("organizationId", "goalId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_organizationId_actionId_createdAt_idx" ON "Comment"("organizationId", "actionId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_organizationId_recipientMembershipId_updatedAt_idx" ON "Notification"("organizationId", "recipientMembershipId", "updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Notification_organizationId_recipientMembershipId_readAt_idx" ON "Notification"("organizationId", "recipientMembershipId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_organizationId_recipientMembershipId_kind_subj_idx" ON "Notification"("organizationId", "recipientMembershipId", "kind", "subjectId", "createdAt");

-- CreateIndex
CREATE INDEX "Action_organizationId_seriesId_dueDate_idx" ON "Action"("organizationId", "seriesId", "dueDate");

-- CreateIndex
CREATE INDEX "Action_organizationId_dueDate_idx" ON "Action"("organizationId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Action_organizationId_coacheeMembershipId_id_key" ON "Action"("organizationId", "coacheeMembershipId", "id");

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_organizationId_coacheeMembershipId_seriesId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId", "seriesId") REFERENCES "ActionSeries"("organizationId", "coacheeMembershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionSeries" ADD CONSTRAINT "ActionSeries_organizationId_coacheeMembershipId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionSeries" ADD CONSTRAINT "ActionSeries_organizationId_createdByMembershipId_fkey" FOREIGN KEY ("organizationId", "createdByMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionSeries" ADD CONSTRAINT "ActionSeries_organizationId_coacheeMembershipId_goalId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId", "goalId") REFERENCES "Goal"("organizationId", "coacheeMembershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionSeries" ADD CONSTRAINT "ActionSeries_organizationId_goalId_milestoneId_fkey" FOREIGN KEY ("organizationId", "goalId", "milestoneId") REFERENCES "Milestone"("organizationId", "goalId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_organizationId_coacheeMembershipId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_organizationId_authorMembershipId_fkey" FOREIGN KEY ("organizationId", "authorMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_organizationId_coacheeMembershipId_goalId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId", "goalId") REFERENCES "Goal"("organizationId", "coacheeMembershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_organizationId_coacheeMembershipId_actionId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId", "actionId") REFERENCES "Action"("organizationId", "coacheeMembershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_organizationId_recipientMembershipId_fkey" FOREIGN KEY ("organizationId", "recipientMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_organizationId_membershipId_fkey" FOREIGN KEY ("organizationId", "membershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationDigest" ADD CONSTRAINT "NotificationDigest_organizationId_membershipId_fkey" FOREIGN KEY ("organizationId", "membershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma cannot state, kept by triggers (the schema engine's diff cannot read CHECK constraints):
-- a comment is on exactly one thing; a series names a milestone only with its goal, weighs at least 1,
-- repeats at least every 1 and ends one way (a count of at least 1, or an end day).
CREATE FUNCTION "comment_on_one_thing"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."goalId" IS NULL) = (NEW."actionId" IS NULL) THEN
    RAISE EXCEPTION 'a comment is on exactly one goal or one action' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "comment_on_one_thing" BEFORE INSERT OR UPDATE ON "Comment" FOR EACH ROW EXECUTE FUNCTION "comment_on_one_thing"();

CREATE FUNCTION "series_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."milestoneId" IS NOT NULL AND NEW."goalId" IS NULL THEN
    RAISE EXCEPTION 'a series on a milestone must name its goal' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."weight" < 1 OR NEW."interval" < 1 THEN
    RAISE EXCEPTION 'weight and interval must be at least 1' USING ERRCODE = 'check_violation';
  END IF;
  IF (NEW."count" IS NULL) = (NEW."until" IS NULL) OR NEW."count" < 1 THEN
    RAISE EXCEPTION 'a series ends after a count or on a day, one of the two' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "series_rules" BEFORE INSERT OR UPDATE ON "ActionSeries" FOR EACH ROW EXECUTE FUNCTION "series_rules"();

-- Reminders start from here: actions already overdue when this migration runs are not reminded all at
-- once (one email per historic action to every coachee on the first pass of the delivery loop).
UPDATE "Action" SET "dueReminderAt" = now(), "overdueReminderAt" = now()
 WHERE "completedAt" IS NULL AND "dueDate" < CURRENT_DATE;

-- What a member was told belongs to the seat they were told in: when a coach stops coaching a coachee
-- (the relationship row goes), their notifications about that coachee go; when a member's role changes
-- (a coach made an admin or a sponsor), every notification of theirs goes. So neither the centre nor the
-- digest ever shows someone what they may no longer see.
CREATE FUNCTION "notifications_follow_relationship"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "Notification"
   WHERE "organizationId" = OLD."organizationId" AND "recipientMembershipId" = OLD."coachMembershipId"
     AND "coacheeMembershipId" = OLD."coacheeMembershipId";
  RETURN OLD;
END;
$$;

CREATE TRIGGER "notifications_follow_relationship" AFTER DELETE ON "CoachingRelationship"
  FOR EACH ROW EXECUTE FUNCTION "notifications_follow_relationship"();

CREATE FUNCTION "notifications_follow_role"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "Notification" WHERE "organizationId" = NEW."organizationId" AND "recipientMembershipId" = NEW."id";
  RETURN NEW;
END;
$$;

CREATE TRIGGER "notifications_follow_role" AFTER UPDATE OF "role" ON "Membership"
  FOR EACH ROW WHEN (OLD."role" IS DISTINCT FROM NEW."role") EXECUTE FUNCTION "notifications_follow_role"();
