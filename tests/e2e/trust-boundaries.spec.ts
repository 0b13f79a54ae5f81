// What a client says about who or where it is counts for nothing: the development mailbox answers only
// a trial on this machine, client addresses come from the connection, and a signed-out cookie is dead.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { applyMigrations } from "../../tools/db/schema-engine";
import { E2E_SERVER } from "../support/e2e-database";
import { recordFigures } from "../support/figures";
import { createDatabase, findServer, type TestServer } from "../support/postgres";
import { AppPage } from "./pages/app-page";

const SECRET = "trust-boundaries-secret-0123456789abcdefghij";
const basePort = E2E_SERVER.spare(20);

type Served = { url: string; stop(): Promise<void> };

/** Our server script on the production build, with its own configuration. */
async function serve(port: number, env: Record<string, string>): Promise<Served> {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_SECRET: SECRET,
      PORT: String(port),
      OUTBOX_POLL_MS: "60000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join("")}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/Ready/.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output.join("")}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Runs the server script expecting it to refuse to start; returns what it printed. */
function refusesToStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_SECRET: SECRET,
      PORT: String(basePort + 9),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** A GET to this machine with a Host header of our choosing, as a browser fooled by DNS rebinding sends. */
function getWithHost(port: number, pathname: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: pathname, headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
  });
}

/** A credentials sign-in attempt over HTTP, with whatever headers a client cares to send. */
async function signInAttempt(request: APIRequestContext, base: string, email: string, password: string, headers: Record<string, string>) {
  const { csrfToken } = (await (await request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  return request.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken, email, password, json: "true" },
    headers,
    maxRedirects: 0,
  });
}

