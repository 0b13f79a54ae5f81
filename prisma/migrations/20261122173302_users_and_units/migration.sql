-- AlterTable
ALTER TABLE "User" ADD COLUMN     "passwordResetRequired" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "UnitAssignment" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "UnitAssignment_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE INDEX "UnitAssignment_organizationId_membershipId_startedAt_idx" ON "UnitAssignment"("organizationId", "membershipId", "startedAt");

-- CreateIndex
CREATE INDEX "Membership_organizationId_joinedAt_id_idx" ON "Membership"("organizationId", "joinedAt", "id");

-- CreateIndex
CREATE INDEX "Membership_organizationId_lastActiveAt_id_idx" ON "Membership"("organizationId", "lastActiveAt", "id");

-- AddForeignKey
ALTER TABLE "UnitAssignment" ADD CONSTRAINT "UnitAssignment_organizationId_membershipId_fkey" FOREIGN KEY ("organizationId", "membershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitAssignment" ADD CONSTRAINT "UnitAssignment_organizationId_unitId_fkey" FOREIGN KEY ("organizationId", "unitId") REFERENCES "OrgUnit"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
