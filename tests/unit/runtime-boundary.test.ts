import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What the deployed app loads is app/, components/, lib/, emails/ and the two root hooks. Tooling that
// only scripts, tests and benchmarks run (the schema engine driver, the embedded database) lives in
// tools/, so it can never end up in a server bundle or be reached from a request.
const RUNTIME = ["app", "components", "lib", "emails", "proxy.ts", "instrumentation.ts"];
const OUTSIDE_RUNTIME = ["tools", "scripts", "tests", "bench", "prisma"];
// The packages only migrations and the embedded database use.
const TOOL_PACKAGES = ["@prisma/schema-engine-wasm", "@prisma/driver-adapter-utils", "@electric-sql/pglite", "@electric-sql/pglite-socket"];

function sourceFiles(entry: string): string[] {
  const full = path.resolve(entry);
  if (/\.(ts|tsx)$/.test(entry)) return [full];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.parentPath.includes(`${path.sep}generated`))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every module a file imports (static, dynamic and type imports), resolved to a folder of the project or a package name. */
function imports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g)].map(([, spec]) => {
    if (spec.startsWith("@/")) return spec.slice(2);
    if (spec.startsWith(".")) return path.relative(process.cwd(), path.resolve(path.dirname(file), spec));
    return spec;
  });
}

describe("the runtime never loads tooling", () => {
  const files = RUNTIME.flatMap(sourceFiles);

  it("reads a real tree (positive control)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports(path.resolve("lib/db/client.ts"))).toContain("@prisma/adapter-pg");
  });

  it("imports nothing from tools/, scripts/, tests/, bench/ or prisma/, and no migration or embedded-database package", () => {
    const offending = files.flatMap((file) =>
      imports(file)
        .filter(
          (spec) =>
            OUTSIDE_RUNTIME.some((dir) => spec === dir || spec.startsWith(`${dir}/`)) ||
            TOOL_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`)),
        )
        .map((spec) => `${path.relative(process.cwd(), file)} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
