import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { applyMigrations } from "../../tools/db/schema-engine";
import { createDatabase, findServer } from "./postgres";

// The app as it runs in production (scripts/serve.ts on the last `next build`), on a database of its
// own, with what it prints kept: for specs that check the server logged nothing as an error, and for
// the benches that measure it from outside.

export type AppServer = {
  url: string;
  /** Its database, for a bench or spec to set up what a browser cannot. */
  databaseUrl: string;
  /** The server process, to read its memory from outside. */
  pid: number;
  /** What the server has written to stderr so far. */
  errors(): string;
  stop(): Promise<void>;
};

export async function startAppServer(port: number, env: Record<string, string> = {}): Promise<AppServer> {
  const pg = await findServer();
  const database = await createDatabase(pg, "pathwise_app");
  await applyMigrations(database.url);
  const url = `http://localhost:${port}`;
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      APP_URL: url,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: "app-server-secret-not-for-production-0123456789",
      OUTBOX_POLL_MS: "60000",
      // Mail stays on the development mailbox page: nothing here is sent anywhere.
      DEV_MAILBOX: "true",
      PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const cleanup = async () => {
    await stopChild(child);
    await database.drop().catch(() => undefined);
    await pg.stop();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start:\n${stdout}${stderr}`)), 90_000);
      child.stdout!.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (/Ready/.test(stdout)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with ${code}:\n${stdout}${stderr}`));
      });
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { url, databaseUrl: database.url, pid: child.pid!, errors: () => stderr, stop: cleanup };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
