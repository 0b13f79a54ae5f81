import type { Db } from "../../lib/db/client";
import type { Prisma } from "../../lib/db/generated/client";
import { unique, withDefaults } from "./unique";

export type UserOverrides = Partial<Omit<Prisma.UserCreateInput, "id">>;

/** A Pathwise account (global: it belongs to no organisation until a membership says so). */
export async function createUser(db: Db, overrides: UserOverrides = {}) {
  return db.user.create({ data: withDefaults({ email: `user-${unique()}@example.test`, firstName: "Test", lastName: "User" }, overrides) });
}
