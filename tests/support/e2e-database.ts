import { tmpdir } from "node:os";
import path from "node:path";

/** The file in which the e2e server (scripts/e2e-server.ts) leaves its database's URL for specs, one per app port. */
export function e2eDatabaseFile(port: string): string {
  return path.join(tmpdir(), `pathwise-e2e-${port}.json`);
}

/**
 * The notification email window of the e2e server (NOTIFICATION_EMAIL_WINDOW_MS; 10 minutes in
 * production): short, so a spec's burst still comes as one email within its wait. A spec that notifies
 * through the services in its own process sets it too, as its rows carry their window's end.
 */
export const E2E_EMAIL_WINDOW_MS = "3000";
