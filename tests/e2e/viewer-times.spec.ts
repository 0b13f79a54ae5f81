import { expect, test, type Page } from "@playwright/test";
import { SECOND_ORG } from "../../prisma/seed";
import { readableDate, readableTime } from "../support/readable-dates";
import { AppPage } from "./pages/app-page";

const ORG = `/${SECOND_ORG.slug}`;

/** A moment in Kathmandu by plain arithmetic (UTC+05:45, no daylight saving), read on UTC's clock. */
const inKathmandu = (iso: string) => new Date(new Date(iso).getTime() + 345 * 60_000);

async function setZone(page: Page, zone: string) {
  await page.goto(`${ORG}/profile`);
  await page.getByLabel("Time zone").selectOption(zone);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
}

/** Every <time> on the page as [its exact moment, what it shows]. */
async function times(page: Page) {
  const found = page.locator("main time");
  await expect(found.first()).toBeVisible();
  return found.evaluateAll((els) => els.map((el) => [el.getAttribute("datetime") ?? "", el.textContent ?? ""] as const));
}

// Nora (the second organisation's owner) reads her own page; she moves to Kathmandu (UTC+05:45 with no
// daylight saving, so the shift is plain arithmetic; listed under its older IANA spelling) and back.
test("times are shown in the signed-in person's own time zone, and follow it when it changes", async ({ page }) => {
  await AppPage.signIn(page, "owner@northwind.test");
  await page.goto(`${ORG}/profile`);
  const original = await page.getByLabel("Time zone").inputValue();
  expect(original).not.toBe("Asia/Katmandu");

  try {
    await setZone(page, "Asia/Katmandu");
    await page.goto(`${ORG}/users`);
    const row = page.getByRole("table", { name: "Users" }).getByRole("row", { name: /Nora North/ });
    // The list's days are hers too.
    for (const [moment, shown] of await row
      .locator("time")
      .evaluateAll((els) => els.map((el) => [el.getAttribute("datetime") ?? "", el.textContent ?? ""] as const))) {
      expect(shown).toBe(readableDate(inKathmandu(moment), "UTC"));
    }
    await row.getByRole("link", { name: "Nora North" }).click();
    await expect(page.getByRole("heading", { name: "Nora North" })).toBeVisible();
    await expect(page.getByText("Asia/Katmandu (your time zone)")).toBeVisible();
    const shownThere = await times(page);
    expect(shownThere.length).toBeGreaterThanOrEqual(2); // joined and last active, at least
    for (const [moment, shown] of shownThere) expect(shown).toBe(readableTime(inKathmandu(moment), "UTC"));
    const url = page.url();

    await setZone(page, original);
    await page.goto(url);
    await expect(page.getByText(`${original} (your time zone)`)).toBeVisible();
    for (const [moment, shown] of await times(page)) expect(shown).toBe(readableTime(moment, original));
  } finally {
    // Leave her as the seed made her, whatever happened above.
    if (!page.isClosed()) {
      await page.goto(`${ORG}/profile`);
      if ((await page.getByLabel("Time zone").inputValue()) !== original) await setZone(page, original);
    }
  }
});

// The audit log reads like the rest: each event at the reader's own clock, the zone named once in the header.
test("the audit log shows when each event happened in the signed-in person's time zone, and says which", async ({ page }) => {
  await AppPage.signIn(page, "owner@northwind.test");
  await page.goto(`${ORG}/profile`);
  const original = await page.getByLabel("Time zone").inputValue();
  expect(original).not.toBe("Asia/Katmandu");

  try {
    await setZone(page, "Asia/Katmandu");
    // Something to read in the log: saving the settings records an event even when nothing changed.
    await page.goto(`${ORG}/settings`);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText("Settings saved.");

    await page.goto(`${ORG}/audit`);
    await expect(page.getByRole("columnheader", { name: "When (Asia/Katmandu)" })).toBeVisible();
    const shown = await times(page);
    expect(shown.length).toBeGreaterThanOrEqual(1);
    for (const [moment, text] of shown) expect(text).toBe(readableTime(inKathmandu(moment), "UTC"));

    await setZone(page, original);
    await page.goto(`${ORG}/audit`);
    await expect(page.getByRole("columnheader", { name: `When (${original})` })).toBeVisible();
    for (const [moment, text] of await times(page)) expect(text).toBe(readableTime(moment, original));
  } finally {
    if (!page.isClosed()) {
      await page.goto(`${ORG}/profile`);
      if ((await page.getByLabel("Time zone").inputValue()) !== original) await setZone(page, original);
    }
  }
});
