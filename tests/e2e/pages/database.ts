import pg from "pg";
import { e2eDatabaseUrl } from "../../support/e2e-database";

/**
 * Runs `fn` with a client of the database the app under test uses, for what a browser cannot do: move a
 * session's start into the past (never the clock). Only ever for setup, never to check what a page says.
 */
export async function onAppDatabase<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = e2eDatabaseUrl();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
