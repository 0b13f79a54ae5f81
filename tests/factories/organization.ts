import type { Db } from "../../lib/db/client";
import type { Prisma } from "../../lib/db/generated/client";
import { unique, withDefaults } from "./unique";

export type OrganizationOverrides = Partial<Omit<Prisma.OrganizationCreateInput, "id">>;

export async function createOrganization(db: Db, overrides: OrganizationOverrides = {}) {
  const id = unique();
  return db.organization.create({ data: withDefaults({ name: `Org ${id}`, slug: `org-${id}`, seatLimit: 25 }, overrides) });
}
