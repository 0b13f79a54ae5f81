-- AlterTable
ALTER TABLE "CoachAvailability" ADD COLUMN     "cancelWindowHours" INTEGER NOT NULL DEFAULT 24;

-- AlterTable
ALTER TABLE "CoachingSession" ADD COLUMN     "countsAsUsed" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "lateCancellationCounts" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "CoachAvailability" ADD CONSTRAINT "CoachAvailability_cancel_window" CHECK ("cancelWindowHours" BETWEEN 0 AND 168);
-- Only a cancelled session can count as used by being cancelled.
ALTER TABLE "CoachingSession" ADD CONSTRAINT "CoachingSession_counts_as_used_when_cancelled" CHECK (NOT "countsAsUsed" OR "status" = 'CANCELLED');
