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

/** Median and 95th percentile of `runs` timed calls (ms), after one warm-up call. */
export async function percentiles(fn: () => Promise<unknown>, runs: number): Promise<{ p50: number; p95: number }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { p50: at(0.5), p95: at(0.95) };
}
