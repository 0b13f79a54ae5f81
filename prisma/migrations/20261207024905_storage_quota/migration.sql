-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "storageQuotaBytes" BIGINT NOT NULL DEFAULT 5368709120;

-- CreateTable
CREATE TABLE "FileUploadReservation" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FileUploadReservation_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE INDEX "FileUploadReservation_organizationId_expiresAt_idx" ON "FileUploadReservation"("organizationId", "expiresAt");

-- CreateIndex
CREATE INDEX "FileUploadReservation_expiresAt_idx" ON "FileUploadReservation"("expiresAt");

-- AddForeignKey
ALTER TABLE "FileUploadReservation" ADD CONSTRAINT "FileUploadReservation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
