import type { Db } from "../../lib/db/client";
import { unique } from "./unique";

/** An organisational unit, at the top or under `parent` (a unit of the same organisation). */
export async function createUnit(
  db: Db,
  organizationId: string,
  overrides: { name?: string; parent?: { id: string } | null; archivedAt?: Date | null } = {},
) {
  return db.orgUnit.create({
    data: {
      organizationId,
      name: overrides.name ?? `Unit ${unique()}`,
      parentId: overrides.parent?.id ?? null,
      archivedAt: overrides.archivedAt ?? null,
    },
  });
}
