// `npm test`: lint, type and format checks, unit and integration tests (vitest, real PostgreSQL), then a
// production build and the Playwright tests in Debian's Chromium. Ends with one summary line of the
// counts of both runners.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const OUT = path.resolve(".data/test-results");
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name: string) => path.resolve("node_modules/.bin", name);

/** Each tier's wall time, in the order they ran: printed with the summary. */
const times: [string, number][] = [];

function run(title: string, command: string, args: string[], extraEnv: Record<string, string> = {}): number {
  console.log(`\n=== ${title} ===\n`);
  const started = performance.now();
  const status = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;
  times.push([title.replace(/ \(.*\)$/, ""), (performance.now() - started) / 1000]);
  return status;
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

const lint = run("lint (eslint)", bin("eslint"), ["--max-warnings", "0", "."]);
// The one type check of the tree, tests included (their @ts-expect-error lines are tests of the types).
const types = run("type check (tsc)", bin("tsc"), ["--noEmit"]);
const format = run("format (prettier --check)", bin("prettier"), ["--check", "--log-level", "warn", "."]);
const vitestJson = path.join(OUT, "vitest.json");
const vitest = run("unit and integration tests (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const build = run("production build (next build)", bin("next"), ["build"], types === 0 ? { PATHWISE_TYPES_CHECKED: "1" } : {});
const playwrightJson = path.join(OUT, "playwright.json");
const playwright =
  build === 0
    ? run("end-to-end tests (Playwright, Chromium)", bin("playwright"), ["test", "--reporter=list,json"], {
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
if (existsSync(figuresFile)) {
  const totals: Record<string, number> = {};
  for (const line of readFileSync(figuresFile, "utf8").split("\n").filter(Boolean)) {
    for (const [key, value] of Object.entries(JSON.parse(line) as Record<string, unknown>)) {
      if (typeof value === "number") totals[key] = (totals[key] ?? 0) + value;
    }
  }
  console.log(
    `security: ${Object.entries(totals)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
  );
}
console.log(
  `wall time: ${times.map(([tier, s]) => `${tier} ${s.toFixed(0)} s`).join(", ")}; in all ${times.reduce((a, [, s]) => a + s, 0).toFixed(0)} s`,
);
const ok = lint === 0 && types === 0 && format === 0 && vitest === 0 && build === 0 && playwright === 0 && failed === 0 && passed > 0;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(ok ? 0 : 1);
