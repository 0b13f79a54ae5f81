import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every route handler under /[org] is made by memberRoute (lib/actions/route.ts), the server actions'
// own guard, rather than checking the session and membership its own way.
const ROOT = path.resolve(__dirname, "../..");
const ORG_ROUTES = readdirSync(path.join(ROOT, "app", "[org]"), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === "route.ts")
  .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));

describe("route handlers under /[org]", () => {
  it("are found (the users and reports exports, the import template, red rows and upload)", () => {
    expect(ORG_ROUTES.length).toBeGreaterThanOrEqual(5);
  });

  it.each(ORG_ROUTES)("%s: every method it answers is built by memberRoute, and it checks nothing itself", (file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    const methods = [...source.matchAll(/export (?:async function|const|function) (GET|HEAD|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    const guarded = [...source.matchAll(/export const (GET|HEAD|POST|PUT|PATCH|DELETE) = memberRoute(?:<[^>]*>)?\(/g)].map((m) => m[1]);
    expect(methods.length).toBeGreaterThan(0);
    expect(guarded).toEqual(methods);
    expect(source).not.toMatch(/currentMember|currentUser|\bcan\(|memberAction/);
  });
});
