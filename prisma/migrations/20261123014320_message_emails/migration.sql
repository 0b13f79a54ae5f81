-- AlterTable
ALTER TABLE "MessageThread" ADD COLUMN     "coachEmailedAt" TIMESTAMP(3),
ADD COLUMN     "coacheeEmailedAt" TIMESTAMP(3);
