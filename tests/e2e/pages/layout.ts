import { expect, type Locator, type Page } from "@playwright/test";

// What a person on a phone must be able to see on a page as it is now (checked by the page
// sweep on every page): each table row's values with their column names, and every link, button and
// field, within the screen's sides (nothing hidden past an edge, so no sideways panning); no word that
// fits its line broken in two ("Opti-ons"); no short value stretched over many lines by a squeezed
// column.

/** A word this short fits any line of a 390-px screen: it must never be split across lines. */
const SHORT_WORD = 16;
/** A short value (a name, a date, a status) in a table cell takes at most this many lines. */
const SHORT_VALUE = 40;
const MAX_LINES_OF_SHORT_VALUE = 3;

export type LayoutCheck = { problems: string[]; rows: number; controls: number; words: number };

/** Everything wrong with the page's layout as shown now, and how much was checked. */
export async function layoutProblems(page: Page): Promise<LayoutCheck> {
  return page.evaluate(
    ({ shortWord, shortValue, maxLines }) => {
      const problems: string[] = [];
      const width = window.innerWidth;
      const shown = (r: DOMRect) => r.width > 1 && r.height > 1;
      const within = (r: DOMRect) => r.left >= -0.5 && r.right <= width + 0.5;
      const named = (el: Element) => (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 40);

      // Tables: every row's cells on screen, each with its column's name in sight (the header row, or
      // the cell's own label where rows are cards).
      let rows = 0;
      for (const table of Array.from(document.querySelectorAll("main table"))) {
        if (!shown(table.getBoundingClientRect())) continue;
        const headers = Array.from(table.querySelectorAll("thead th"));
        const headerShown = headers.some((th) => shown(th.getBoundingClientRect()));
        for (const th of headers)
          if (headerShown && !within(th.getBoundingClientRect())) problems.push(`column "${named(th)}" past the screen's edge`);
        for (const row of Array.from(table.querySelectorAll("tbody tr"))) {
          rows += 1;
          for (const cell of Array.from(row.children)) {
            const box = cell.getBoundingClientRect();
            const column = cell.getAttribute("data-label") ?? named(cell);
            if (!shown(box)) problems.push(`cell "${column}" hidden`);
            else if (!within(box)) problems.push(`cell "${column}" past the screen's edge`);
            const label = getComputedStyle(cell, "::before").content;
            if (!headerShown && cell.hasAttribute("data-label") && (label === "none" || label === "normal"))
              problems.push(`cell "${column}" shown without its column's name`);
            // A short value over many lines: its column squeezed (the 200-px-tall session rows).
            const value = (cell.firstElementChild ?? cell) as HTMLElement;
            const text = value.innerText.trim();
            const line = parseFloat(getComputedStyle(value).lineHeight) || 20;
            if (text && text.length <= shortValue && !text.includes("\n") && value.getBoundingClientRect().height > (maxLines + 0.5) * line)
              problems.push(`cell "${column}" ("${text}") over ${maxLines} lines`);
          }
        }
      }

      // Every link, button and field in the page's main part lies within the screen's sides (a tab strip
      // or a table scrolling sideways hides some past an edge). Folded or closed ones have no box.
      let controls = 0;
      for (const el of Array.from(document.querySelectorAll("main :is(a[href], button, input, select, textarea, summary)"))) {
        const box = el.getBoundingClientRect();
        if (!shown(box)) continue;
        controls += 1;
        if (!within(box)) problems.push(`${el.tagName.toLowerCase()} "${named(el)}" past the screen's edge`);
      }

      // No short word split across two lines: the line boxes of its characters all share one top.
      let words = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const match of text.matchAll(/[^\s\-‐–—/]+/g)) {
          if (match[0].length < 2 || match[0].length > shortWord) continue;
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set(
            Array.from(range.getClientRects())
              .filter((r) => r.width > 0)
              .map((r) => Math.round(r.top)),
          );
          if (lines.size === 0) continue;
          words += 1;
          if (lines.size > 1) problems.push(`"${match[0]}" broken across ${lines.size} lines`);
        }
      }
      return { problems, rows, controls, words };
    },
    { shortWord: SHORT_WORD, shortValue: SHORT_VALUE, maxLines: MAX_LINES_OF_SHORT_VALUE },
  );
}

/**
 * Each of `items` (an open menu's entries) wholly on screen and on top where a person would tap it:
 * not clipped by a box around it (IntersectionObserver counts that) nor covered; and the open panel
 * beside `opener`, the button that opened it (just below or just above it, overlapping its width).
 */
export async function expectReachable(opener: Locator, items: Locator): Promise<number> {
  // Measured until the page has settled: a panel follows its button by anchor positioning, a frame
  // behind a layout that is still moving (a row reflowing as the page finishes loading).
  const placement = async () => {
    const button = await opener.boundingBox();
    const panel = await opener.page().locator("[popover]:popover-open").boundingBox();
    if (!button || !panel) return "the button or its open panel is missing";
    const gap = Math.min(Math.abs(panel.y - (button.y + button.height)), Math.abs(button.y - (panel.y + panel.height)));
    if (gap > 12) return `the panel is ${Math.round(gap)} px from its button`;
    if (!(panel.x < button.x + button.width && panel.x + panel.width > button.x)) return "the panel does not overlap its button's width";
    return "beside its button";
  };
  await expect.poll(placement, { message: "the open panel beside the button that opened it" }).toBe("beside its button");
  const count = await items.count();
  expect(count, "entries in the open menu").toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    await expect(item).toBeInViewport({ ratio: 1 });
    const onTop = await item.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && (el === hit || el.contains(hit));
    });
    expect(onTop, `"${await item.innerText()}" is on top where it shows`).toBe(true);
  }
  return count;
}
