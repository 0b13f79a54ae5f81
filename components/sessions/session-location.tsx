import { useTranslations } from "next-intl";
import { Fragment } from "react";

/**
 * Where a session happens: a meeting link opens as a link (only http and https: anything else typed
 * there is shown as text, never followed), a place is shown as written. A link breaks after its
 * punctuation (/ . - ? & = _ #), so the words in it stay whole; a place's words break only when one
 * alone is longer than its line.
 */
export function SessionLocation({ location }: { location: string }) {
  const t = useTranslations("Sessions");
  const text = location.trim();
  if (!text) return <span className="text-muted">{t("noPlace")}</span>;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (url && (url.protocol === "https:" || url.protocol === "http:")) {
    return (
      <a href={url.href} rel="noopener noreferrer" className="text-primary underline hover:text-primary-strong">
        {text.split(/(?<=[/.\-?&=_#])/).map((part, i) => (
          <Fragment key={i}>
            {i > 0 ? <wbr /> : null}
            {part}
          </Fragment>
        ))}
      </a>
    );
  }
  return <span>{text}</span>;
}
