// The languages Pathwise speaks, and how a request's language is chosen: the person's own choice, then
// what their organisation set for them, then the organisation's default, then (signed out) the
// browser's. Never from the URL, so nobody can send someone else a page in another language.

export const LOCALES = ["en", "fr", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language by its own name, as a picker lists it (the same in every locale). */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français", de: "Deutsch" };

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

const RIGHT_TO_LEFT = new Set(["ar", "fa", "he", "ur"]);

/** Which way the locale's text runs (the page's `dir`). */
export const directionOf = (locale: string): "ltr" | "rtl" => (RIGHT_TO_LEFT.has(locale.split("-")[0]) ? "rtl" : "ltr");

/** The first of the choices that is a supported language, in the order above; English at the end. */
export function pickLocale(...choices: (string | null | undefined)[]): Locale {
  return choices.find(isLocale) ?? DEFAULT_LOCALE;
}
