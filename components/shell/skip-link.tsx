import { useTranslations } from "next-intl";

/** The id of the page's main content, the skip link's target. */
export const MAIN_ID = "main-content";

/** The first thing a keyboard reaches: past the header and navigation, straight to the page. Seen only when focused. */
export function SkipLink() {
  const t = useTranslations("Shell");
  return (
    <a
      href={`#${MAIN_ID}`}
      // The padding only when shown: on a visually hidden element it would still take room.
      className="sr-only text-sm font-medium focus:not-sr-only focus:m-2 focus:block focus:w-fit focus:rounded-md focus:bg-primary focus:px-4 focus:py-2 focus:text-on-accent"
    >
      {t("skipToMain")}
    </a>
  );
}
