import { createDb, type Db } from "../lib/db/client";
import { applyMigrations } from "../tools/db/schema-engine";
import { createDatabase, findServer } from "../tests/support/postgres";

/**
 * Runs a benchmark on a database of its own (created, migrated, dropped afterwards), with the
 * configuration services read, then exits: benchmarks print figures, they never fail on speed.
 */
export function runBench(prefix: string, bench: (db: Db) => Promise<void>): void {
  const run = async () => {
    const server = await findServer();
    const database = await createDatabase(server, prefix);
    try {
      await applyMigrations(database.url);
      process.env.DATABASE_URL = database.url;
      process.env.NEXTAUTH_SECRET ??= "bench-secret-that-is-long-enough-0123456789";
      process.env.APP_URL ??= "http://localhost:3000";
      const db = createDb(database.url);
      await bench(db);
      await db.$disconnect();
    } finally {
      await database.drop();
      await server.stop();
    }
  };
  run().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
