import { expect, test } from "@playwright/test";
import { DEMO_ORG, DEMO_PASSWORD } from "../../prisma/seed";
import { SignInPage } from "./pages/sign-in-page";

test("the seeded admin signs in and sees the app shell", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("admin@acme.test", DEMO_PASSWORD);

  await expect(page).toHaveURL(`/${DEMO_ORG.slug}`);
  await expect(page.getByRole("banner")).toContainText(DEMO_ORG.name);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();
  // The e2e server sends mail over SMTP, so there is no development mailbox, not even by its URL.
  await expect(nav.getByRole("link", { name: "Dev mailbox" })).toHaveCount(0);
  expect((await page.goto("/dev/mailbox"))?.status()).toBe(404);
});

test("a participant's navigation shows only what a participant may use", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("pat@acme.test", DEMO_PASSWORD);

  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dev mailbox" })).toHaveCount(0);
});

test("a wrong password is refused with a message, and nothing opens", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("admin@acme.test", "not-the-password");

  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await page.goto(`/${DEMO_ORG.slug}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});

test("an organisation the user does not belong to is a 404", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("admin@acme.test", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  const response = await page.goto("/some-other-org");
  expect(response?.status()).toBe(404);
});
