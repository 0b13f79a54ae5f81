import type { Db } from "../../lib/db/client";
import type { SessionStatus } from "../../lib/db/generated/enums";
import { withDefaults } from "./unique";

/** A coaching session of the pathway (a week ago by default, so it may already be marked attended). */
// A coach's sessions never overlap (a database constraint): each session made without a time of its
// own starts two hours before the one made before it, a week back.
let made = 0;

export async function createCoachingSession(
  db: Db,
  pathway: { organizationId: string; id: string; coachMembershipId: string; membershipId: string },
  overrides: { title?: string; scheduledAt?: Date; durationMinutes?: number; status?: SessionStatus } = {},
) {
  return db.coachingSession.create({
    data: withDefaults(
      {
        organizationId: pathway.organizationId,
        pathwayId: pathway.id,
        coachMembershipId: pathway.coachMembershipId,
        coacheeMembershipId: pathway.membershipId,
        title: "Session",
        scheduledAt: new Date(Date.now() - 7 * 86_400_000 - ++made * 2 * 3_600_000),
        durationMinutes: 60,
      },
      overrides,
    ),
  });
}
