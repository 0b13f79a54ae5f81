-- Comments on a shared note tell the coachee and their coaches ("comment.added", on a note). A note
-- unshared takes with it what its coaches were told about it (its sharing and its comments: they can no
-- longer open it), and keeps the coachee's own; a note deleted takes everyone's.
CREATE OR REPLACE FUNCTION "note_notifications_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "Notification"
   WHERE "organizationId" = OLD."organizationId" AND "subjectId" = OLD."id"
     AND ("kind" = 'note.shared'
       OR ("kind" = 'comment.added' AND (TG_OP = 'DELETE' OR "recipientMembershipId" <> OLD."coacheeMembershipId")));
  RETURN NULL;
END;
$$;
