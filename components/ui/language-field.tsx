"use client";

import { useTranslations } from "next-intl";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { SelectField } from "./field";

const OPTIONS = LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }));

/**
 * A language picker, each language by its own name. With `inherited`, the first choice is none of
 * them: the organisation's language, named (a person's own profile).
 */
export function LanguageField({
  name,
  value,
  label,
  hint,
  inherited,
  error,
}: {
  name: string;
  value: Locale | null;
  label: string;
  hint?: string;
  inherited?: Locale;
  error?: string;
}) {
  const t = useTranslations("Language");
  return (
    <SelectField
      label={label}
      name={name}
      defaultValue={value ?? ""}
      options={OPTIONS}
      empty={inherited ? t("organisationDefault", { language: LOCALE_NAMES[inherited] }) : undefined}
      hint={hint}
      error={error}
    />
  );
}
