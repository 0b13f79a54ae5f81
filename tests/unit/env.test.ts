import { afterEach, describe, expect, it, vi } from "vitest";

const base = { DATABASE_URL: "postgresql://localhost/x", NEXTAUTH_SECRET: "s".repeat(32) };

async function loadEnv(values: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(values)) vi.stubEnv(k, v);
  return import("../../lib/env");
}

afterEach(() => vi.unstubAllEnvs());

describe("environment", () => {
  it("lists every bad variable in one error", async () => {
    const { env } = await loadEnv({ DATABASE_URL: "nope", NEXTAUTH_SECRET: "short" });
    expect(() => env()).toThrow(/DATABASE_URL[\s\S]*NEXTAUTH_SECRET/);
  });

  it("requires SMTP in production unless the development mailbox is asked for", async () => {
    const prod = await loadEnv({ ...base, NODE_ENV: "production", SMTP_URL: undefined, DEV_MAILBOX: undefined });
    expect(() => prod.env()).toThrow(/SMTP_URL is required in production/);
    const demo = await loadEnv({ ...base, NODE_ENV: "production", SMTP_URL: undefined, DEV_MAILBOX: "true" });
    expect(demo.devMailboxEnabled()).toBe(true);
    const real = await loadEnv({ ...base, NODE_ENV: "production", SMTP_URL: "smtp://mail.example:587" });
    expect(real.devMailboxEnabled()).toBe(false);
  });
});
