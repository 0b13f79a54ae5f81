-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "sessionId" UUID;

-- AlterTable
ALTER TABLE "CoachingSession" ADD COLUMN     "agenda" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "meetingUrl" TEXT;

-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "sessionId" UUID;

-- CreateIndex
CREATE INDEX "Action_organizationId_sessionId_idx" ON "Action"("organizationId", "sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "CoachingSession_organizationId_coacheeMembershipId_id_key" ON "CoachingSession"("organizationId", "coacheeMembershipId", "id");

-- CreateIndex
CREATE INDEX "Note_organizationId_sessionId_createdAt_idx" ON "Note"("organizationId", "sessionId", "createdAt");

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_organizationId_coacheeMembershipId_sessionId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId", "sessionId") REFERENCES "CoachingSession"("organizationId", "coacheeMembershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_organizationId_coacheeMembershipId_sessionId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId", "sessionId") REFERENCES "CoachingSession"("organizationId", "coacheeMembershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Bounds the services check first, kept by the database too.
ALTER TABLE "CoachingSession" ADD CONSTRAINT "CoachingSession_agenda_bounded" CHECK (char_length("agenda") <= 5000);
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_meeting_url_https" CHECK ("meetingUrl" IS NULL OR ("meetingUrl" LIKE 'https://%' AND char_length("meetingUrl") <= 500));

-- A coach's note may now be shared too, but only as a session note (written on the session's notepad for
-- the coachee to read); everywhere else a coach's notes stay the coach's own. The rest is as before.
CREATE OR REPLACE FUNCTION "note_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW."coacheeMembershipId" <> OLD."coacheeMembershipId" OR NEW."authorMembershipId" <> OLD."authorMembershipId") THEN
    RAISE EXCEPTION 'a note keeps its coachee and its author' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."visibility" = 'SHARED' AND NEW."authorMembershipId" <> NEW."coacheeMembershipId" AND NEW."sessionId" IS NULL THEN
    RAISE EXCEPTION 'a coach''s note is shared only as a session note' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'INSERT' AND NEW."authorMembershipId" <> NEW."coacheeMembershipId" AND NOT EXISTS (
    SELECT 1 FROM "CoachingRelationship" r
     WHERE r."organizationId" = NEW."organizationId" AND r."coachMembershipId" = NEW."authorMembershipId"
       AND r."coacheeMembershipId" = NEW."coacheeMembershipId"
  ) THEN
    RAISE EXCEPTION 'a note is written by its coachee or one of their coaches' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
