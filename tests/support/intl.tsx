import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "../../lib/i18n/locales";
import de from "../../messages/de.json";
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";

const MESSAGES = { en, fr, de };

/** A component as a page renders it: inside the messages of one locale (as app/layout.tsx provides them). */
export function inLocale(node: ReactNode, locale: Locale = "en") {
  return (
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      {node}
    </NextIntlClientProvider>
  );
}
