import Negotiator from "negotiator";
import { isLocale, type Locale } from "./locales";

/** The supported language a browser's Accept-Language prefers, if any. */
export function browserLocale(acceptLanguage: string | null | undefined): Locale | undefined {
  if (!acceptLanguage) return undefined;
  const preferred = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages();
  for (const tag of preferred) {
    const language = tag.toLowerCase().split("-")[0];
    if (isLocale(language)) return language;
  }
  return undefined;
}
