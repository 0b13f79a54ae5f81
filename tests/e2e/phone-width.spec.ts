import { expect, test, type Page } from "@playwright/test";
import { recordFigures } from "../support/figures";
import { withArticle } from "../../lib/words";
import { openListed, pagesFor, PUBLIC_PAGES, ROLE_USERS, signedInPage, type ListedPage } from "./pages/every-page";
import { layoutProblems } from "./pages/layout";

// Every page of every role on a 390-px phone, each visited once: the page itself never scrolls sideways
// (lists become cards, the navigation folds behind a menu button), and nothing a person needs hides
// past the screen's edge or breaks inside a word (./pages/layout.ts: every row's values with their
// column names, every link and button, the profile's tabs; short words whole; no short value stretched
// over many lines).

const PHONE = { width: 390, height: 844 };

/** How far each page scrolls sideways (only the pages that do) and what each shows wrongly, by page. */
async function overflowing(page: Page, pages: ListedPage[]): Promise<Record<string, number | string[]>> {
  const wide: Record<string, number | string[]> = {};
  const checked = { rows: 0, controls: 0, words: 0, problems: 0 };
  for (const listed of pages) {
    await openListed(page, listed);
    const where = `${listed.name} (${listed.path})`;
    const px = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (px > 0) wide[where] = px;
    const layout = await layoutProblems(page);
    checked.rows += layout.rows;
    checked.controls += layout.controls;
    checked.words += layout.words;
    checked.problems += layout.problems.length;
    if (layout.problems.length) wide[`${where}: layout`] = layout.problems;
  }
  recordFigures("phone-width", {
    phonePagesChecked: pages.length,
    phonePagesScrollingSideways: Object.keys(wide).filter((k) => !k.endsWith(": layout")).length,
    phoneRowsChecked: checked.rows,
    phoneControlsChecked: checked.controls,
    phoneWordsChecked: checked.words,
    phoneLayoutProblems: checked.problems,
  });
  return wide;
}

for (const { role, email } of ROLE_USERS) {
  test(`every page ${withArticle(role.toLowerCase().replace("_", " "))} opens fits a 390-px phone without sideways scrolling`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const { page, context } = await signedInPage(browser, email, PHONE);
    const pages = await pagesFor(page, role);
    const wide = await overflowing(page, pages);
    // The open menu too, over the dashboard (every role's first page).
    await openListed(page, pages[0]);
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const menuOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (menuOverflow > 0) wide["menu open"] = menuOverflow;
    expect(wide).toEqual({});
    await context.close();
  });
}

test("every public page fits a 390-px phone without sideways scrolling", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: PHONE });
  expect(await overflowing(await context.newPage(), PUBLIC_PAGES)).toEqual({});
  await context.close();
});
