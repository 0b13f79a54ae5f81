-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "firstName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "lastName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "timezone" TEXT;

-- What an organisation sees of a member (hand-written below; Prisma's diff leaves triggers alone).
-- Before the person joins (joinedAt is null) the membership keeps only the names the organisation
-- entered itself, and no time zone: the global account's own name and time zone, which another
-- organisation or the person set, stay out of sight. From joining on, the membership copies the
-- account's name and time zone, and follows every change to them. sortName and searchText, which the
-- Users list sorts and searches, are made from the membership's names, so neither leaks either.
CREATE OR REPLACE FUNCTION "membership_copy_user_names"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  u RECORD;
BEGIN
  SELECT "firstName", "lastName", "timezone", "email" INTO u FROM "User" WHERE "id" = NEW."userId";
  IF NEW."joinedAt" IS NOT NULL THEN
    NEW."firstName" := u."firstName";
    NEW."lastName" := u."lastName";
    NEW."timezone" := u."timezone";
  ELSE
    NEW."timezone" := NULL;
  END IF;
  NEW."sortName" := lower(NEW."lastName" || ' ' || NEW."firstName");
  NEW."searchText" := lower(NEW."firstName" || ' ' || NEW."lastName" || ' ' || u."email");
  RETURN NEW;
END
$$;

DROP TRIGGER "membership_copy_user_names" ON "Membership";
CREATE TRIGGER "membership_copy_user_names" BEFORE INSERT OR UPDATE OF "userId", "joinedAt", "firstName", "lastName", "timezone" ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "membership_copy_user_names"();

CREATE OR REPLACE FUNCTION "user_names_to_memberships"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Joined memberships take the new values (the trigger above copies them and remakes the search text).
  UPDATE "Membership" SET "firstName" = NEW."firstName", "lastName" = NEW."lastName", "timezone" = NEW."timezone"
   WHERE "userId" = NEW."id" AND "joinedAt" IS NOT NULL;
  -- The others keep their own names; only the email in their search text follows.
  IF OLD."email" IS DISTINCT FROM NEW."email" THEN
    UPDATE "Membership" SET "searchText" = lower("firstName" || ' ' || "lastName" || ' ' || NEW."email")
     WHERE "userId" = NEW."id" AND "joinedAt" IS NULL;
  END IF;
  RETURN NEW;
END
$$;

DROP TRIGGER "user_names_to_memberships" ON "User";
CREATE TRIGGER "user_names_to_memberships" AFTER UPDATE OF "firstName", "lastName", "email", "timezone" ON "User"
  FOR EACH ROW
  WHEN (OLD."firstName" IS DISTINCT FROM NEW."firstName" OR OLD."lastName" IS DISTINCT FROM NEW."lastName"
        OR OLD."email" IS DISTINCT FROM NEW."email" OR OLD."timezone" IS DISTINCT FROM NEW."timezone")
  EXECUTE FUNCTION "user_names_to_memberships"();

-- Existing rows: joined members show their account; a member who has not joined keeps the account's
-- names only where this organisation can have been the one that entered them (an account with no
-- password and no other membership), and otherwise shows only the email.
UPDATE "Membership" m
   SET "firstName" = CASE WHEN m."joinedAt" IS NOT NULL OR (u."passwordHash" IS NULL AND NOT EXISTS (
                            SELECT 1 FROM "Membership" o WHERE o."userId" = m."userId" AND o."organizationId" <> m."organizationId"))
                          THEN u."firstName" ELSE '' END,
       "lastName"  = CASE WHEN m."joinedAt" IS NOT NULL OR (u."passwordHash" IS NULL AND NOT EXISTS (
                            SELECT 1 FROM "Membership" o WHERE o."userId" = m."userId" AND o."organizationId" <> m."organizationId"))
                          THEN u."lastName" ELSE '' END
  FROM "User" u
 WHERE u."id" = m."userId";
