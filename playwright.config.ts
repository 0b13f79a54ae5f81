import { defineConfig } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3100";

// Debian's Chromium: no test tool may download a browser here. These flags keep it off the network.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

// Two projects. "sweeps" visits every page of every role and only reads (tests/e2e/page-sweep.spec.ts):
// its tests run side by side. "flows" changes data in the demo organisation and counts what it made, so
// its specs run one after another, after the sweeps (whose setup rows some flows' pages then show).
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: "chromium",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
  },
  projects: [
    { name: "sweeps", testMatch: "page-sweep.spec.ts", fullyParallel: true },
    { name: "flows", testIgnore: "page-sweep.spec.ts", workers: 1, dependencies: ["sweeps"] },
  ],
  webServer: {
    command: "node_modules/.bin/tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
});
