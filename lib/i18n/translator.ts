import { createTranslator } from "next-intl";
import { isLocale, type Locale } from "./locales";
import { messagesOf } from "./messages";

/**
 * Every message in one language, for code outside a page (emails, exports, jobs): they speak the
 * language of the person who reads them, which is not the language of whoever caused them.
 */
export async function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: await messagesOf(locale) });
}

export type Translator = Awaited<ReturnType<typeof translatorFor>>;

/** Someone's language and its messages: what a sentence, an email or an export is written for. */
export type Reader = { locale: Locale; t: Translator };

export async function readerFor(locale: Locale): Promise<Reader> {
  return { locale, t: await translatorFor(locale) };
}

/** A page's reader from next-intl's own translator (getTranslations() with no namespace). */
export function readerOf(locale: string, t: Translator): Reader {
  return { locale: isLocale(locale) ? locale : "en", t };
}
