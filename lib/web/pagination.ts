/** How many pages a list of `total` items fills, `size` to a page: at least one, so an empty list is page 1 of 1. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The page to show: the one asked for, or the nearest that exists (a page past the end shows the last). */
export function clampPage(page: number, pages: number): number {
  const whole = Number.isFinite(page) ? Math.floor(page) : 1;
  return Math.min(Math.max(1, whole), Math.max(1, pages));
}
