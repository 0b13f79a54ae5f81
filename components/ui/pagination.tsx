import Link from "next/link";

/** Previous / next links for a list whose page lives in the URL. */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="text-indigo-700 underline">
          Previous page
        </Link>
      ) : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className="text-indigo-700 underline">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
