import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Playwright runs its workers side by side, each against an app server and database of its own
// (playwright.config.ts starts E2E_SERVERS of them, E2E_PORT_STRIDE ports apart from E2E_PORT), so a spec's
// data never shows in another's running at the same time. A server's ports: the app on its first, its
// mailbox (tests/support/mail-capture.ts) on the next; specs that start servers of their own use ports from
// its twentieth on.

/** How many app servers the e2e run starts: one per Playwright worker. */
export const E2E_SERVERS = Number(process.env.E2E_SERVERS ?? 2);
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const E2E_PORT_STRIDE = 100;

/** The ports of the `index`th e2e server: its app, and the mailbox its SMTP server's messages are read from. */
export function e2eServerPorts(index: number): { app: number; mail: number } {
  const app = BASE_PORT + E2E_PORT_STRIDE * index;
  return { app, mail: app + 1 };
}

/** This Playwright worker's server (TEST_PARALLEL_INDEX is the worker's slot, 0 to workers - 1). */
export const E2E_SERVER = (() => {
  const { app, mail } = e2eServerPorts(Number(process.env.TEST_PARALLEL_INDEX ?? 0) % E2E_SERVERS);
  return {
    port: app,
    url: `http://localhost:${app}`,
    mailbox: `http://127.0.0.1:${mail}/messages`,
    /** A port of this worker's own for a server a spec starts itself (`offset` 20 to 99). */
    spare: (offset: number) => app + offset,
  };
})();

/** The file in which the e2e server (scripts/e2e-server.ts) leaves its database's URL for specs, one per app port. */
export function e2eDatabaseFile(port: number | string): string {
  return path.join(tmpdir(), `pathwise-e2e-${port}.json`);
}

/** The database of this worker's app server. */
export function e2eDatabaseUrl(): string {
  return (JSON.parse(readFileSync(e2eDatabaseFile(E2E_SERVER.port), "utf8")) as { url: string }).url;
}

/** The folder this worker's app server keeps its files in (FILE_STORAGE_DIR). */
export function e2eFilesDir(): string {
  return (JSON.parse(readFileSync(e2eDatabaseFile(E2E_SERVER.port), "utf8")) as { files: string }).files;
}

/**
 * The notification email window of the e2e server (NOTIFICATION_EMAIL_WINDOW_MS; 10 minutes in
 * production): short, so a spec's burst still comes as one email within its wait. A spec that notifies
 * through the services in its own process sets it too, as its rows carry their window's end.
 */
export const E2E_EMAIL_WINDOW_MS = "3000";
