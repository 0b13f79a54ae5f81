-- CreateEnum
CREATE TYPE "FileVisibility" AS ENUM ('PRIVATE', 'SHARED');

-- CreateTable
CREATE TABLE "CoacheeFile" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "coacheeMembershipId" UUID NOT NULL,
    "uploaderMembershipId" UUID NOT NULL,
    "visibility" "FileVisibility" NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoacheeFile_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE INDEX "CoacheeFile_organizationId_coacheeMembershipId_createdAt_idx" ON "CoacheeFile"("organizationId", "coacheeMembershipId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CoacheeFile_organizationId_storageKey_key" ON "CoacheeFile"("organizationId", "storageKey");

-- AddForeignKey
ALTER TABLE "CoacheeFile" ADD CONSTRAINT "CoacheeFile_organizationId_coacheeMembershipId_fkey" FOREIGN KEY ("organizationId", "coacheeMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoacheeFile" ADD CONSTRAINT "CoacheeFile_organizationId_uploaderMembershipId_fkey" FOREIGN KEY ("organizationId", "uploaderMembershipId") REFERENCES "Membership"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules Prisma cannot state, kept by a trigger (the schema engine's diff cannot read CHECK constraints):
-- a size of at least 0, a name of 1 to 255 characters, and an object key inside the coachee's own
-- folder (`<organizationId>/<coacheeMembershipId>/<uuid>`, made by the server, never from the name).
CREATE FUNCTION "coachee_file_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."size" < 0 THEN
    RAISE EXCEPTION 'a file size is at least 0' USING ERRCODE = 'check_violation';
  END IF;
  IF char_length(NEW."originalName") NOT BETWEEN 1 AND 255 THEN
    RAISE EXCEPTION 'a file name has 1 to 255 characters' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."storageKey" !~ ('^' || NEW."organizationId"::text || '/' || NEW."coacheeMembershipId"::text || '/[0-9a-f-]{36}$') THEN
    RAISE EXCEPTION 'a file''s object key is <organizationId>/<coacheeMembershipId>/<uuid>' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "coachee_file_rules" BEFORE INSERT OR UPDATE ON "CoacheeFile" FOR EACH ROW EXECUTE FUNCTION "coachee_file_rules"();
