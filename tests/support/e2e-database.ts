import { tmpdir } from "node:os";
import path from "node:path";

/** The file in which the e2e server (scripts/e2e-server.ts) leaves its database's URL for specs, one per app port. */
export function e2eDatabaseFile(port: string): string {
  return path.join(tmpdir(), `pathwise-e2e-${port}.json`);
}
