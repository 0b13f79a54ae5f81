// The server Playwright tests run against: a fresh database (migrated and seeded like `npm start`),
// served by scripts/serve.ts from the production build, sending its mail over SMTP to a real local
// smtp-server whose messages tests read from E2E_MAIL_PORT. Dropped when Playwright stops it.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "../lib/db/client";
import { applyMigrations } from "../tools/db/schema-engine";
import { seedDemo } from "../prisma/seed";
import { serveReceivedMail } from "../tests/support/mail-capture";
import { createDatabase, findServer } from "../tests/support/postgres";
import { startSmtpServer } from "../tests/support/smtp";
import { E2E_EMAIL_WINDOW_MS, e2eDatabaseFile } from "../tests/support/e2e-database";

const port = process.env.E2E_PORT ?? "3100";
const appUrl = `http://localhost:${port}`;
const mailPort = Number(process.env.E2E_MAIL_PORT ?? "3101");

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first (npm test does).");
  const server = await findServer();
  const database = await createDatabase(server, "pathwise_e2e");
  await applyMigrations(database.url);
  const db = createDb(database.url);
  await seedDemo(db);
  await db.$disconnect();
  // The run's own file store: the orphan sweep deletes objects this database has no row for, so a store
  // shared with the development database (.data/files) would lose its files.
  const files = mkdtempSync(path.join(tmpdir(), "pathwise-e2e-files-"));
  // Where specs find this run's database and files, to set up what a browser cannot (a session's start moved into the past).
  writeFileSync(e2eDatabaseFile(port), JSON.stringify({ url: database.url, files }), { mode: 0o600 });
  const smtp = await startSmtpServer();
  const mailbox = await serveReceivedMail(smtp, mailPort);

  const app = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      APP_URL: appUrl,
      NEXTAUTH_URL: appUrl,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789abcdef",
      DEV_MAILBOX: "true",
      SMTP_URL: smtp.url,
      OUTBOX_POLL_MS: "500",
      // Notification emails coalesce per recipient over 10 minutes in production; seconds here.
      NOTIFICATION_EMAIL_WINDOW_MS: E2E_EMAIL_WINDOW_MS,
      PORT: port,
      FILE_STORAGE: "local",
      FILE_STORAGE_DIR: files,
    },
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    app.kill("SIGTERM");
    rmSync(e2eDatabaseFile(port), { force: true });
    rmSync(files, { recursive: true, force: true });
    mailbox.close();
    await smtp.close();
    await new Promise((r) => setTimeout(r, 300));
    await database.drop().catch((e) => console.error("could not drop the e2e database", e));
    await server.stop();
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
  app.on("exit", (code) => void stop(code ?? 1));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
