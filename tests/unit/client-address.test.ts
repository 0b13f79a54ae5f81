import { afterEach, describe, expect, it, vi } from "vitest";
import { recordFigures } from "../support/figures";
import { addressBucket } from "../../lib/security/rate-limit";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddressFrom,
  isLoopback,
  isLoopbackHost,
  listenHosts,
  resolveClientAddress,
  trustClientAddressHeader,
} from "../../lib/security/client-address";

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

describe("client address", () => {
  // What a client may claim about itself; none of it may become its address.
  const forged = ["6.6.6.6", "127.0.0.1", "::1", "10.0.0.1, 127.0.0.1", "evil.example", "", "1.2.3.4, 5.6.7.8, 9.9.9.9"];

  it("is the connection's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    for (const claim of forged) expect(resolveClientAddress("203.0.113.5", claim, 0)).toBe("203.0.113.5");
    expect(resolveClientAddress("::ffff:198.51.100.4", "127.0.0.1", 0)).toBe("198.51.100.4");
    recordFigures("client-address:unit", { forgedAddressesTried: forged.length });
  });

  it("behind trusted proxies, is the entry the outermost trusted proxy appended, never one the client wrote", () => {
    // client wrote "6.6.6.6"; the load balancer appended the real client 198.51.100.9; the peer is the balancer
    expect(resolveClientAddress("10.1.0.2", "6.6.6.6, 198.51.100.9", 1)).toBe("198.51.100.9");
    // two proxies: CDN appended the client, the balancer appended the CDN edge
    expect(resolveClientAddress("10.1.0.2", "6.6.6.6, 198.51.100.9, 192.0.2.44", 2)).toBe("198.51.100.9");
    expect(resolveClientAddress("10.1.0.2", ["6.6.6.6", "198.51.100.9"], 1)).toBe("198.51.100.9");
    // a request that bypassed the proxies: the chain is short, the first entry is the best there is
    expect(resolveClientAddress("10.1.0.2", undefined, 1)).toBe("10.1.0.2");
    // proxies that write a port with the address
    expect(resolveClientAddress("10.1.0.2", "6.6.6.6, 198.51.100.9:51234", 1)).toBe("198.51.100.9");
    expect(resolveClientAddress("10.1.0.2", "[2001:db8::7]:443", 1)).toBe("2001:db8::7");
    // garbage where the proxy's entry should be reads as unknown, not as a guess
    expect(resolveClientAddress("10.1.0.2", "6.6.6.6, not-an-address", 1)).toBeNull();
  });

  it("is read from the server's header only when our server wrote it", () => {
    const request = headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.20", "x-forwarded-for": "6.6.6.6" });
    expect(clientAddressFrom(request)).toBeNull();
    trustClientAddressHeader();
    expect(clientAddressFrom(request)).toBe("198.51.100.20");
    expect(clientAddressFrom(headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" }))).toBeNull();
  });

  it("tells loopback clients and hosts from the rest", () => {
    expect(["127.0.0.1", "127.4.5.6", "::1"].every(isLoopback)).toBe(true);
    expect(["192.0.2.2", "::ffff:7f00:1", "0.0.0.0", "", null].some((a) => isLoopback(a as string | null))).toBe(false);
    expect(["localhost", "app.localhost", "127.0.0.1", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["pathwise.example", "localhost.evil.example", "10.0.0.1", "0.0.0.0"].some(isLoopbackHost)).toBe(false);
  });

  it("keeps a trial server on this machine unless told otherwise", () => {
    expect(listenHosts("http://localhost:3000", undefined)).toEqual(["127.0.0.1", "::1"]);
    expect(listenHosts("https://coach.example.com", undefined)).toBeNull();
    expect(listenHosts("http://localhost:3000", "0.0.0.0")).toEqual(["0.0.0.0"]);
  });
});

describe("rate-limit buckets", () => {
  it("hold an IPv4 address as it is and an IPv6 client by its /64, and have none for an unknown address", () => {
    expect(addressBucket("198.51.100.9")).toBe("198.51.100.9");
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0db8:0001:0002::9")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    expect(addressBucket(null)).toBeNull();
  });
});

describe("development mailbox", () => {
  const base = { DATABASE_URL: "postgresql://localhost/x", NEXTAUTH_SECRET: "s".repeat(32), SMTP_URL: undefined };
  afterEach(() => vi.unstubAllEnvs());

  async function load(values: Record<string, string | undefined>) {
    vi.resetModules();
    for (const [k, v] of Object.entries({ ...base, ...values })) vi.stubEnv(k, v);
    return { ...(await import("../../lib/env")), ...(await import("../../lib/mail/dev-mailbox")) };
  }

  it("opens only when asked for, without SMTP, on a local APP_URL, to a loopback client", async () => {
    const host = "localhost:3000";
    const trial = await load({ NODE_ENV: "production", DEV_MAILBOX: "true", APP_URL: "http://localhost:3000" });
    expect(trial.devMailboxOpenTo("127.0.0.1", host)).toBe(true);
    expect(trial.devMailboxOpenTo("::1", "LOCALHOST:3000")).toBe(true);
    expect(trial.devMailboxOpenTo("192.0.2.2", host)).toBe(false);
    expect(trial.devMailboxOpenTo(null, host)).toBe(false);
    // DNS rebinding: a hostile page re-pointed at 127.0.0.1 arrives from loopback under its own name.
    expect(trial.devMailboxOpenTo("127.0.0.1", "rebind.attacker.example:3000")).toBe(false);
    expect(trial.devMailboxOpenTo("127.0.0.1", null)).toBe(false);

    const unset = await load({ NODE_ENV: "development", DEV_MAILBOX: undefined, APP_URL: "http://localhost:3000" });
    expect(unset.devMailboxOpenTo("127.0.0.1", host)).toBe(false);
    const smtp = await load({ NODE_ENV: "production", DEV_MAILBOX: "true", SMTP_URL: "smtp://mail.example:587" });
    expect(smtp.devMailboxOpenTo("127.0.0.1", host)).toBe(false);
  });

  it("refuses to start with the mailbox on a public APP_URL", async () => {
    const deployed = await load({ NODE_ENV: "production", DEV_MAILBOX: "true", APP_URL: "https://coach.example.com" });
    expect(() => deployed.env()).toThrow(/DEV_MAILBOX is for trying Pathwise on this machine only/);
  });
});
