import { expect, test } from "@playwright/test";
import { DEMO_ORG, DEMO_PASSWORD, SECOND_ORG } from "../../prisma/seed";
import { AppPage } from "./pages/app-page";

test("a new customer signs up, lands in their own organisation as its owner, and finds it in the audit log", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Create your organisation" }).click();
  await expect(page.getByRole("heading", { name: "Create your organisation" })).toBeVisible();

  // Bad input is refused field by field and what was typed stays.
  await page.getByLabel("Organisation name").fill("Harbour Light Coaching");
  await page.getByLabel("First name").fill("Hana");
  await page.getByLabel("Last name").fill("Harbour");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("password");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter a valid email address" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "too common" })).toBeVisible();
  await expect(page.getByLabel("Organisation name")).toHaveValue("Harbour Light Coaching");

  // An email that already has an account is pointed to sign in.
  await page.getByLabel("Email").fill("coach1@acme.test");
  await page.getByLabel("Password").fill("harbour lights shine at night");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already exists" })).toBeVisible();

  await page.getByLabel("Email").fill("hana@harbour.test");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL("/harbour-light-coaching");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Harbour Light Coaching");
  await expect(page.getByRole("banner")).toContainText("Owner");

  const app = new AppPage(page);
  await app.open("Audit log");
  await expect(page.getByRole("table")).toContainText("organization.create");
  await expect(page.getByRole("table")).toContainText("hana@harbour.test");
});

test("a member of two organisations switches between them, and the session remembers the choice", async ({ page }) => {
  await AppPage.signIn(page, "admin@acme.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(`/${DEMO_ORG.slug}`);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible(); // an admin here

  await page.locator("summary", { hasText: DEMO_ORG.name }).click();
  await page.getByRole("button", { name: SECOND_ORG.name }).click();
  await expect(page).toHaveURL(`/${SECOND_ORG.slug}`);
  await expect(page.getByRole("banner")).toContainText(SECOND_ORG.name);
  await expect(page.getByRole("banner")).toContainText("Coach"); // a coach there: the role is per organisation
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  expect((await page.goto(`/${SECOND_ORG.slug}/settings`))?.status()).toBe(404);

  // The session's active organisation: "/" opens the one chosen last.
  await page.goto("/");
  await expect(page).toHaveURL(`/${SECOND_ORG.slug}`);

  await page.locator("summary", { hasText: SECOND_ORG.name }).click();
  await page.getByRole("button", { name: DEMO_ORG.name }).click();
  await expect(page).toHaveURL(`/${DEMO_ORG.slug}`);
  await page.goto("/");
  await expect(page).toHaveURL(`/${DEMO_ORG.slug}`);
});

test("a signed-in user creates a further organisation from the switcher", async ({ page }) => {
  await AppPage.signIn(page, "coach2@acme.test", DEMO_PASSWORD);
  await page.locator("summary", { hasText: DEMO_ORG.name }).click();
  await page.getByRole("link", { name: "Create an organisation" }).click();
  await expect(page.getByRole("heading", { name: "Create an organisation" })).toBeVisible();
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter your organisation's name" })).toBeVisible();
  await page.getByLabel("Organisation name").fill("Cody's Practice");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL("/cody-s-practice");
  await expect(page.getByRole("banner")).toContainText("Owner");
  await page.locator("summary", { hasText: "Cody's Practice" }).click();
  await expect(page.getByRole("button", { name: DEMO_ORG.name })).toBeVisible();
});
