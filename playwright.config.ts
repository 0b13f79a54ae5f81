import { defineConfig } from "@playwright/test";
import { E2E_SERVER, E2E_SERVERS, e2eServerPorts } from "./tests/support/e2e-database";

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

// Two projects. "sweeps" visits every page of every role and only reads (tests/e2e/page-sweep.spec.ts);
// "flows" changes data in the demo organisation and counts what it made, after the sweeps (whose setup
// rows some flows' pages then show). Each worker talks to an app server and database of its own
// (tests/support/e2e-database.ts), so two flows never see each other's data; within a worker the
// specs run one after another. This file is read again in every worker, where E2E_SERVER is its own.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: E2E_SERVERS,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E_SERVER.url,
    browserName: "chromium",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
    // A trace records every step of every test to keep the failing ones: about a tenth of the run's time.
    // CI's log is read, not its traces, so CI records none.
    trace: process.env.CI ? "off" : "retain-on-failure",
  },
  projects: [
    { name: "sweeps", testMatch: "page-sweep.spec.ts", fullyParallel: true },
    { name: "flows", testIgnore: "page-sweep.spec.ts", dependencies: ["sweeps"] },
  ],
  webServer: Array.from({ length: E2E_SERVERS }, (_, index) => {
    const { app, mail } = e2eServerPorts(index);
    return {
      command: "node_modules/.bin/tsx scripts/e2e-server.ts",
      env: { E2E_PORT: String(app), E2E_MAIL_PORT: String(mail) },
      url: `http://localhost:${app}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    };
  }),
});
