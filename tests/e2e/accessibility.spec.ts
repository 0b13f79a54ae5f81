import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { recordFigures } from "../support/figures";
import { withArticle } from "../../lib/words";
import { openListed, pagesFor, PUBLIC_PAGES, ROLE_USERS, signedInPage, type ListedPage } from "./pages/every-page";

// axe-core on every page of every role (the same list as the phone-width test), at a desktop and a
// phone width, and on the phone with the menu open: no serious or critical violation anywhere.
// Moderate and minor findings are not counted here.

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const BLOCKING = new Set(["serious", "critical"]);

/** Each serious or critical violation on the page as it is now, as "where: rule (impact) × nodes: first target". */
async function check(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .map((v) => `${where}: ${v.id} (${v.impact}) × ${v.nodes.length}: ${v.nodes[0]?.target.join(" ")}`);
}

/** Every listed page at both widths; `checks` counts the axe runs. */
async function violations(page: Page, pages: ListedPage[], checks: { runs: number }): Promise<string[]> {
  const found: string[] = [];
  for (const listed of pages) {
    await page.setViewportSize(DESKTOP);
    await openListed(page, listed);
    found.push(...(await check(page, `${listed.name} (desktop)`)));
    // The same page on a phone: lists are cards there, the navigation is folded.
    await page.setViewportSize(PHONE);
    found.push(...(await check(page, `${listed.name} (phone)`)));
    checks.runs += 2;
  }
  return found;
}

for (const { role, email } of ROLE_USERS) {
  test(`every page ${withArticle(role.toLowerCase().replace("_", " "))} opens has no serious or critical accessibility violation`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const { page, context } = await signedInPage(browser, email, DESKTOP);
    const pages = await pagesFor(page, role);
    const checks = { runs: 0 };
    const found = await violations(page, pages, checks);
    // The phone's open menu, over the dashboard (the first page of every role).
    await openListed(page, pages[0]);
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    found.push(...(await check(page, "menu open (phone)")));
    checks.runs += 1;
    recordFigures("axe", { axePagesChecked: pages.length, axeChecksRun: checks.runs, axeSeriousViolations: found.length });
    expect(found).toEqual([]);
    await context.close();
  });
}

test("every public page has no serious or critical accessibility violation", async ({ browser }) => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const checks = { runs: 0 };
  const found = await violations(await context.newPage(), PUBLIC_PAGES, checks);
  recordFigures("axe", { axePagesChecked: PUBLIC_PAGES.length, axeChecksRun: checks.runs, axeSeriousViolations: found.length });
  expect(found).toEqual([]);
  await context.close();
});
