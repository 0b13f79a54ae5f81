import type { Db } from "../../lib/db/client";
import type { ActivityData, ActivityKind } from "../../lib/activity/kinds";
import { withDefaults } from "./unique";

/**
 * An activity row about a coachee, written straight to the table (lastActivityAt is not moved: that is
 * recordActivity's job, tested through the services). `coachMembershipId` makes it one coach's only.
 */
export async function createActivity<K extends ActivityKind = "invitation.accepted">(
  db: Db,
  coachee: { organizationId: string; id: string },
  overrides: {
    kind?: K;
    data?: ActivityData[K];
    actorMembershipId?: string | null;
    coachMembershipId?: string | null;
    subjectId?: string | null;
    createdAt?: Date;
  } = {},
) {
  return db.activity.create({
    data: withDefaults(
      {
        organizationId: coachee.organizationId,
        coacheeMembershipId: coachee.id,
        kind: "invitation.accepted" as string,
        data: {},
      },
      overrides,
    ),
  });
}
