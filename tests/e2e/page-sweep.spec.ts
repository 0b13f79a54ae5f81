import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { recordFigures } from "../support/figures";
import { withArticle } from "../support/words";
import { readdirSync } from "node:fs";
import path from "node:path";
import {
  openListed,
  pagesFor,
  PUBLIC_PAGES,
  ROLE_USERS,
  signedInPage,
  sweepData,
  sweptRoutes,
  UNSWEPT_ROUTES,
  type ListedPage,
} from "./pages/every-page";
import { onAppDatabase } from "./pages/database";
import { englishOnPage, englishRuns, messagesIn } from "./pages/english-left";
import { layoutProblems } from "./pages/layout";
import type { Role } from "../../lib/db/generated/enums";
import type { Locale } from "../../lib/i18n/locales";

// Every page of every role, each opened once, on a 390-px phone and then at a desktop width:
// - accessibility: axe-core finds no serious or critical violation at either width, nor on the phone
//   with the menu open (moderate and minor findings are not counted here);
// - the phone: the page never scrolls sideways (lists become cards, the navigation folds behind a menu
//   button), and nothing a person needs hides past the screen's edge or breaks inside a word
//   (./pages/layout.ts: every row's values with their column names, every link and button, the
//   profile's tabs; short words whole; no short value stretched over many lines).
// - the language: each role reads its pages in one language, German (the longest words) or French, and
//   no English message's words are left on any of them (./pages/english-left.ts); the owner's few pages
//   of their own stay English, which every flow reads anyway.
// The roles' sweeps only read (their setup writes the same rows whoever comes first), so they run in
// parallel (playwright.config.ts, project "sweeps").

test.describe.configure({ mode: "parallel" });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const BLOCKING = new Set(["serious", "critical"]);

/** Each serious or critical violation on the page as it is now, as "where: rule (impact) × nodes: first target". */
async function axe(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .map((v) => `${where}: ${v.id} (${v.impact}) × ${v.nodes.length}: ${v.nodes[0]?.target.join(" ")}`);
}

type Found = { axe: string[]; phone: Record<string, number | string[]>; english: Record<string, string[]> };

/** The language each role's pages are read in. */
const SWEEP_LOCALE: Partial<Record<Role, Locale>> = { OWNER: "en", PROGRAM_MANAGER: "fr", PARTICIPANT: "fr", SPONSOR: "fr" };
const SHELL = { en: messagesIn("en").Shell, fr: messagesIn("fr").Shell, de: messagesIn("de").Shell };

/** Sets the language a demo person chose (null: none, their organisation's). */
const choose = (email: string, locale: Locale | null) =>
  onAppDatabase((db) => db.query(`UPDATE "User" SET "locale" = $1 WHERE "email" = $2`, [locale, email]));

/** How far the page scrolls sideways now (0 when it does not). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Every listed page, opened once on the phone and then widened to a desktop; figures recorded under `figures`. */
async function sweep(page: Page, pages: ListedPage[], locale: Locale): Promise<Found> {
  const found: Found = { axe: [], phone: {}, english: {} };
  const checked = { axeRuns: 0, rows: 0, controls: 0, words: 0, problems: 0, english: 0 };
  const runs = locale === "en" ? [] : englishRuns(locale);
  for (const listed of pages) {
    await page.setViewportSize(PHONE);
    await openListed(page, listed);
    const where = `${listed.name} (${listed.path})`;
    const px = await sideways(page);
    if (px > 0) found.phone[where] = px;
    const layout = await layoutProblems(page);
    checked.rows += layout.rows;
    checked.controls += layout.controls;
    checked.words += layout.words;
    checked.problems += layout.problems.length;
    if (layout.problems.length) found.phone[`${where}: layout`] = layout.problems;
    if (runs.length) {
      const left = await englishOnPage(page, runs);
      if (left.length) found.english[where] = left;
      checked.english += left.length;
    }
    found.axe.push(...(await axe(page, `${listed.name} (phone)`)));
    // The same page at a desktop width: tables are tables there, the navigation is open.
    await page.setViewportSize(DESKTOP);
    found.axe.push(...(await axe(page, `${listed.name} (desktop)`)));
    checked.axeRuns += 2;
  }
  recordFigures("page-sweep", {
    axePagesChecked: pages.length,
    axeChecksRun: checked.axeRuns,
    axeSeriousViolations: found.axe.length,
    phonePagesChecked: pages.length,
    phonePagesScrollingSideways: Object.keys(found.phone).filter((k) => !k.endsWith(": layout")).length,
    phoneRowsChecked: checked.rows,
    phoneControlsChecked: checked.controls,
    phoneWordsChecked: checked.words,
    phoneLayoutProblems: checked.problems,
    pagesReadInAnotherLanguage: runs.length ? pages.length : 0,
    englishLeftOnThem: checked.english,
  });
  return found;
}

for (const { role, email } of ROLE_USERS) {
  const locale = SWEEP_LOCALE[role] ?? "de";
  test(`every page ${withArticle(role.toLowerCase().replace("_", " "))} opens, read in ${locale}, fits a 390-px phone, has no serious or critical accessibility violation and no English left`, async ({
    browser,
  }) => {
    test.setTimeout(600_000);
    await sweepData();
    const { page, context } = await signedInPage(browser, email, PHONE);
    // The pages are found in English (some are made through forms), then read in the role's language.
    const pages = await pagesFor(page, role);
    await choose(email, locale);
    try {
      const found = await sweep(page, pages, locale);
      // The phone's open menu, over the dashboard (the first page of every role).
      await page.setViewportSize(PHONE);
      await openListed(page, pages[0]);
      await page.getByRole("button", { name: SHELL[locale].menu }).click();
      await expect(page.getByRole("navigation", { name: SHELL[locale].mainNav })).toBeVisible();
      const menuOverflow = await sideways(page);
      if (menuOverflow > 0) found.phone["menu open"] = menuOverflow;
      const menu = await axe(page, "menu open (phone)");
      recordFigures("page-sweep", { axeChecksRun: 1, axeSeriousViolations: menu.length });
      expect([...found.axe, ...menu]).toEqual([]);
      expect(found.phone).toEqual({});
      expect(found.english).toEqual({});
    } finally {
      await choose(email, null);
      await context.close();
    }
  });
}

test("every public page, read by a French browser, fits a 390-px phone, has no serious or critical accessibility violation and no English left", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  await sweepData();
  const context = await browser.newContext({ viewport: PHONE, locale: "fr-FR" });
  const found = await sweep(await context.newPage(), PUBLIC_PAGES, "fr");
  expect(found.axe).toEqual([]);
  expect(found.phone).toEqual({});
  expect(found.english).toEqual({});
  await context.close();
});

test("every page of the app is in the sweeps' list, or set aside with a reason", () => {
  // Each page.tsx under app/ is a route: "/[org]/coachees/[id]" (a route group's folder, "(profile)",
  // is not part of it). A new page fails this until it is swept.
  const routes = readdirSync("app", { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === "page.tsx")
    .map((e) => `/${path.relative("app", e.parentPath).split(path.sep).join("/")}`.replace(/\/\([^/]+\)/g, "").replace(/\/$/, "") || "/");
  expect(routes.length).toBeGreaterThan(50);
  const swept = sweptRoutes();
  expect(routes.filter((r) => !swept.has(r) && !(r in UNSWEPT_ROUTES))).toEqual([]);
  // And the list names no route the app does not have (a page moved or renamed).
  expect([...swept].filter((r) => !routes.includes(r))).toEqual([]);
});
