import type { Db } from "../../lib/db/client";
import type { PathwayStatus } from "../../lib/db/generated/enums";
import { withDefaults } from "./unique";

export type PathwayOverrides = { startDate?: Date; timezone?: string; tags?: string[]; status?: PathwayStatus };

/**
 * A participant's pathway in a cohort (on the cohort's programme) with a primary coach. Everything is
 * taken in the cohort's organisation: a participant or coach of another one is refused by the schema.
 */
export async function createPathway(
  db: Db,
  {
    cohort,
    participant,
    coach,
  }: { cohort: { organizationId: string; id: string; programmeId: string }; participant: { id: string }; coach: { id: string } },
  overrides: PathwayOverrides = {},
) {
  return db.pathway.create({
    data: withDefaults(
      {
        organizationId: cohort.organizationId,
        cohortId: cohort.id,
        programmeId: cohort.programmeId,
        membershipId: participant.id,
        coachMembershipId: coach.id,
        startDate: new Date("2026-03-02"),
        timezone: "UTC",
      },
      overrides,
    ),
  });
}
