-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PREVIEWED', 'CONFIRMED');

-- CreateTable
CREATE TABLE "ImportPreview" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cohortId" UUID,
    "createdById" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "rows" JSONB NOT NULL,
    "green" INTEGER NOT NULL,
    "yellow" INTEGER NOT NULL,
    "red" INTEGER NOT NULL,
    "unknownColumns" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "ImportStatus" NOT NULL DEFAULT 'PREVIEWED',
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "ImportPreview_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE INDEX "ImportPreview_organizationId_createdAt_idx" ON "ImportPreview"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "ImportPreview" ADD CONSTRAINT "ImportPreview_organizationId_cohortId_fkey" FOREIGN KEY ("organizationId", "cohortId") REFERENCES "Cohort"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportPreview" ADD CONSTRAINT "ImportPreview_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
