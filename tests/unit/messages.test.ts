import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { browserLocale } from "../../lib/i18n/browser-locale";
import { directionOf, LOCALES, pickLocale } from "../../lib/i18n/locales";
import { FORM_TOO_LARGE_TEXT, REQUEST_REFUSED_TEXT } from "../../lib/web/request-bounds";
import de from "../../messages/de.json";
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";
import { flatMessages as flatten } from "../support/flat-messages";

const MESSAGES = { en, fr, de };

/** The arguments a message takes ("{count, plural, ...}" -> count), sorted, read by ICU's own parser. */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if ("value" in e && typeof e.value === "string" && e.type !== TYPE.literal) found.add(e.value);
      if ("options" in e) for (const option of Object.values(e.options)) visit(option.value);
      if ("children" in e) visit(e.children);
    }
  };
  visit(parse(message));
  return [...found].sort();
}

/** The tags a message wraps words in ("<link>…</link>" -> link): rich text fills them in with a function. */
function tagsOf(message: string): Set<string> {
  const found = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.tag) found.add(e.value);
      if ("options" in e) for (const option of Object.values(e.options)) visit(option.value);
      if ("children" in e) visit(e.children);
    }
  };
  visit(parse(message));
  return found;
}

describe("message files (messages/<locale>.json)", () => {
  const english = flatten(en);

  it.each(LOCALES.filter((l) => l !== "en"))("%s has every English key, no other, each with the same arguments", (locale) => {
    const other = flatten(MESSAGES[locale]);
    expect(english.size).toBeGreaterThan(40);
    expect([...english.keys()].filter((k) => !other.has(k))).toEqual([]);
    expect([...other.keys()].filter((k) => !english.has(k))).toEqual([]);
    for (const [key, message] of english) expect(argumentsOf(other.get(key)!), `${locale} ${key}`).toEqual(argumentsOf(message));
  });

  it("every message of every locale formats (ICU syntax), and none is left empty", () => {
    let formatted = 0;
    for (const locale of LOCALES) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages: MESSAGES[locale], onError: (e) => errors.push(e.message) });
      for (const [key, message] of flatten(MESSAGES[locale])) {
        expect(message.trim(), `${locale} ${key}`).not.toBe("");
        const tags = tagsOf(message);
        const values = Object.fromEntries(
          argumentsOf(message).map((a) => [a, tags.has(a) ? (chunks: string[]) => chunks.join("") : a === "count" ? 2 : a]),
        );
        (t.markup as (key: string, values: object) => string)(key, values);
        formatted += 1;
      }
      expect(errors, locale).toEqual([]);
    }
    expect(formatted).toBe(english.size * LOCALES.length);
  });

  it("plurals follow each language's rules", () => {
    const bell = (locale: "en" | "fr" | "de", count: number) =>
      createTranslator({ locale, messages: MESSAGES[locale] })("Shell.notifications", { count });
    expect([0, 1, 2].map((n) => bell("en", n))).toEqual([
      "Notifications, none unread",
      "Notifications, 1 unread",
      "Notifications, 2 unread",
    ]);
    expect([0, 1, 2].map((n) => bell("fr", n))).toEqual([
      "Notifications, aucune non lue",
      "Notifications, 1 non lue",
      "Notifications, 2 non lues",
    ]);
    expect([0, 1, 1200].map((n) => bell("de", n))).toEqual([
      "Benachrichtigungen, keine ungelesen",
      "Benachrichtigungen, 1 ungelesen",
      "Benachrichtigungen, 1.200 ungelesen",
    ]);
  });
});

describe("choosing the language", () => {
  it("takes the first supported choice: the person's, the organisation's for them, its default; else English", () => {
    expect(pickLocale("de", "fr", "en")).toBe("de");
    expect(pickLocale(null, "fr", "de")).toBe("fr");
    expect(pickLocale(null, null, "de")).toBe("de");
    expect(pickLocale("xx", undefined, "")).toBe("en");
    expect(pickLocale()).toBe("en");
  });

  it("reads a browser's Accept-Language by its weights, regions aside, and ignores what is not supported", () => {
    expect(browserLocale("fr-CH, fr;q=0.9, en;q=0.8")).toBe("fr");
    expect(browserLocale("es-ES, es;q=0.9, de;q=0.5, en;q=0.3")).toBe("de");
    expect(browserLocale("en;q=0.2, de;q=0.9")).toBe("de");
    expect(browserLocale("es, it")).toBeUndefined();
    expect(browserLocale("")).toBeUndefined();
    expect(browserLocale(null)).toBeUndefined();
    expect(browserLocale("*")).toBeUndefined();
  });

  it("lays right-to-left languages out right to left", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("he-IL")).toBe("rtl");
    for (const locale of LOCALES) expect(directionOf(locale)).toBe("ltr");
  });

  it("the proxy's own English answers are the Server messages' words", () => {
    expect([FORM_TOO_LARGE_TEXT, REQUEST_REFUSED_TEXT]).toEqual([en.Server.formTooLarge, en.Server.requestRefused]);
  });
});
