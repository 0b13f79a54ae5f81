-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailDueAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "NotificationEmail" (
    "organizationId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "firstId" UUID NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "items" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationEmail_pkey" PRIMARY KEY ("organizationId","membershipId","firstId")
);

-- CreateIndex
CREATE INDEX "Notification_emailDueAt_idx" ON "Notification"("emailDueAt");

-- AddForeignKey
ALTER TABLE "NotificationEmail" ADD CONSTRAINT "NotificationEmail_organizationId_membershipId_fkey" FOREIGN KEY ("organizationId", "membershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
