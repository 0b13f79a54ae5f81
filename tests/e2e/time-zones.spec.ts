import { expect, test } from "@playwright/test";
import { DEMO_ORG, SECOND_ORG } from "../../prisma/seed";
import { AppPage } from "./pages/app-page";
import { linkIn, receivedMail } from "./pages/inbox";
import { unique } from "../factories/unique";

const stamp = unique();

// In the second demo organisation, so the first one's lists stay as other specs expect them.
test("a person in UTC joins in UTC and stays in UTC through a profile save and an owner's edit", async ({ page, browser, baseURL }) => {
  const email = `uma-${stamp}@guests.test`;
  await AppPage.signIn(page, "owner@northwind.test");
  await page.goto(`/${SECOND_ORG.slug}/invitations/new`);
  await page.getByLabel("Email addresses").fill(email);
  await page.getByLabel("Role").selectOption({ label: "Participant" });
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent 1 invitation" })).toBeVisible();

  // Uma's browser is on UTC: the accept form starts there, not on the list's first zone.
  const guestContext = await browser.newContext({ timezoneId: "UTC" });
  const guest = await guestContext.newPage();
  await guest.goto(linkIn(await receivedMail(email, /invited to join/), `${baseURL}/invite/`));
  await expect(guest.getByLabel("Time zone")).toHaveValue("UTC");
  await guest.getByLabel("First name").fill("Uma");
  await guest.getByLabel("Last name").fill("Universal");
  await guest.getByLabel("Choose a password").fill("uma picks a long passphrase");
  await guest.getByRole("button", { name: `Join ${SECOND_ORG.name}` }).click();
  await expect(guest.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();

  // Her profile shows UTC; saving something else there keeps it.
  await new AppPage(guest).open("Profile");
  await expect(guest.getByLabel("Time zone")).toHaveValue("UTC");
  await guest.getByLabel("First name").fill("Umaima");
  await guest.getByRole("button", { name: "Save details" }).click();
  await expect(guest.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await guest.reload();
  await expect(guest.getByLabel("First name")).toHaveValue("Umaima");
  await expect(guest.getByLabel("Time zone")).toHaveValue("UTC");
  await guestContext.close();

  // The owner's edit form shows UTC too, and saving it leaves UTC in place.
  await page.goto(`/${SECOND_ORG.slug}/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: /Umaima Universal/ }).click();
  await expect(page.getByLabel("Time zone")).toHaveValue("UTC");
  await page.getByLabel("Last name").fill("Utc");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Last name")).toHaveValue("Utc");
  await expect(page.getByLabel("Time zone")).toHaveValue("UTC");
});

// UTC is the zone the old picker could not show; Berlin proves the field follows the browser, not a fixed default.
test("+ Participant starts on the browser's zone, and the new pathway is in it", async ({ page, browser }) => {
  // One sign-in (they are rate-limited per account), then a browser per zone with that session.
  await AppPage.signIn(page, "pm@acme.test");
  const storageState = await page.context().storageState();
  for (const [zone, name] of [
    ["UTC", "Una"],
    ["Europe/Berlin", "Bea"],
  ] as const) {
    const context = await browser.newContext({ timezoneId: zone, storageState });
    const tab = await context.newPage();
    await tab.goto(`/${DEMO_ORG.slug}`);
    await tab.getByRole("link", { name: "Add a participant with a pathway" }).click();
    await expect(tab.getByRole("heading", { name: "Add a participant with a pathway" })).toBeVisible();
    await expect(tab.getByLabel("Time zone"), zone).toHaveValue(zone);

    await tab.getByLabel("Email").fill(`${name.toLowerCase()}-${stamp}@guests.test`);
    await tab.getByLabel("First name").fill(name);
    await tab.getByLabel("Last name").fill("Zoned");
    await tab.getByLabel("Cohort").selectOption({ index: 1 });
    await tab.getByLabel("Primary coach").fill("coach1@acme.test");
    await tab.getByLabel("Start date").fill("2026-06-01");
    await tab.getByRole("button", { name: "Add participant" }).click();
    await tab.getByRole("link", { name: "Open the new pathway" }).click();
    await expect(tab.getByRole("heading", { name: `Pathway of ${name} Zoned` })).toBeVisible();
    await expect(tab.getByText(`Mon 1 Jun 2026 · ${zone}`)).toBeVisible();
    await context.close();
  }
});
