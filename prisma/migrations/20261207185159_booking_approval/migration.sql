-- AlterEnum
ALTER TYPE "SessionStatus" ADD VALUE 'REQUESTED';

-- AlterTable
ALTER TABLE "CoachAvailability" ADD COLUMN     "needsApproval" BOOLEAN NOT NULL DEFAULT false;
