import { expect, test } from "@playwright/test";
import { AppPage } from "./pages/app-page";
import { SignInPage } from "./pages/sign-in-page";

test("a forgotten password is reset from the emailed link, which then works no more", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email").fill("lee@acme.test");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses that address");

  // The message as the person receives it (kept on the development mailbox without SMTP).
  await page.goto("/dev/mailbox");
  const message = page.getByRole("article", { name: "Message" });
  await expect(message).toContainText("To lee@acme.test");
  const link = /http:\/\/localhost:3100\/reset-password\/[A-Za-z0-9_-]+/.exec((await message.textContent()) ?? "")?.[0];
  expect(link).toBeTruthy();

  await page.goto(link!);
  await page.getByLabel("New password").fill("password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "too common" })).toBeVisible();

  await page.getByLabel("New password").fill("lee chooses a long passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your password is changed. Sign in with it now.");

  await AppPage.signIn(page, "lee@acme.test", "lee chooses a long passphrase");

  await page.goto(link!);
  await page.getByLabel("New password").fill("yet another long passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "expired or was already used" })).toBeVisible();
});
