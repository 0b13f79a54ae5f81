import { expect, type Page } from "@playwright/test";
import { SignInPage } from "./sign-in-page";
import { DEMO_PASSWORD } from "../../../prisma/seed";

/** What a participant's navigation lists, in order (lib's table is tested in tests/unit/nav-items.test.ts). */
export const PARTICIPANT_NAV = ["Home", "Goals", "Actions", "Notes", "Files", "Sessions", "Messages", "Assessments", "Profile"];

/** A signed-in page of the app: sign in, then move through the left navigation. */
export class AppPage {
  constructor(readonly page: Page) {}

  static async signIn(page: Page, email: string, password = DEMO_PASSWORD) {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(email, password);
    // Everyone lands on the organisation's front page: the Dashboard, or a participant's Home.
    await expect(page.getByRole("heading", { level: 1, name: /^(Dashboard|Home)$/ })).toBeVisible();
    return new AppPage(page);
  }

  nav() {
    return this.page.getByRole("navigation", { name: "Main" });
  }

  async open(label: string) {
    await this.nav().getByRole("link", { name: label }).click();
  }
}
