/** How many pages a list of `total` items fills, `size` to a page: at least one, so an empty list is page 1 of 1. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The page to show: the one asked for, or the nearest that exists (a page past the end shows the last). */
export function clampPage(page: number, pages: number): number {
  const whole = Number.isFinite(page) ? Math.floor(page) : 1;
  return Math.min(Math.max(1, whole), Math.max(1, pages));
}

/**
 * Where one page of a list of `total` lies, `size` to a page: how many pages there are, the page shown
 * (the one asked for, or the last when that lies past the end: every list's one rule), and the rows to
 * skip and take for it.
 */
export function pageWindow(total: number, size: number, asked: number): { pages: number; page: number; skip: number; take: number } {
  const pages = pageCount(total, size);
  const page = clampPage(asked, pages);
  return { pages, page, skip: (page - 1) * size, take: size };
}
