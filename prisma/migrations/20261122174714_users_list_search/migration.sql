-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "sortName" TEXT NOT NULL DEFAULT '';

-- Trigram matching for the Users search (ships with PostgreSQL's contrib, and with PGlite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Membership_searchText_idx" ON "Membership" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Membership_organizationId_sortName_id_idx" ON "Membership"("organizationId", "sortName", "id");

-- The user's names and email, copied onto each of their memberships (hand-written below: Prisma's
-- schema has no triggers, and its diff leaves these alone). A membership gets them when it is created
-- or moved to another user; a user's change reaches all their memberships in the same statement.
CREATE FUNCTION "membership_copy_user_names"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT lower(u."lastName" || ' ' || u."firstName"), lower(u."firstName" || ' ' || u."lastName" || ' ' || u."email")
    INTO NEW."sortName", NEW."searchText"
    FROM "User" u WHERE u."id" = NEW."userId";
  RETURN NEW;
END
$$;

CREATE TRIGGER "membership_copy_user_names" BEFORE INSERT OR UPDATE OF "userId" ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "membership_copy_user_names"();

CREATE FUNCTION "user_names_to_memberships"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Membership"
     SET "sortName" = lower(NEW."lastName" || ' ' || NEW."firstName"),
         "searchText" = lower(NEW."firstName" || ' ' || NEW."lastName" || ' ' || NEW."email")
   WHERE "userId" = NEW."id";
  RETURN NEW;
END
$$;

CREATE TRIGGER "user_names_to_memberships" AFTER UPDATE OF "firstName", "lastName", "email" ON "User"
  FOR EACH ROW
  WHEN (OLD."firstName" IS DISTINCT FROM NEW."firstName" OR OLD."lastName" IS DISTINCT FROM NEW."lastName" OR OLD."email" IS DISTINCT FROM NEW."email")
  EXECUTE FUNCTION "user_names_to_memberships"();

UPDATE "Membership" m
   SET "sortName" = lower(u."lastName" || ' ' || u."firstName"),
       "searchText" = lower(u."firstName" || ' ' || u."lastName" || ' ' || u."email")
  FROM "User" u
 WHERE u."id" = m."userId";
