// `npm start`: the app on the embedded database (or DATABASE_URL), migrated and seeded, served from a
// production build. `npm run dev` does the same with `next dev`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { createDb } from "../lib/db/client";
import { EMBEDDED_DATA_DIR, startEmbeddedDatabase, type EmbeddedDatabase } from "../tools/db/embedded";
import { applyMigrations } from "../tools/db/schema-engine";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../prisma/seed";

const dev = process.argv.includes("--dev");
if (existsSync(".env")) process.loadEnvFile(".env");
const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const DATA = path.resolve(".data");

function sessionSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  // Kept beside the embedded data so sign-ins survive a restart.
  const file = path.join(DATA, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(DATA, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function newestSource(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = ".next/BUILD_ID";
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "components", "lib", "emails", "public"].some((d) => newestSource(d) > built);
}

async function main() {
  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    console.log("DATABASE_URL is not set: starting the embedded database in .data/pglite (first start takes a few seconds)…");
    embedded = await startEmbeddedDatabase({ dataDir: EMBEDDED_DATA_DIR });
  }
  const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;

  const applied = await applyMigrations(databaseUrl);
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
  const db = createDb(databaseUrl);
  const seeded = await seedDemo(db);
  await db.$disconnect();
  if (seeded) console.log(`Seeded the demo organisation "${DEMO_ORG.name}".`);

  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    NEXTAUTH_SECRET: sessionSecret(),
    DEV_MAILBOX: process.env.DEV_MAILBOX ?? (process.env.SMTP_URL ? "false" : "true"),
    NODE_ENV: dev ? ("development" as const) : ("production" as const),
    PORT: String(port),
  };
  const next = path.resolve("node_modules/.bin/next");
  if (!dev && buildIsStale()) {
    console.log("Building the app (about a minute the first time)…");
    const build = spawnSync(next, ["build"], { stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  // Our own server script (client addresses from the connection); on loopback only while APP_URL is local.
  const server = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts", ...(dev ? ["--dev"] : [])], {
    stdio: ["ignore", "pipe", "inherit"],
    env,
  });
  let announced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|started server/i.test(chunk.toString())) {
      announced = true;
      const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
      console.log(`\n  Pathwise is running at ${appUrl}\n`);
      console.log(`  Demo organisation: ${DEMO_ORG.name} (${appUrl}/${DEMO_ORG.slug})`);
      console.log(`  Password for every demo user: ${DEMO_PASSWORD}`);
      for (const u of DEMO_USERS) console.log(`    ${u.email.padEnd(width)}  ${u.role}`);
      if (env.DEV_MAILBOX === "true") console.log(`  Mail is kept at ${appUrl}/dev/mailbox (open only to this machine)`);
      console.log("\n  Stop with Ctrl+C.\n");
    }
  });

  const stop = async (code: number) => {
    server.kill("SIGTERM");
    await embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
