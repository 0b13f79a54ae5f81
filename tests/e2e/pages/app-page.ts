import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Cookie, type Page } from "@playwright/test";
import { E2E_SERVER } from "../../support/e2e-database";
import { SignInPage } from "./sign-in-page";
import { DEMO_PASSWORD } from "../../../prisma/seed";

/** What a participant's navigation lists, in order (lib's table is tested in tests/unit/nav-items.test.ts). */
export const PARTICIPANT_NAV = [
  "Home",
  "Goals",
  "Actions",
  "Notes",
  "Files",
  "Sessions",
  "Calendar",
  "Book a session",
  "Messages",
  "Assessments",
  "Profile",
];

// Signing in through the form costs a page, a password hash and a redirect, and most specs only need to
// be signed in. The first sign-in of each person on this worker's server goes through the form, and its
// session (the cookies, and the page it landed on) is stored; later sign-ins start from the stored
// session while the server still honours it, and go through the form again when it does not (a spec
// signed that person out, deactivated them or changed their password). Playwright empties test-results
// at the start of every run. Specs about sessions themselves (two browsers, signing out) take a session
// of their own with signInAnew; specs about the form use SignInPage.
const SESSIONS = path.resolve("test-results/.sessions");
type StoredSession = { cookies: Cookie[]; landing: string };
const sessionFile = (email: string) => path.join(SESSIONS, `${E2E_SERVER.port}-${email}.json`);
const FRONT_PAGE = /^(Dashboard|Home)$/;

/** A signed-in page of the app: sign in, then move through the left navigation. */
export class AppPage {
  constructor(readonly page: Page) {}

  static async signIn(page: Page, email: string, password = DEMO_PASSWORD) {
    const file = sessionFile(email);
    if (password === DEMO_PASSWORD && existsSync(file)) {
      const stored = JSON.parse(readFileSync(file, "utf8")) as StoredSession;
      await page.context().addCookies(stored.cookies);
      await page.goto(stored.landing);
      const heading = (await page.getByRole("heading", { level: 1 }).first().textContent()) ?? "";
      if (FRONT_PAGE.test(heading.trim())) return new AppPage(page);
      await page.context().clearCookies();
    }
    return AppPage.signInAnew(page, email, password);
  }

  /** Signs in through the form: a session of this page's own, which the person's later sign-ins reuse. */
  static async signInAnew(page: Page, email: string, password = DEMO_PASSWORD) {
    const file = sessionFile(email);
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(email, password);
    // Everyone lands on the organisation's front page: the Dashboard, or a participant's Home.
    await expect(page.getByRole("heading", { level: 1, name: FRONT_PAGE })).toBeVisible();
    if (password === DEMO_PASSWORD) {
      mkdirSync(SESSIONS, { recursive: true });
      const stored: StoredSession = { cookies: await page.context().cookies(), landing: new URL(page.url()).pathname };
      writeFileSync(file, JSON.stringify(stored));
    }
    return new AppPage(page);
  }

  nav() {
    return this.page.getByRole("navigation", { name: "Main" });
  }

  async open(label: string) {
    await this.nav().getByRole("link", { name: label }).click();
  }
}
