import { expect, test } from "@playwright/test";
import { SECOND_ORG } from "../../prisma/seed";
import { AppPage } from "./pages/app-page";
import { APP_URL, linkIn, receivedMail } from "./pages/inbox";
import { unique } from "../factories/unique";

const INVITE_LINK = `${APP_URL}/invite/`;
const dora = `dora-${unique()}@guests.test`;

// In the second organisation, so the demo organisation's lists that other specs count stay as they are.

test("a deactivated invitee who never joined is taken forward from their page: invited again, and joins", async ({ page, browser }) => {
  const app = await AppPage.signIn(page, "owner@northwind.test");
  await app.open("Users");
  await page.getByRole("link", { name: "Invite users" }).click();
  await page.getByLabel("Email addresses").fill(dora);
  await page.getByLabel("Role").selectOption({ label: "Participant" });
  await page.getByRole("button", { name: "Check" }).click();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent 1 invitation." })).toBeVisible();
  const first = await receivedMail(dora, /invited to join/);

  // Deactivated before she accepted: her page offers the one way forward, inviting her again.
  await page.goto(`/${SECOND_ORG.slug}/users?q=${encodeURIComponent(dora)}`);
  await page.getByRole("link", { name: dora }).click();
  await expect(page.getByText("Participant · Invited")).toBeVisible();
  await page.getByRole("button", { name: `Deactivate ${dora}` }).click();
  // A participant takes no seat: the dialog does not speak of one.
  await expect(page.getByRole("dialog", { name: `Deactivate ${dora}?` })).toContainText("will be signed out at once");
  await expect(page.getByRole("dialog", { name: `Deactivate ${dora}?` })).not.toContainText(/seat/i);
  await page
    .getByRole("dialog", { name: `Deactivate ${dora}?` })
    .getByRole("button", { name: "Deactivate" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Deactivated." })).toBeVisible();
  await expect(page.getByText("Participant · Deactivated before joining")).toBeVisible();
  await expect(page.getByRole("button", { name: `Reactivate ${dora}` })).toHaveCount(0);
  const profile = page.url();

  // The invite form says the same about her address.
  await page.goto(`/${SECOND_ORG.slug}/invitations/new`);
  await page.getByLabel("Email addresses").fill(dora);
  await page.getByLabel("Role").selectOption({ label: "Participant" });
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("list", { name: "Addresses" })).toContainText(`${dora}: Deactivated before joining: will be invited again`);

  // From her page: invite her again.
  await page.goto(profile);
  await page.getByRole("button", { name: `Invite ${dora} again` }).click();
  const dialog = page.getByRole("dialog", { name: `Invite ${dora} again?` });
  await expect(dialog).toContainText("gets an email with a link to join");
  await dialog.getByRole("button", { name: "Invite again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invited. We have emailed them a link to join." })).toBeVisible();
  await expect(page.getByText("Participant · Invited")).toBeVisible();
  await expect(page.getByRole("button", { name: `Resend the invitation to ${dora}` })).toBeVisible();

  // The new link arrives and works; the first one stays dead.
  let again = first;
  await expect
    .poll(async () => linkIn((again = await receivedMail(dora, /invited to join/)), INVITE_LINK))
    .not.toBe(linkIn(first, INVITE_LINK));
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(linkIn(first, INVITE_LINK));
  await expect(guest.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await guest.goto(linkIn(again, INVITE_LINK));
  await guest.getByLabel("First name").fill("Dora");
  await guest.getByLabel("Last name").fill("Deferred");
  await guest.getByLabel("Choose a password").fill("dora finally joins with this passphrase");
  await guest.getByRole("button", { name: `Join ${SECOND_ORG.name}` }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  await guest.context().close();

  await page.reload();
  await expect(page.getByText("Participant · Active")).toBeVisible();
});
