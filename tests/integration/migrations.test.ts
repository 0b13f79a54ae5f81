import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { createDatabase, type TestServer } from "../support/postgres";
import { runScript } from "../support/run-script";

const server = (): TestServer => ({ url: inject("serverUrl"), embedded: inject("embedded"), stop: async () => {} });

describe("db:migrate", () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  beforeAll(async () => {
    database = await createDatabase(server(), "pathwise_migrate");
  });
  afterAll(() => database.drop());

  it.skipIf(inject("embedded"))("applies every migration to an empty database, then is a no-op", async () => {
    const migrations = (await import("node:fs")).readdirSync("prisma/migrations", { withFileTypes: true }).filter((d) => d.isDirectory());

    const first = await runScript("db.ts", ["migrate"], { DATABASE_URL: database.url });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Applied ${migrations.length} migration(s)`);

    const again = await runScript("db.ts", ["migrate"], { DATABASE_URL: database.url });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("No pending migrations.");

    const client = new pg.Client(database.url);
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`);
      expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((d) => d.name).sort());
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
      const tables = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(["Organization", "User", "Membership", "OrgUnit", "Invitation", "AuditEvent", "EmailOutbox"]),
      );
    } finally {
      await client.end();
    }
  });
});

describe.skipIf(inject("embedded"))("db:check", () => {
  const env = () => ({ DATABASE_URL: undefined, TEST_DATABASE_URL: inject("serverUrl") });

  it("passes when schema.prisma and the migrations agree", async () => {
    const result = await runScript("db.ts", ["check"], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("agree");
  });

  it("fails with a clear message on a drifted copy of the schema", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pathwise-drift-"));
    const drifted = path.join(dir, "schema.prisma");
    await copyFile("prisma/schema.prisma", drifted);
    const schema = await readFile(drifted, "utf8");
    await writeFile(drifted, schema.replace("model User {", "model User {\n  nickname String?"));

    const result = await runScript("db.ts", ["check", "--schema", drifted], env());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("disagree");
    expect(result.stderr).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"nickname" TEXT/);
  });
});
