-- AlterTable
ALTER TABLE "CoachingSession" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "calendar" TEXT,
ADD COLUMN     "calendarMethod" TEXT;

-- A coach's sessions never overlap, whoever books them and however many at once: the database refuses
-- the second of two overlapping sessions (lib/sessions/overlap.ts turns the refusal into a message at
-- the time field). Ranges are half-open, so one session may start as the last ends; a cancelled session
-- holds no time. btree_gist lets the equality columns share the GiST index with the time range.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "CoachingSession" ADD CONSTRAINT "CoachingSession_coach_never_overlaps"
  EXCLUDE USING gist (
    "organizationId" WITH =,
    "coachMembershipId" WITH =,
    tsrange("scheduledAt", "scheduledAt" + "durationMinutes" * interval '1 minute') WITH &&
  ) WHERE ("status" <> 'CANCELLED');

ALTER TABLE "CoachingSession" ADD CONSTRAINT "CoachingSession_cancel_reason_bounded" CHECK (char_length("cancelReason") <= 500);
ALTER TABLE "CoachingSession" ADD CONSTRAINT "CoachingSession_sequence_not_negative" CHECK ("sequence" >= 0);
