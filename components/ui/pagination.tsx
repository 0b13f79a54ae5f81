import { useTranslations } from "next-intl";
import { TextLink } from "./button";

/**
 * Previous / next links for a list whose page lives in the URL. Every list shows its last page when
 * asked for one past the end (clampPage, in its service), and passes the page it shows: so this never
 * reads "Page 2 of 1".
 */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useTranslations("Ui.pagination");
  const last = Math.max(1, pages);
  if (last === 1) return null;
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center gap-4 text-sm">
      {page > 1 ? <TextLink href={href(page - 1)}>{t("previous")}</TextLink> : null}
      <span>{t("pageOf", { page, last })}</span>
      {page < last ? <TextLink href={href(page + 1)}>{t("next")}</TextLink> : null}
    </nav>
  );
}
