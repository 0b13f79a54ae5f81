// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly, data in a local folder)
// served on a TCP port, so the app and Prisma's driver adapter reach it like any PostgreSQL.
// Fine for trying the app; tests and benchmarks use a real server.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

import path from "node:path";

/** Where `npm start` and the db:* scripts keep the embedded database. */
export const EMBEDDED_DATA_DIR = path.resolve(".data/pglite");
/** The PostgreSQL server the project's machines run; the default for tests and schema checks. */
export const LOCAL_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

export async function startEmbeddedDatabase({ dataDir, port = 0 }: { dataDir: string; port?: number }): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir, extensions: { btree_gist, pg_trgm } });
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port, maxConnections: 32 });
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:<port>"
  return {
    url: `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}
