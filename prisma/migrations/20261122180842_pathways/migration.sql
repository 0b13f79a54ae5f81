-- CreateEnum
CREATE TYPE "PathwayStatus" AS ENUM ('ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ArchiveReason" AS ENUM ('DNF', 'DNS', 'COMPLETED');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('SCHEDULED', 'ATTENDED', 'CANCELLED', 'NO_SHOW');

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sessionsIncluded" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Cohort" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "clientName" TEXT NOT NULL DEFAULT '',
    "startDate" DATE,
    "endDate" DATE,
    "creditBalance" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cohort_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "Pathway" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "coachMembershipId" UUID NOT NULL,
    "startDate" DATE NOT NULL,
    "timezone" TEXT NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "PathwayStatus" NOT NULL DEFAULT 'ACTIVE',
    "archiveReason" "ArchiveReason",
    "archivedAt" TIMESTAMP(3),
    "archivedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pathway_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "CoachingSession" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "pathwayId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'SCHEDULED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoachingSession_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "CreditEntry" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "pathwayId" UUID,
    "amount" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "actorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditEntry_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_organizationId_programmeId_name_key" ON "Cohort"("organizationId", "programmeId", "name");

-- CreateIndex
CREATE INDEX "Pathway_organizationId_cohortId_status_idx" ON "Pathway"("organizationId", "cohortId", "status");

-- CreateIndex
CREATE INDEX "Pathway_organizationId_programmeId_status_idx" ON "Pathway"("organizationId", "programmeId", "status");

-- CreateIndex
CREATE INDEX "Pathway_organizationId_coachMembershipId_idx" ON "Pathway"("organizationId", "coachMembershipId");

-- CreateIndex
CREATE INDEX "Pathway_organizationId_membershipId_idx" ON "Pathway"("organizationId", "membershipId");

-- CreateIndex
CREATE INDEX "CoachingSession_organizationId_pathwayId_scheduledAt_idx" ON "CoachingSession"("organizationId", "pathwayId", "scheduledAt");

-- CreateIndex
CREATE INDEX "CreditEntry_organizationId_cohortId_createdAt_idx" ON "CreditEntry"("organizationId", "cohortId", "createdAt");

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_organizationId_programmeId_fkey" FOREIGN KEY ("organizationId", "programmeId") REFERENCES "Programme"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pathway" ADD CONSTRAINT "Pathway_organizationId_membershipId_fkey" FOREIGN KEY ("organizationId", "membershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pathway" ADD CONSTRAINT "Pathway_organizationId_coachMembershipId_fkey" FOREIGN KEY ("organizationId", "coachMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pathway" ADD CONSTRAINT "Pathway_organizationId_programmeId_fkey" FOREIGN KEY ("organizationId", "programmeId") REFERENCES "Programme"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pathway" ADD CONSTRAINT "Pathway_organizationId_cohortId_fkey" FOREIGN KEY ("organizationId", "cohortId") REFERENCES "Cohort"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingSession" ADD CONSTRAINT "CoachingSession_organizationId_pathwayId_fkey" FOREIGN KEY ("organizationId", "pathwayId") REFERENCES "Pathway"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditEntry" ADD CONSTRAINT "CreditEntry_organizationId_cohortId_fkey" FOREIGN KEY ("organizationId", "cohortId") REFERENCES "Cohort"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditEntry" ADD CONSTRAINT "CreditEntry_organizationId_pathwayId_fkey" FOREIGN KEY ("organizationId", "pathwayId") REFERENCES "Pathway"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditEntry" ADD CONSTRAINT "CreditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
