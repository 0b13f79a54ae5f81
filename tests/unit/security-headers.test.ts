import { describe, expect, it } from "vitest";
import { isTokenPage, newNonce, securityHeaders } from "@/lib/web/security-headers";

describe("securityHeaders", () => {
  it("adds HSTS and upgrades insecure requests only when the app is served over https", () => {
    const https = securityHeaders({ nonce: "n", pathname: "/", appUrl: "https://pathwise.example", dev: false });
    expect(https["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    const http = securityHeaders({ nonce: "n", pathname: "/", appUrl: "http://localhost:3000", dev: false });
    expect(http["Strict-Transport-Security"]).toBeUndefined();
    expect(http["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval and inline styles only in development, and inline scripts never", () => {
    const policy = (dev: boolean) =>
      new Map(
        securityHeaders({ nonce: "abc", pathname: "/", appUrl: "http://localhost:3000", dev })
          ["Content-Security-Policy"].split("; ")
          .map((d) => [d.split(" ")[0], d]),
      );
    const prod = policy(false);
    const dev = policy(true);
    expect(prod.get("script-src")).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(prod.get("style-src")).toBe("style-src 'self' 'nonce-abc'");
    expect(dev.get("script-src")).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval'");
    expect(dev.get("style-src")).toBe("style-src 'self' 'unsafe-inline'");
  });

  it("sends no referrer from the pages whose URL holds a token", () => {
    for (const path of ["/invite/abc", "/invite/abc/", "/reset-password/abc", "/sign-up/verify/abc", "/sign-up/verify"])
      expect(isTokenPage(path), path).toBe(true);
    for (const path of ["/invite", "/reset-password", "/sign-up", "/sign-up/verified", "/acme/invitations", "/acme/invite/x"])
      expect(isTokenPage(path), path).toBe(false);
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
