import { describe, expect, it } from "vitest";
import { renderEmail } from "../../emails";
import { retryDelayMs } from "../../lib/mail/deliver";
import { emailSchema } from "../../lib/web/form-fields";

describe("email templates", () => {
  it("render to HTML and plain text, escaping what they are given", async () => {
    const email = await renderEmail(
      "password-reset",
      {
        firstName: "<script>alert(1)</script>",
        url: "https://app.example/reset/tok?a=1&b=2",
        expiresInMinutes: 60,
      },
      "en",
    );
    expect(email.subject).toBe("Reset your Pathwise password");
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.html).not.toContain("<script>alert");
    expect(email.html).toContain('href="https://app.example/reset/tok?a=1&amp;b=2"');
    expect(email.text).toContain("https://app.example/reset/tok?a=1&b=2");
    expect(email.text).toContain("expires in 60 minutes");
    expect(email.text).not.toMatch(/<(html|p|a|div)\b/i); // plain text, no markup
  });
});

describe("retry backoff", () => {
  it("doubles from 30 seconds and stops growing at an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
});

describe("email addresses", () => {
  it("are stored lower-cased and trimmed, so uniqueness is case-insensitive", () => {
    expect(emailSchema.parse("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
  });

  it("refuse line breaks and malformed input", () => {
    for (const bad of ["a@b.c\r\nBcc: x@y.z", "not-an-email", "", "a@", `${"x".repeat(250)}@example.com`]) {
      expect(emailSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
