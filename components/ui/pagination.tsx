import Link from "next/link";

const LINK = "text-indigo-700 underline";

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
        <Link href={href(last)} className={LINK}>
          {last === 1 ? "Go to the first page" : `Go to the last page (${last})`}
        </Link>
      </nav>
    );
  }
  if (last === 1) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={LINK}>
          Previous page
        </Link>
      ) : null}
      <span>
        Page {page} of {last}
      </span>
      {page < last ? (
        <Link href={href(page + 1)} className={LINK}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
