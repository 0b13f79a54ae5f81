import { expect, test } from "@playwright/test";
import { AppPage } from "./pages/app-page";
import { linkIn, receivedMail } from "./pages/inbox";
import { SignInPage } from "./pages/sign-in-page";

test("a forgotten password is reset from the emailed link, which then works no more", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // Sign in has an Email field too: wait for the new page before filling one.
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill("lee@acme.test");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses that address");

  // The message as the person receives it: sent by the app's outbox over SMTP to a real smtp-server.
  const mail = await receivedMail("lee@acme.test", /Reset your Pathwise password/);
  const link = linkIn(mail, `http://localhost:${process.env.E2E_PORT ?? "3100"}/reset-password/`);

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
