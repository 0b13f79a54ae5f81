import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(".") };

// The integration tests share one database, and most files make organisations of their own, so they run
// side by side: their time is mostly the database's, on the other core. Some run one at a time, after the
// others: those that run the app's jobs over every organisation at once (the outbox, digests, reminders,
// clean-ups), which would take other files' rows as they are being checked; and those that compare
// timings (sign-up, password reset), which need a machine busy with nothing else.
const ONE_AT_A_TIME = [
  "coaching-consent",
  "comments",
  "file-bounds",
  "invitations",
  "notes",
  "notification-email-retention",
  "notifications",
  "outbox",
  "password-reset",
  "rate-limit-prune",
  "sign-up",
].map((name) => `tests/integration/${name}.test.ts`);

const integration = {
  environment: "node" as const,
  globalSetup: ["tests/support/vitest-global-setup.ts"],
  setupFiles: ["tests/support/integration-env.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

/** Files at a time in the first group: more than the cores, since most of a file's time is spent waiting on PostgreSQL. */
const SIDE_BY_SIDE = Number(process.env.VITEST_WORKERS ?? 4);

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node", maxWorkers: SIDE_BY_SIDE },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          exclude: ONE_AT_A_TIME,
          maxWorkers: SIDE_BY_SIDE,
          // A worker's files share their modules (lib, the generated client) instead of loading them
          // afresh for each file: a third of the run's time. These files keep no state between them
          // (no stubbed environment or module mocks; each makes its own organisations).
          isolate: false,
          ...integration,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration-serial",
          include: ONE_AT_A_TIME,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          ...integration,
        },
      },
    ],
  },
});
