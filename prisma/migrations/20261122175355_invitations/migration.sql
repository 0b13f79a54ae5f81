-- AlterTable
ALTER TABLE "Invitation" ALTER COLUMN "membershipId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Invitation_organizationId_acceptedAt_cancelledAt_lastSentAt_idx" ON "Invitation"("organizationId", "acceptedAt", "cancelledAt", "lastSentAt");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
