import { describe, expect, it } from "vitest";
import { renderEmail, type TemplateName, type TemplateProps } from "../../emails";
import { LOCALES } from "../../lib/i18n/locales";
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

// One of each email, with what its props would hold.
const url = "https://app.example/x/link";
const SAMPLES: { [T in TemplateName]: TemplateProps<T> } = {
  "password-reset": { firstName: "Ada", url, expiresInMinutes: 60 },
  "account-reactivated": { firstName: "Ada", organizationName: "Acme", url, expiresInHours: 72 },
  "account-created": { organizationName: "Acme", inviterName: "Ivo Inviter", url, expiresInDays: 14 },
  invitation: { organizationName: "Acme", inviterName: "Ivo Inviter", role: "COACH", message: "", url, expiresInDays: 14 },
  "new-message": { senderName: "Sam Sender", organizationName: "Acme", url },
  notification: { sentence: "S1", organizationName: "Acme", url, preferencesUrl: url },
  "notification-digest": {
    organizationName: "Acme",
    items: [1, 2].map((n) => ({ sentence: `S${n}`, url })),
    centreUrl: url,
    preferencesUrl: url,
  },
  "notification-summary": {
    organizationName: "Acme",
    lines: [1, 2].map((n) => ({ sentence: `S${n}`, url, things: [] })),
    centreUrl: url,
    preferencesUrl: url,
  },
  "session-change": {
    change: "cancelled",
    title: "T1",
    start: "2026-03-29T08:00:00.000Z",
    durationMinutes: 45,
    zone: "Europe/London",
    withName: "Carla Coach",
    location: "L1",
    reason: "R1",
    organizationName: "Acme",
    url,
  },
  "sign-up-confirm": { firstName: "Ada", organizationName: "Acme", url, expiresInHours: 24 },
  "sign-up-existing": { firstName: "Ada", signInUrl: url, resetUrl: url },
};

describe("every email in every language", () => {
  it("is written wholly in the recipient's language: no sentence of the English one is left in another", async () => {
    let checked = 0;
    for (const name of Object.keys(SAMPLES) as TemplateName[]) {
      const english = await renderEmail(name, SAMPLES[name] as never, "en");
      // The English email's own sentences: each line but the link and what the caller gave (names, sentences).
      const sentences = english.text
        .split(/\n+/)
        .map((line) => line.trim())
        .filter((line) => /[a-z]{3}/.test(line) && !line.includes(url) && !/^(S\d|Pathwise)$/.test(line));
      expect(sentences.length, name).toBeGreaterThan(1);
      for (const locale of LOCALES.filter((l) => l !== "en")) {
        const email = await renderEmail(name, SAMPLES[name] as never, locale);
        expect(email.html, `${name} ${locale}`).toContain(`<html lang="${locale}"`);
        for (const sentence of sentences) expect(email.text, `${name} ${locale}`).not.toContain(sentence);
        if (!["notification", "notification-summary"].includes(name)) expect(email.subject).not.toBe(english.subject);
        checked += 1;
      }
    }
    expect(checked).toBe(Object.keys(SAMPLES).length * (LOCALES.length - 1));
  });

  it("says the role in the invitation as a sentence of each language says it", async () => {
    const say = async (locale: "en" | "fr" | "de") => (await renderEmail("invitation", SAMPLES.invitation, locale)).text;
    expect(await say("en")).toContain("Ivo Inviter has invited you to join Acme on Pathwise as a coach.");
    expect(await say("fr")).toContain("Ivo Inviter vous a invité à rejoindre Acme sur Pathwise en tant que coach.");
    expect(await say("de")).toContain("Ivo Inviter hat Sie eingeladen, Acme auf Pathwise als Coach beizutreten.");
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
