-- CreateEnum
CREATE TYPE "CoachingOrigin" AS ENUM ('PATHWAY', 'ADDED');

-- AlterTable
-- Hand-edited: the new membership columns are filled from each session's pathway before they become required.
ALTER TABLE "CoachingSession" ADD COLUMN     "coachMembershipId" UUID,
ADD COLUMN     "coacheeMembershipId" UUID,
ADD COLUMN     "location" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "timezone" TEXT NOT NULL DEFAULT 'UTC',
ALTER COLUMN "pathwayId" DROP NOT NULL;

UPDATE "CoachingSession" s SET "coachMembershipId" = p."coachMembershipId", "coacheeMembershipId" = p."membershipId", "timezone" = p."timezone"
  FROM "Pathway" p WHERE p."organizationId" = s."organizationId" AND p."id" = s."pathwayId";
ALTER TABLE "CoachingSession" ALTER COLUMN "coachMembershipId" SET NOT NULL, ALTER COLUMN "coacheeMembershipId" SET NOT NULL;

-- CreateTable
CREATE TABLE "CoachingRelationship" (
    "organizationId" UUID NOT NULL,
    "coachMembershipId" UUID NOT NULL,
    "coacheeMembershipId" UUID NOT NULL,
    "origin" "CoachingOrigin" NOT NULL,
    "lastActivityAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoachingRelationship_pkey" PRIMARY KEY ("organizationId","coachMembershipId","coacheeMembershipId")
);

-- CreateTable
CREATE TABLE "CoacheeGroup" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "coachMembershipId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoacheeGroup_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "CoacheeGroupMember" (
    "organizationId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "coachMembershipId" UUID NOT NULL,
    "coacheeMembershipId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoacheeGroupMember_pkey" PRIMARY KEY ("organizationId","groupId","coacheeMembershipId")
);

-- CreateTable
CREATE TABLE "Activity" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "coacheeMembershipId" UUID NOT NULL,
    "actorMembershipId" UUID,
    "coachMembershipId" UUID,
    "kind" TEXT NOT NULL,
    "subjectId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "MessageThread" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "coachMembershipId" UUID NOT NULL,
    "coacheeMembershipId" UUID NOT NULL,
    "lastMessageAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "coachReadAt" TIMESTAMP(3),
    "coacheeReadAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageThread_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Message" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "threadId" UUID NOT NULL,
    "authorMembershipId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE INDEX "CoachingRelationship_organizationId_coacheeMembershipId_idx" ON "CoachingRelationship"("organizationId", "coacheeMembershipId");

-- CreateIndex
CREATE INDEX "CoachingRelationship_organizationId_coachMembershipId_lastA_idx" ON "CoachingRelationship"("organizationId", "coachMembershipId", "lastActivityAt");

