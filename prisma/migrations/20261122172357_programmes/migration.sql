-- CreateTable
CREATE TABLE "Programme" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "ProgrammeAssignment" (
    "organizationId" UUID NOT NULL,
    "programmeId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgrammeAssignment_pkey" PRIMARY KEY ("organizationId","programmeId","membershipId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Programme_organizationId_name_key" ON "Programme"("organizationId", "name");

-- CreateIndex
CREATE INDEX "ProgrammeAssignment_organizationId_membershipId_idx" ON "ProgrammeAssignment"("organizationId", "membershipId");

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeAssignment" ADD CONSTRAINT "ProgrammeAssignment_organizationId_programmeId_fkey" FOREIGN KEY ("organizationId", "programmeId") REFERENCES "Programme"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeAssignment" ADD CONSTRAINT "ProgrammeAssignment_organizationId_membershipId_fkey" FOREIGN KEY ("organizationId", "membershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
