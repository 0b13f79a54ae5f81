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

/** The backend pid of the connection a transaction runs on: what `waitUntilBlocked` watches. */
export async function backendPid(tx: Pick<Db, "$queryRaw">): Promise<number> {
  const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  return row.pid;
}

/**
 * Resolves once another connection waits on a lock the backend `pid` holds: the moment a racing
 * statement has reached the lock under test, seen by PostgreSQL itself rather than guessed with a sleep.
 */
export async function waitUntilBlocked(db: Db, pid: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE ${pid}::int = ANY(pg_blocking_pids(pid))`;
    if (row.waiting > 0) return;
    if (Date.now() > deadline) throw new Error(`nothing waited on backend ${pid} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
