import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import type { Locale } from "../../../lib/i18n/locales";
import type { Messages } from "../../../lib/i18n/messages";
import { flatMessages as flatten } from "../../support/flat-messages";

// English left on a page read in another language: the English messages' own words (what is left of a
// message once its arguments, plurals and tags are taken out), looked for in what the page shows and
// says (its text, and the labels, titles and placeholders a screen reader or a pointer reads).

/** One locale's messages, read from its file (Playwright's loader takes no JSON imports). */
export const messagesIn = (locale: Locale): Messages => JSON.parse(readFileSync(`messages/${locale}.json`, "utf8"));

/** A message's fixed words: the runs between its arguments and tags, of two words or more. */
function fixedWords(message: string): string[] {
  let text = message.replace(/<\/?\w+>/g, "\u0000");
  // Innermost {…} first, until none is left: "{count, plural, one {# goal} other {# goals}}" goes whole.
  for (let before = ""; before !== text;) {
    before = text;
    text = text.replace(/\{[^{}]*\}/g, "\u0000");
  }
  return text
    .split("\u0000")
    .map((run) => run.trim().replace(/^[,.:;–]\s*|[,.:;–]$/g, ""))
    .filter((run) => /\p{L}+\s+\p{L}+/u.test(run) && run.length >= 10);
}

/** The English runs that another language's message says otherwise: each would be English left on its page. */
export function englishRuns(locale: Exclude<Locale, "en">): string[] {
  const english = flatten(messagesIn("en"));
  const other = flatten(messagesIn(locale));
  const runs = new Set<string>();
  for (const [key, message] of english) {
    const theirs = other.get(key);
    if (theirs === undefined || theirs === message) continue;
    for (const run of fixedWords(message)) if (!theirs.includes(run)) runs.add(run);
  }
  return [...runs];
}

/** The runs that the page, as it is now, shows or says. */
export async function englishOnPage(page: Page, runs: string[]): Promise<string[]> {
  const said = await page.evaluate(() => {
    const attributes = [...document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")].flatMap((e) =>
      ["aria-label", "title", "placeholder", "alt"].map((a) => e.getAttribute(a) ?? ""),
    );
    return [document.title, document.body.innerText, ...attributes].join("\n").replace(/\s+/g, " ");
  });
  // Whole words only: German "von Pathwise" holds "on Pathwise".
  const escape = (run: string) => run.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return runs.filter((run) => said.includes(run) && new RegExp(`(?<!\\p{L})${escape(run)}(?!\\p{L})`, "u").test(said));
}
