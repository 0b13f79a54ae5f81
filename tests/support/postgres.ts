// Where the tests find PostgreSQL: TEST_DATABASE_URL, else the local server. With neither reachable
// the suite falls back to the embedded database and says so loudly; under CI=true that is a failure.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { LOCAL_POSTGRES_URL, startEmbeddedDatabase } from "../../tools/db/embedded";
import { onServer, withDatabase } from "../../tools/db/schema-engine";
import { markEmbedded } from "./figures";

export type TestServer = { url: string; embedded: boolean; stop(): Promise<void> };

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function findServer(): Promise<TestServer> {
  const url = process.env.TEST_DATABASE_URL ?? LOCAL_POSTGRES_URL;
  if (await reachable(url)) return { url, embedded: false, stop: async () => {} };
  if (process.env.CI === "true") {
    throw new Error(`CI=true and no PostgreSQL answers at ${url}: the tests need a real server (set TEST_DATABASE_URL).`);
  }
  const bar = "!".repeat(78);
  console.warn(
    `\n${bar}\n!! No PostgreSQL at ${url}.\n!! Falling back to the EMBEDDED database (PGlite): slower, one database, no\n!! real concurrency. Set TEST_DATABASE_URL or start PostgreSQL for a real run.\n${bar}\n`,
  );
  markEmbedded();
  const dataDir = await mkdtemp(path.join(tmpdir(), "pathwise-pglite-"));
  const embedded = await startEmbeddedDatabase({ dataDir });
  return { url: embedded.url, embedded: true, stop: embedded.stop };
}

/** A fresh, empty database on the server (the server's only database when embedded). */
export async function createDatabase(server: TestServer, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (server.embedded) return { url: server.url, drop: async () => {} };
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await onServer(server.url, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(server.url, name),
    drop: () => onServer(server.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
