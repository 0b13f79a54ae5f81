import { expect, test, type Page } from "@playwright/test";
import { recordFigures } from "../support/figures";
import { withArticle } from "../../lib/words";
import { openListed, pagesFor, PUBLIC_PAGES, ROLE_USERS, signedInPage, type ListedPage } from "./pages/every-page";

// Every page of every role on a 390-px phone: the page itself never scrolls sideways (a wide table
// scrolls inside its own box, the navigation folds behind a menu button).

const PHONE = { width: 390, height: 844 };

/** How far each page scrolls sideways; only the pages that do are returned. */
async function overflowing(page: Page, pages: ListedPage[]): Promise<Record<string, number>> {
  const wide: Record<string, number> = {};
  for (const listed of pages) {
    await openListed(page, listed);
    const px = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (px > 0) wide[`${listed.name} (${listed.path})`] = px;
  }
  recordFigures("phone-width", { phonePagesChecked: pages.length, phonePagesScrollingSideways: Object.keys(wide).length });
  return wide;
}

for (const { role, email } of ROLE_USERS) {
  test(`every page ${withArticle(role.toLowerCase().replace("_", " "))} opens fits a 390-px phone without sideways scrolling`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
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
  const context = await browser.newContext({ viewport: PHONE });
  expect(await overflowing(await context.newPage(), PUBLIC_PAGES)).toEqual({});
  await context.close();
});
