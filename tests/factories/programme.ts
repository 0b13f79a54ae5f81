import type { Db } from "../../lib/db/client";
import { unique, withDefaults } from "./unique";

export async function createProgramme(
  db: Db,
  organizationId: string,
  overrides: { name?: string; description?: string; sessionsIncluded?: number } = {},
) {
  return db.programme.create({ data: withDefaults({ organizationId, name: `Programme ${unique()}`, sessionsIncluded: 6 }, overrides) });
}

/** Puts a programme manager or sponsor on a programme (both of one organisation; the schema refuses a mix). */
export async function assignProgramme(db: Db, programme: { organizationId: string; id: string }, membership: { id: string }) {
  return db.programmeAssignment.create({
    data: { organizationId: programme.organizationId, programmeId: programme.id, membershipId: membership.id },
  });
}
