import { TextLink } from "./button";

/**
 * Previous / next links for a list whose page lives in the URL. It never reads "Page 2 of 1": lists
 * show their last page when asked for one past the end (clampPage), and a page past the end that
 * reaches this anyway gets a way back instead.
 */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const last = Math.max(1, pages);
  if (page > last) {
    return (
      <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center gap-4 text-sm">
        <span>This page is past the end of the list.</span>
        <TextLink href={href(last)}>{last === 1 ? "Go to the first page" : `Go to the last page (${last})`}</TextLink>
      </nav>
    );
  }
  if (last === 1) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center gap-4 text-sm">
      {page > 1 ? <TextLink href={href(page - 1)}>Previous page</TextLink> : null}
      <span>
        Page {page} of {last}
      </span>
      {page < last ? <TextLink href={href(page + 1)}>Next page</TextLink> : null}
    </nav>
  );
}
