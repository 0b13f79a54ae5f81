-- CreateTable
CREATE TABLE "CoachingRequest" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "coachMembershipId" UUID NOT NULL,
    "coacheeMembershipId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "declinedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoachingRequest_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE INDEX "CoachingRequest_organizationId_coacheeMembershipId_declined_idx" ON "CoachingRequest"("organizationId", "coacheeMembershipId", "declinedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CoachingRequest_organizationId_coachMembershipId_coacheeMem_key" ON "CoachingRequest"("organizationId", "coachMembershipId", "coacheeMembershipId");

-- AddForeignKey
ALTER TABLE "CoachingRequest" ADD CONSTRAINT "CoachingRequest_organizationId_coachMembershipId_fkey" FOREIGN KEY ("organizationId", "coachMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoachingRequest" ADD CONSTRAINT "CoachingRequest_organizationId_coacheeMembershipId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
