import type { Locale } from "./locales";
import type en from "../../messages/en.json";

export type Messages = typeof en;

/** One locale's messages (messages/<locale>.json), loaded once. */
export async function messagesOf(locale: Locale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default as Messages;
}
