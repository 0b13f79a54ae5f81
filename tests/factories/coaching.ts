import type { Db } from "../../lib/db/client";
import type { CoachingOrigin } from "../../lib/db/generated/enums";

/** A coach–coachee relationship (ADDED by the coach unless said otherwise), in the coach's organisation. */
export async function createCoachingRelationship(
  db: Db,
  { coach, coachee }: { coach: { organizationId: string; id: string }; coachee: { id: string } },
  overrides: { origin?: CoachingOrigin; lastActivityAt?: Date | null } = {},
) {
  return db.coachingRelationship.create({
    data: {
      organizationId: coach.organizationId,
      coachMembershipId: coach.id,
      coacheeMembershipId: coachee.id,
      origin: overrides.origin ?? "ADDED",
      lastActivityAt: overrides.lastActivityAt ?? null,
    },
  });
}
