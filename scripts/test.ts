// `npm test`: lint, type and format checks side by side, with the production build after the type check;
// then the unit and integration tests (vitest, real PostgreSQL), then the Playwright tests in Debian's Chromium against
// that build. Ends with one summary line of the counts of both runners and each tier's wall time.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { EMBEDDED_MARKER, RACE_FIGURES } from "../tests/support/figures";

const OUT = path.resolve(".data/test-results");
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name: string) => path.resolve("node_modules/.bin", name);
const started = performance.now();

/** Each tier's wall time, in the order they ended: printed with the summary. */
const times: [string, number][] = [];

/**
 * Runs one tier. `alongside`: it runs while others do, so its output is held and printed whole when it
 * ends, rather than interleaved with theirs.
 */
function run(title: string, command: string, args: string[], extraEnv: Record<string, string> = {}, alongside = false): Promise<number> {
  if (!alongside) console.log(`\n=== ${title} ===\n`);
  const began = performance.now();
  const child = spawn(command, args, { stdio: alongside ? ["ignore", "pipe", "pipe"] : "inherit", env: { ...env, ...extraEnv } });
  const output: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) =>
    child.on("close", (code) => {
      if (alongside) console.log(`\n=== ${title} ===\n${Buffer.concat(output).toString()}`);
      times.push([title.replace(/ \(.*\)$/, ""), (performance.now() - began) / 1000]);
      resolve(code ?? 1);
    }),
  );
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

// The static checks run side by side, and the build as soon as the type check has passed (it then skips
// its own: the tsc tier is the one type check of the tree, tests included, whose @ts-expect-error lines
// are tests of the types). The build comes after tsc, never beside it: tsc also reads .next/types.
const typesThenBuild = async (): Promise<[number, number]> => {
  const types = await run("type check (tsc)", bin("tsc"), ["--noEmit"], {}, true);
  const build = await run(
    "production build (next build)",
    bin("next"),
    ["build"],
    types === 0 ? { PATHWISE_TYPES_CHECKED: "1" } : {},
    true,
  );
  return [types, build];
};
const [lint, format, [types, build]] = await Promise.all([
  run("lint (eslint)", bin("eslint"), ["--max-warnings", "0", "."], {}, true),
  run("format (prettier --check)", bin("prettier"), ["--check", "--log-level", "warn", "."], {}, true),
  typesThenBuild(),
]);
const vitestJson = path.join(OUT, "vitest.json");
const vitest = await run("unit and integration tests (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const playwrightJson = path.join(OUT, "playwright.json");
const playwright =
  build === 0
    ? await run("end-to-end tests (Playwright, Chromium)", bin("playwright"), ["test", "--reporter=list,json"], {
        PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
      })
    : 1;

const v = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestJson);
const p = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(playwrightJson);
const passed = (v?.numPassedTests ?? 0) + (p?.stats.expected ?? 0);
const failed = (v?.numFailedTests ?? 0) + (p ? p.stats.unexpected + p.stats.flaky : 0);
const skipped = (v ? v.numPendingTests + v.numTodoTests : 0) + (p?.stats.skipped ?? 0);

console.log(`\nlint: exit ${lint}; types: exit ${types}; format: exit ${format}${format ? " (npm run format fixes it)" : ""}`);
console.log(`vitest: ${v ? `${v.numPassedTests} passed, ${v.numFailedTests} failed` : "no results"} (exit ${vitest})`);
console.log(`next build: exit ${build}`);
console.log(
  `playwright: ${p ? `${p.stats.expected} passed, ${p.stats.unexpected} failed, ${p.stats.flaky} flaky` : "no results"} (exit ${playwright})`,
);
// Figures tests recorded about themselves (security checks): summed into one line.
const figuresFile = path.join(OUT, "figures.jsonl");
const embedded = existsSync(EMBEDDED_MARKER);
if (embedded)
  console.log(
    "database: the EMBEDDED one (PGlite), not PostgreSQL: one connection at a time, so the race and timing figures are not reported",
  );
if (existsSync(figuresFile)) {
  const totals: Record<string, number> = {};
  for (const line of readFileSync(figuresFile, "utf8").split("\n").filter(Boolean)) {
    for (const [key, value] of Object.entries(JSON.parse(line) as Record<string, unknown>)) {
      if (typeof value === "number" && !(embedded && RACE_FIGURES.test(key))) totals[key] = (totals[key] ?? 0) + value;
    }
  }
  console.log(
    `security: ${Object.entries(totals)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
  );
}
console.log(
  `wall time: ${times.map(([tier, s]) => `${tier} ${s.toFixed(0)} s`).join(", ")}; in all ${((performance.now() - started) / 1000).toFixed(0)} s (lint and format beside the type check and build)`,
);
const ok = lint === 0 && types === 0 && format === 0 && vitest === 0 && build === 0 && playwright === 0 && failed === 0 && passed > 0;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(ok ? 0 : 1);
