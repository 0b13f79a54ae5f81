-- CreateTable
CREATE TABLE "CoachAvailability" (
    "organizationId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "timezone" TEXT NOT NULL,
    "weekly" JSONB NOT NULL,
    "lengths" INTEGER[],
    "bufferMinutes" INTEGER NOT NULL DEFAULT 0,
    "noticeMinutes" INTEGER NOT NULL DEFAULT 1440,
    "horizonDays" INTEGER NOT NULL DEFAULT 60,
    "maxPerDay" INTEGER,
    "daysOff" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoachAvailability_pkey" PRIMARY KEY ("organizationId","membershipId")
);

-- AddForeignKey
ALTER TABLE "CoachAvailability" ADD CONSTRAINT "CoachAvailability_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachAvailability" ADD CONSTRAINT "CoachAvailability_organizationId_membershipId_fkey" FOREIGN KEY ("organizationId", "membershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The bounds the availability form states (lib/sessions/availability.ts), held by the database too.
ALTER TABLE "CoachAvailability" ADD CONSTRAINT "CoachAvailability_bounds" CHECK (
  "bufferMinutes" BETWEEN 0 AND 240 AND "noticeMinutes" BETWEEN 0 AND 43200 AND "horizonDays" BETWEEN 1 AND 365
  AND ("maxPerDay" IS NULL OR "maxPerDay" BETWEEN 1 AND 24) AND cardinality("daysOff") <= 366 AND cardinality("lengths") BETWEEN 1 AND 6);
