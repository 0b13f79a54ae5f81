import { createTranslator } from "next-intl";
import type { Locale } from "./locales";
import { messagesOf } from "./messages";

/**
 * Every message in one language, for code outside a page (emails, exports, jobs): they speak the
 * language of the person who reads them, which is not the language of whoever caused them.
 */
export async function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: await messagesOf(locale) });
}

export type Translator = Awaited<ReturnType<typeof translatorFor>>;
