import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKS, TRIGGERS } from "../../prisma/triggers";
import { testDb } from "../support/db";

const db = testDb();
const MIGRATIONS = path.resolve("prisma/migrations");

describe("the triggers' and checks' registry (prisma/triggers.ts)", () => {
  it("names every CHECK and exclusion constraint of the migrated database, on its table", async () => {
    const live = await db.$queryRaw<{ name: string; table: string }[]>`
      SELECT con.conname AS "name", c.relname AS "table"
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE con.contype IN ('c', 'x') AND n.nspname = current_schema()
       ORDER BY 1, 2`;
    expect(live.length).toBeGreaterThan(10);
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    expect(CHECKS.map(({ name, table }) => ({ name, table })).sort(byName)).toEqual(live.sort(byName));
  });

  it("names every trigger of the migrated database, on its table, running its function", async () => {
    const live = await db.$queryRaw<{ name: string; table: string; fn: string }[]>`
      SELECT t.tgname AS "name", c.relname AS "table", p.proname AS "fn"
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE NOT t.tgisinternal AND n.nspname = current_schema()
       ORDER BY 1, 2`;
    expect(live.length).toBeGreaterThan(10);
    const listed = TRIGGERS.map(({ name, table, fn }) => ({ name, table, fn })).sort((a, b) => a.name.localeCompare(b.name));
    expect(listed).toEqual(live);
  });

  it("points each at the last migration that defines its function, and says when it fires as that migration does", () => {
    const folders = readdirSync(MIGRATIONS, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const sql = new Map(folders.map((f) => [f, readFileSync(path.join(MIGRATIONS, f, "migration.sql"), "utf8")]));
    for (const t of TRIGGERS) {
      const defining = folders.filter((f) => new RegExp(`CREATE (OR REPLACE )?FUNCTION "${t.fn}"`).test(sql.get(f)!));
      expect(defining.at(-1), `${t.name}'s function ${t.fn}`).toBe(t.migration);
      const created = [...sql.values()]
        .map((s) => new RegExp(`CREATE TRIGGER "${t.name}"\\s+(.*?)\\s+ON\\s+"${t.table}"`, "s").exec(s)?.[1])
        .filter(Boolean)
        .at(-1);
      expect(created?.replace(/\s+/g, " "), `${t.name} fires`).toBe(t.event);
    }
  });
});
