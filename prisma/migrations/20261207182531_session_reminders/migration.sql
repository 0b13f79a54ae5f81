-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "sessionReminderMinutes" INTEGER[] DEFAULT ARRAY[1440, 60]::INTEGER[];

-- CreateTable
CREATE TABLE "SessionReminder" (
    "organizationId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "minutesBefore" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionReminder_pkey" PRIMARY KEY ("organizationId","sessionId","membershipId","minutesBefore","startsAt")
);

-- CreateIndex
CREATE INDEX "SessionReminder_organizationId_membershipId_idx" ON "SessionReminder"("organizationId", "membershipId");

-- CreateIndex
CREATE INDEX "CoachingSession_status_scheduledAt_idx" ON "CoachingSession"("status", "scheduledAt");

-- AddForeignKey
ALTER TABLE "SessionReminder" ADD CONSTRAINT "SessionReminder_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionReminder" ADD CONSTRAINT "SessionReminder_organizationId_sessionId_fkey" FOREIGN KEY ("organizationId", "sessionId") REFERENCES "CoachingSession"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionReminder" ADD CONSTRAINT "SessionReminder_organizationId_membershipId_fkey" FOREIGN KEY ("organizationId", "membershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
