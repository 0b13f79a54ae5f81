-- CreateEnum
CREATE TYPE "NoteVisibility" AS ENUM ('PRIVATE', 'SHARED');

-- CreateTable
CREATE TABLE "Note" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "coacheeMembershipId" UUID NOT NULL,
    "authorMembershipId" UUID NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "visibility" "NoteVisibility" NOT NULL DEFAULT 'PRIVATE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Note_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "NoteComment" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "noteId" UUID NOT NULL,
    "authorMembershipId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "editedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoteComment_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE INDEX "Note_organizationId_coacheeMembershipId_authorMembershipId__idx" ON "Note"("organizationId", "coacheeMembershipId", "authorMembershipId", "createdAt");

-- CreateIndex
CREATE INDEX "Note_organizationId_coacheeMembershipId_visibility_createdA_idx" ON "Note"("organizationId", "coacheeMembershipId", "visibility", "createdAt");

-- CreateIndex
CREATE INDEX "NoteComment_organizationId_noteId_createdAt_idx" ON "NoteComment"("organizationId", "noteId", "createdAt");

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_organizationId_coacheeMembershipId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_organizationId_authorMembershipId_fkey" FOREIGN KEY ("organizationId", "authorMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteComment" ADD CONSTRAINT "NoteComment_organizationId_noteId_fkey" FOREIGN KEY ("organizationId", "noteId") REFERENCES "Note"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteComment" ADD CONSTRAINT "NoteComment_organizationId_authorMembershipId_fkey" FOREIGN KEY ("organizationId", "authorMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Who a note belongs to, kept by the database as well as by lib/notes: a note is written by its coachee
-- or by a coach of theirs (a CoachingRelationship row when it is written); only the coachee's own notes
-- can be SHARED (a coach's note is private to that coach, always); a note never changes coachee or author.
CREATE FUNCTION "note_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW."coacheeMembershipId" <> OLD."coacheeMembershipId" OR NEW."authorMembershipId" <> OLD."authorMembershipId") THEN
    RAISE EXCEPTION 'a note keeps its coachee and its author' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."visibility" = 'SHARED' AND NEW."authorMembershipId" <> NEW."coacheeMembershipId" THEN
    RAISE EXCEPTION 'only a coachee''s own note can be shared' USING ERRCODE = 'check_violation';
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

CREATE TRIGGER "note_rules" BEFORE INSERT OR UPDATE ON "Note" FOR EACH ROW EXECUTE FUNCTION "note_rules"();

-- A comment is written by someone who can see the note: its author, or, on a shared note, its coachee
-- and their coaches.
CREATE FUNCTION "note_comment_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n RECORD;
BEGIN
  SELECT "authorMembershipId", "coacheeMembershipId", "visibility" INTO n
    FROM "Note" WHERE "organizationId" = NEW."organizationId" AND "id" = NEW."noteId";
  IF NEW."authorMembershipId" <> n."authorMembershipId" AND NOT (
    n."visibility" = 'SHARED' AND (
      NEW."authorMembershipId" = n."coacheeMembershipId" OR EXISTS (
        SELECT 1 FROM "CoachingRelationship" r
         WHERE r."organizationId" = NEW."organizationId" AND r."coachMembershipId" = NEW."authorMembershipId"
           AND r."coacheeMembershipId" = n."coacheeMembershipId"))
  ) THEN
    RAISE EXCEPTION 'a note''s comments are written by those who can see it' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "note_comment_rules" BEFORE INSERT ON "NoteComment" FOR EACH ROW EXECUTE FUNCTION "note_comment_rules"();

-- A note unshared or deleted takes its "shared" notifications with it, so the coaches' centre (and a
-- digest not yet sent) never names a note they can no longer see.
CREATE FUNCTION "note_notifications_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "Notification"
   WHERE "organizationId" = OLD."organizationId" AND "kind" = 'note.shared' AND "subjectId" = OLD."id";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "note_notifications_follow_unshare" AFTER UPDATE OF "visibility" ON "Note"
  FOR EACH ROW WHEN (NEW."visibility" = 'PRIVATE' AND OLD."visibility" = 'SHARED') EXECUTE FUNCTION "note_notifications_follow"();
CREATE TRIGGER "note_notifications_follow_delete" AFTER DELETE ON "Note"
  FOR EACH ROW EXECUTE FUNCTION "note_notifications_follow"();
