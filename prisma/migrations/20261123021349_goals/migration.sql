-- CreateTable
CREATE TABLE "Goal" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "coacheeMembershipId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "dueDate" DATE,
    "position" INTEGER NOT NULL DEFAULT 0,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3),
    "createdByMembershipId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATE,
    "position" INTEGER NOT NULL DEFAULT 0,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Action" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "coacheeMembershipId" UUID NOT NULL,
    "goalId" UUID,
    "milestoneId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "dueDate" DATE,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "monitoredByCoach" BOOLEAN NOT NULL DEFAULT false,
    "completedAt" TIMESTAMP(3),
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdByMembershipId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE INDEX "Goal_organizationId_coacheeMembershipId_position_idx" ON "Goal"("organizationId", "coacheeMembershipId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Goal_organizationId_coacheeMembershipId_id_key" ON "Goal"("organizationId", "coacheeMembershipId", "id");

-- CreateIndex
CREATE INDEX "Milestone_organizationId_goalId_position_idx" ON "Milestone"("organizationId", "goalId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_organizationId_goalId_id_key" ON "Milestone"("organizationId", "goalId", "id");

-- CreateIndex
CREATE INDEX "Action_organizationId_coacheeMembershipId_goalId_idx" ON "Action"("organizationId", "coacheeMembershipId", "goalId");

-- CreateIndex
CREATE INDEX "Action_organizationId_coacheeMembershipId_dueDate_idx" ON "Action"("organizationId", "coacheeMembershipId", "dueDate");

-- CreateIndex
CREATE INDEX "Action_organizationId_goalId_milestoneId_position_idx" ON "Action"("organizationId", "goalId", "milestoneId", "position");

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_organizationId_coacheeMembershipId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_organizationId_createdByMembershipId_fkey" FOREIGN KEY ("organizationId", "createdByMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_organizationId_goalId_fkey" FOREIGN KEY ("organizationId", "goalId") REFERENCES "Goal"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_organizationId_coacheeMembershipId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_organizationId_createdByMembershipId_fkey" FOREIGN KEY ("organizationId", "createdByMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_organizationId_coacheeMembershipId_goalId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId", "goalId") REFERENCES "Goal"("organizationId", "coacheeMembershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_organizationId_goalId_milestoneId_fkey" FOREIGN KEY ("organizationId", "goalId", "milestoneId") REFERENCES "Milestone"("organizationId", "goalId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma cannot state, kept by triggers (the schema engine's diff cannot read CHECK constraints):
-- figures stay in 0..100, weights are at least 1, and an action names a milestone only together with its
-- goal (a composite foreign key with a NULL column is not checked at all, so without this a milestone id
-- with no goal id would escape the key that ties a milestone to its goal).
CREATE FUNCTION "goal_figures_in_range"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."progress" < 0 OR NEW."progress" > 100 THEN
    RAISE EXCEPTION 'progress must be between 0 and 100' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_TABLE_NAME = 'Action' THEN
    IF NEW."weight" < 1 THEN
      RAISE EXCEPTION 'weight must be at least 1' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."milestoneId" IS NOT NULL AND NEW."goalId" IS NULL THEN
      RAISE EXCEPTION 'an action on a milestone must name its goal' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "goal_figures_in_range" BEFORE INSERT OR UPDATE ON "Goal" FOR EACH ROW EXECUTE FUNCTION "goal_figures_in_range"();
CREATE TRIGGER "milestone_figures_in_range" BEFORE INSERT OR UPDATE ON "Milestone" FOR EACH ROW EXECUTE FUNCTION "goal_figures_in_range"();
CREATE TRIGGER "action_figures_in_range" BEFORE INSERT OR UPDATE ON "Action" FOR EACH ROW EXECUTE FUNCTION "goal_figures_in_range"();