-- CreateIndex
CREATE UNIQUE INDEX "CoacheeGroup_organizationId_coachMembershipId_id_key" ON "CoacheeGroup"("organizationId", "coachMembershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CoacheeGroup_organizationId_coachMembershipId_name_key" ON "CoacheeGroup"("organizationId", "coachMembershipId", "name");

-- CreateIndex
CREATE INDEX "CoacheeGroupMember_organizationId_coachMembershipId_coachee_idx" ON "CoacheeGroupMember"("organizationId", "coachMembershipId", "coacheeMembershipId");

-- CreateIndex
CREATE INDEX "Activity_organizationId_coacheeMembershipId_createdAt_id_idx" ON "Activity"("organizationId", "coacheeMembershipId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "MessageThread_organizationId_coacheeMembershipId_lastMessag_idx" ON "MessageThread"("organizationId", "coacheeMembershipId", "lastMessageAt");

-- CreateIndex
CREATE INDEX "MessageThread_organizationId_coachMembershipId_lastMessageA_idx" ON "MessageThread"("organizationId", "coachMembershipId", "lastMessageAt");

-- CreateIndex
CREATE UNIQUE INDEX "MessageThread_organizationId_coachMembershipId_coacheeMembe_key" ON "MessageThread"("organizationId", "coachMembershipId", "coacheeMembershipId");

-- CreateIndex
CREATE INDEX "Message_organizationId_threadId_createdAt_id_idx" ON "Message"("organizationId", "threadId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "CoachingSession_organizationId_coacheeMembershipId_schedule_idx" ON "CoachingSession"("organizationId", "coacheeMembershipId", "scheduledAt");

-- CreateIndex
CREATE INDEX "CoachingSession_organizationId_coachMembershipId_scheduledA_idx" ON "CoachingSession"("organizationId", "coachMembershipId", "scheduledAt");

-- AddForeignKey
ALTER TABLE "CoachingSession" ADD CONSTRAINT "CoachingSession_organizationId_coachMembershipId_fkey" FOREIGN KEY ("organizationId", "coachMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingSession" ADD CONSTRAINT "CoachingSession_organizationId_coacheeMembershipId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingRelationship" ADD CONSTRAINT "CoachingRelationship_organizationId_coachMembershipId_fkey" FOREIGN KEY ("organizationId", "coachMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingRelationship" ADD CONSTRAINT "CoachingRelationship_organizationId_coacheeMembershipId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoacheeGroup" ADD CONSTRAINT "CoacheeGroup_organizationId_coachMembershipId_fkey" FOREIGN KEY ("organizationId", "coachMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoacheeGroupMember" ADD CONSTRAINT "CoacheeGroupMember_organizationId_coachMembershipId_groupI_fkey" FOREIGN KEY ("organizationId", "coachMembershipId", "groupId") REFERENCES "CoacheeGroup"("organizationId", "coachMembershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoacheeGroupMember" ADD CONSTRAINT "CoacheeGroupMember_organizationId_coachMembershipId_coache_fkey" FOREIGN KEY ("organizationId", "coachMembershipId", "coacheeMembershipId") REFERENCES "CoachingRelationship"("organizationId", "coachMembershipId", "coacheeMembershipId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_organizationId_coacheeMembershipId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageThread" ADD CONSTRAINT "MessageThread_organizationId_coachMembershipId_fkey" FOREIGN KEY ("organizationId", "coachMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageThread" ADD CONSTRAINT "MessageThread_organizationId_coacheeMembershipId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_organizationId_threadId_fkey" FOREIGN KEY ("organizationId", "threadId") REFERENCES "MessageThread"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_organizationId_authorMembershipId_fkey" FOREIGN KEY ("organizationId", "authorMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below (Prisma's diff leaves triggers alone): the PATHWAY relationships follow the
-- pathways. A pathway's primary coach coaches its participant; when a pathway changes coach (or is
-- removed) the old coach keeps the coachee only while another of the coachee's pathways still names
-- them, or when they added the coachee themselves (origin ADDED, which this never touches).
CREATE OR REPLACE FUNCTION "pathway_coaching_relationship"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "CoachingRelationship" r
     WHERE r."organizationId" = OLD."organizationId" AND r."coachMembershipId" = OLD."coachMembershipId"
       AND r."coacheeMembershipId" = OLD."membershipId" AND r."origin" = 'PATHWAY'
       AND NOT EXISTS (SELECT 1 FROM "Pathway" p
                        WHERE p."organizationId" = OLD."organizationId" AND p."coachMembershipId" = OLD."coachMembershipId"
                          AND p."membershipId" = OLD."membershipId" AND p."id" <> OLD."id");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "CoachingRelationship" ("organizationId", "coachMembershipId", "coacheeMembershipId", "origin")
    VALUES (NEW."organizationId", NEW."coachMembershipId", NEW."membershipId", 'PATHWAY')
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "pathway_coaching_relationship" AFTER INSERT OR DELETE OR UPDATE OF "coachMembershipId", "membershipId" ON "Pathway"
  FOR EACH ROW EXECUTE FUNCTION "pathway_coaching_relationship"();

-- The pathways there are today.
INSERT INTO "CoachingRelationship" ("organizationId", "coachMembershipId", "coacheeMembershipId", "origin", "createdAt")
SELECT "organizationId", "coachMembershipId", "membershipId", 'PATHWAY', min("createdAt")
  FROM "Pathway" GROUP BY "organizationId", "coachMembershipId", "membershipId"
ON CONFLICT DO NOTHING;
