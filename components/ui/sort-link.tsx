import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

/**
 * A column's sort link for a list whose sort lives in the URL: it names the order it is in now, and
 * following it sorts by this column (or reverses it when it is already the sort).
 */
export function SortLink({ href, label, active, dir }: { href: string; label: string; active: boolean; dir: "asc" | "desc" }) {
  const t = useTranslations("Ui.sort");
  const locale = useLocale();
  // Inside the sentence the column's name is a common noun: lower case, except in German, which writes
  // every noun with a capital.
  const column = locale === "de" ? label : label.toLocaleLowerCase(locale);
  return (
    <Link href={href} className="underline" aria-label={t("link", { column, order: active ? dir : "none" })}>
      {label}
      {active ? (dir === "asc" ? " ↑" : " ↓") : ""}
    </Link>
  );
}
