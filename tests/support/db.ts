import { inject } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { applyMigrations } from "../../tools/db/schema-engine";
import { createDatabase } from "./postgres";

let client: Db | undefined;

/** The Prisma client for this run's test database. */
export function testDb(): Db {
  client ??= createDb(inject("databaseUrl"));
  return client;
}

/**
 * A database of the test's own, migrated, for tests that must see every row of a table (such as the
 * outbox) without other test files' rows. Dropped by the returned `drop`.
 */
export async function isolatedDatabase(prefix: string): Promise<{ db: Db; drop(): Promise<void> }> {
  const server = { url: inject("serverUrl"), embedded: inject("embedded"), stop: async () => {} };
  const database = await createDatabase(server, prefix);
  await applyMigrations(database.url);
  const db = createDb(database.url);
  return {
    db,
    async drop() {
      await db.$disconnect();
      await database.drop();
    },
  };
}
