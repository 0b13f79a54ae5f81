-- CreateTable
CREATE TABLE "AssessmentTemplate" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "coachMembershipId" UUID,
    "createdByMembershipId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "questions" JSONB NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentTemplate_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "AssessmentAssignment" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "coacheeMembershipId" UUID NOT NULL,
    "assignedByMembershipId" UUID NOT NULL,
    "templateId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "questions" JSONB NOT NULL,
    "dueDate" DATE,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "answersSavedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewedByMembershipId" UUID,
    "reviewComment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentAssignment_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE INDEX "AssessmentTemplate_organizationId_coachMembershipId_archive_idx" ON "AssessmentTemplate"("organizationId", "coachMembershipId", "archivedAt");

-- CreateIndex
CREATE INDEX "AssessmentAssignment_organizationId_coacheeMembershipId_sub_idx" ON "AssessmentAssignment"("organizationId", "coacheeMembershipId", "submittedAt", "dueDate");

-- CreateIndex
CREATE INDEX "AssessmentAssignment_organizationId_templateId_idx" ON "AssessmentAssignment"("organizationId", "templateId");

-- AddForeignKey
ALTER TABLE "AssessmentTemplate" ADD CONSTRAINT "AssessmentTemplate_organizationId_createdByMembershipId_fkey" FOREIGN KEY ("organizationId", "createdByMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentAssignment" ADD CONSTRAINT "AssessmentAssignment_organizationId_coacheeMembershipId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentAssignment" ADD CONSTRAINT "AssessmentAssignment_organizationId_assignedByMembershipId_fkey" FOREIGN KEY ("organizationId", "assignedByMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentAssignment" ADD CONSTRAINT "AssessmentAssignment_organizationId_templateId_fkey" FOREIGN KEY ("organizationId", "templateId") REFERENCES "AssessmentTemplate"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules Prisma cannot state, kept by triggers (the schema engine's diff cannot read CHECK constraints).
-- A coach's template is the coach's own making (an organisation's has no coach).
CREATE FUNCTION "assessment_template_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."coachMembershipId" IS NOT NULL AND NEW."coachMembershipId" <> NEW."createdByMembershipId" THEN
    RAISE EXCEPTION 'a coach''s template is made by that coach' USING ERRCODE = 'check_violation';
  END IF;
  IF jsonb_typeof(NEW."questions") <> 'array' THEN
    RAISE EXCEPTION 'questions are a list' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "assessment_template_rules" BEFORE INSERT OR UPDATE ON "AssessmentTemplate"
  FOR EACH ROW EXECUTE FUNCTION "assessment_template_rules"();

-- An assignment's questions are a snapshot taken when it was given: never changed afterwards. Once
-- submitted, its answers and the moment it was submitted are final, whatever the code above says:
-- the review (comment, reviewer, time) is the only thing that may still change, and the row is never
-- deleted.
CREATE FUNCTION "assessment_answers_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."submittedAt" IS NOT NULL THEN
      RAISE EXCEPTION 'a submitted assessment cannot be deleted' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW."questions" IS DISTINCT FROM OLD."questions" OR NEW."coacheeMembershipId" IS DISTINCT FROM OLD."coacheeMembershipId" THEN
    RAISE EXCEPTION 'an assessment''s questions are fixed when it is assigned' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD."submittedAt" IS NOT NULL AND (
       NEW."answers" IS DISTINCT FROM OLD."answers"
    OR NEW."submittedAt" IS DISTINCT FROM OLD."submittedAt"
    OR NEW."answersSavedAt" IS DISTINCT FROM OLD."answersSavedAt"
    OR NEW."title" IS DISTINCT FROM OLD."title"
    OR NEW."description" IS DISTINCT FROM OLD."description") THEN
    RAISE EXCEPTION 'submitted answers cannot be changed' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW."reviewedAt" IS NOT NULL AND NEW."submittedAt" IS NULL THEN
    RAISE EXCEPTION 'only a submitted assessment is reviewed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "assessment_answers_final" BEFORE UPDATE OR DELETE ON "AssessmentAssignment"
  FOR EACH ROW EXECUTE FUNCTION "assessment_answers_final"();