test.describe("servers of their own", () => {
  let server: TestServer;
  let database: { url: string; drop(): Promise<void> };
  const served: Served[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await findServer();
    database = await createDatabase(server, "pathwise_e2e_trust");
    await applyMigrations(database.url);
  });

  test.afterAll(async () => {
    for (const s of served) await s.stop();
    await database?.drop();
    await server?.stop();
  });

  async function start(port: number, env: Record<string, string>) {
    const s = await serve(port, { DATABASE_URL: database.url, ...env });
    served.push(s);
    return s;
  }

  test("the development mailbox answers only a trial on this machine, to a client on this machine", async ({ request }) => {
    test.setTimeout(180_000);
    const trialPort = basePort + 1;
    const trialUrl = `http://localhost:${trialPort}`;
    await start(trialPort, { APP_URL: trialUrl, NEXTAUTH_URL: trialUrl, DEV_MAILBOX: "true", TRUSTED_PROXY_HOPS: "1" });
    const link = `${trialUrl}/reset-password/secret-token-${Date.now()}`;
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    await db.query(
      `INSERT INTO "EmailOutbox" ("id", "toAddress", "subject", "html", "text", "template", "status", "sentAt") VALUES (gen_random_uuid(), 'owner@example.test', 'Reset your password', $1, $1, 'password-reset', 'SENT', now())`,
      [link],
    );
    await db.end();
    // Positive control: the person at the keyboard (loopback, no proxy entry, APP_URL's name) reads the mailbox.
    const local = await request.get(`${trialUrl}/dev/mailbox`);
    expect(local.status()).toBe(200);
    expect(await local.text()).toContain(link);
    // DNS rebinding: a hostile page whose name now points at 127.0.0.1 arrives from loopback, under its own name.
    const rebound = await getWithHost(trialPort, "/dev/mailbox", `rebind.attacker.example:${trialPort}`);
    expect(rebound.status).toBe(404);
    expect(rebound.body).not.toContain(link);
    // The same server behind a proxy that reports a client elsewhere: not found, whatever else is claimed.
    const remoteClaims: Record<string, string>[] = [
      { "x-forwarded-for": "203.0.113.9" },
      { "x-forwarded-for": "127.0.0.1, 203.0.113.9", "x-real-ip": "127.0.0.1", "x-pathwise-client-address": "127.0.0.1" },
    ];
    for (const headers of remoteClaims) {
      const remote = await request.get(`${trialUrl}/dev/mailbox`, { headers });
      expect(remote.status()).toBe(404);
      const body = await remote.text();
      expect(body).not.toContain(link);
      expect(body).not.toContain("Development mailbox");
    }

    // A production configuration (public APP_URL, SMTP, no DEV_MAILBOX): the page does not exist at all.
    const prodPort = basePort + 2;
    const production = await start(prodPort, {
      APP_URL: "https://coach.example.com",
      NEXTAUTH_URL: "https://coach.example.com",
      SMTP_URL: "smtp://127.0.0.1:9",
      HOST: "127.0.0.1",
    });
    const fromHere = await request.get(`${production.url}/dev/mailbox`);
    expect(fromHere.status()).toBe(404);

    // Asking for the mailbox on a public APP_URL stops the server before it listens.
    const refused = await refusesToStart({
      DATABASE_URL: database.url,
      APP_URL: "https://coach.example.com",
      DEV_MAILBOX: "true",
      HOST: "127.0.0.1",
    });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("DEV_MAILBOX is for trying Pathwise on this machine only");
  });

  test("client addresses come from the connection, or from the trusted proxy's own entry, never from the client", async ({ request }) => {
    test.setTimeout(180_000);
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const buckets = async () =>
      (
        await db.query<{ key: string; count: number }>(
          `SELECT "key", "count" FROM "RateLimitBucket" WHERE "key" LIKE 'sign-in:address:%' ORDER BY "key"`,
        )
      ).rows;
    const forged: Record<string, string>[] = [
      { "x-forwarded-for": "6.6.6.6" },
      { "x-real-ip": "6.6.6.7" },
      { "x-pathwise-client-address": "6.6.6.8" },
      { "x-forwarded-for": "6.6.6.9, 6.6.6.10", "x-real-ip": "6.6.6.11", "x-pathwise-client-address": "6.6.6.12" },
    ];
    try {
      // No proxy trusted: every attempt counts against the connection's own address.
      const directPort = basePort + 3;
      const direct = await start(directPort, {
        APP_URL: `http://localhost:${directPort}`,
        NEXTAUTH_URL: `http://localhost:${directPort}`,
        SMTP_URL: "smtp://127.0.0.1:9",
      });
      for (const headers of forged) await signInAttempt(request, direct.url, "nobody@example.test", "wrong password", headers);
      expect(await buckets()).toEqual([{ key: "sign-in:address:127.0.0.1", count: forged.length }]);

      // Behind one trusted proxy: the address that proxy appended, not what the client wrote before it.
      await db.query(`DELETE FROM "RateLimitBucket"`);
      const proxiedPort = basePort + 4;
      const proxied = await start(proxiedPort, {
        APP_URL: `http://localhost:${proxiedPort}`,
        NEXTAUTH_URL: `http://localhost:${proxiedPort}`,
        SMTP_URL: "smtp://127.0.0.1:9",
        TRUSTED_PROXY_HOPS: "1",
      });
      for (const headers of forged) {
        const claimed = headers["x-forwarded-for"] ? `${headers["x-forwarded-for"]}, ` : "";
        await signInAttempt(request, proxied.url, "nobody@example.test", "wrong password", {
          ...headers,
          "x-forwarded-for": `${claimed}198.51.100.9`,
        });
      }
      expect(await buckets()).toEqual([{ key: "sign-in:address:198.51.100.9", count: forged.length }]);
      recordFigures("trust-boundaries:e2e", { forgedAddressesTried: 2 * forged.length });
    } finally {
      await db.end();
    }
  });
});

test("signing out ends that session on the server: a replayed copy of its cookie is refused", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const replay = await browser.newContext();
  try {
    const laptop = await first.newPage();
    await AppPage.signInAnew(laptop, "coach2@acme.test");
    const phone = await second.newPage();
    await AppPage.signInAnew(phone, "coach2@acme.test");

    // An attacker copies the laptop's cookies before the user signs out.
    await replay.addCookies(await first.cookies());
    const stolen = await replay.newPage();
    await stolen.goto("/");
    await expect(stolen.getByRole("heading", { name: "Dashboard" })).toBeVisible();

    await laptop.getByRole("button", { name: "Sign out" }).click();
    await expect(laptop.getByRole("heading", { name: "Sign in" })).toBeVisible();

    // The replayed cookie: no page, and next-auth's renewal endpoint neither answers nor renews it.
    const session = await stolen.request.get("/api/auth/session");
    expect(await session.json()).toEqual({});
    await stolen.goto("/acme");
    await expect(stolen.getByRole("heading", { name: "Sign in" })).toBeVisible();

    // The same person's other browser is another session and stays signed in.
    await phone.reload();
    await expect(phone.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  } finally {
    await Promise.all([first.close(), second.close(), replay.close()]);
  }
});
