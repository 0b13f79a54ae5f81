import type { Db } from "../../lib/db/client";
import { unique, withDefaults } from "./unique";

export type CohortOverrides = { name?: string; clientName?: string; startDate?: Date | null; endDate?: Date | null };

/** A cohort of the programme, in the programme's organisation, with an empty credit ledger. */
export async function createCohort(db: Db, programme: { organizationId: string; id: string }, overrides: CohortOverrides = {}) {
  return db.cohort.create({
    data: withDefaults({ organizationId: programme.organizationId, programmeId: programme.id, name: `Cohort ${unique()}` }, overrides),
  });
}
