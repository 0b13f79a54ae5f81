import { expect, test, type Page } from "@playwright/test";
import { SECOND_ORG } from "../../prisma/seed";
import { AppPage } from "./pages/app-page";
import { expectReachable } from "./pages/layout";
import { unique } from "../factories/unique";

// Menus open whole and usable wherever their button sits: the Options menu of a list's last row and
// of a search's single result (once clipped by the table's box, opening invisibly), the coachee
// profile's quick menu and the organisation switcher, at a desktop and a phone width. In the second
// organisation, where Adam (admin@acme.test) coaches, with a coachee of this run's own (not invited, so
// her menu offers every entry).

const ORG = `/${SECOND_ORG.slug}`;
const run = unique();
const WIDTHS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

/** The entries of the menu open now (the one popover showing). */
const openMenu = (page: Page) => page.locator("[popover]:popover-open li, [popover]:popover-open :is(a, button)");

test("the Options menu of a single result and of the last row, the quick menu and the switcher open whole at desktop and phone widths", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const email = `menu-${run}@menus.test`;
  await AppPage.signIn(page, "admin@acme.test");
  await page.goto(`${ORG}/coachees/new`);
  await page.getByLabel("First name").fill("Mena");
  await page.getByLabel("Last name").fill("Options");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Add coachee" }).click();
  await expect(page.getByRole("status")).toContainText("Mena Options: done.");

  let entries = 0;
  for (const size of WIDTHS) {
    await page.setViewportSize(size);

    // The search finds her alone: her menu offers the invitation and editing, each on screen and on top.
    await page.goto(`${ORG}/coachees?q=${encodeURIComponent(email)}`);
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toHaveCount(1);
    const options = row.getByRole("button", { name: "Options for Mena Options" });
    await options.click();
    await expect(page.getByRole("button", { name: "Send invitation" })).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole("link", { name: "Edit name and email" })).toBeInViewport({ ratio: 1 });
    entries += await expectReachable(options, openMenu(page));
    // Escape closes it, as any menu.
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Send invitation" })).toBeHidden();

    // The full list's last row, scrolled to as a person would: its menu opens within the screen too.
    await page.goto(`${ORG}/coachees`);
    const last = page.getByRole("row").last();
    await last.scrollIntoViewIfNeeded();
    const lastOptions = last.getByRole("button", { name: /^Options for / });
    await lastOptions.click();
    entries += await expectReachable(lastOptions, openMenu(page));
    await page.keyboard.press("Escape");

    // Her profile's quick menu (at the left edge on a phone) and the organisation switcher.
    await page.goto(`${ORG}/coachees?q=${encodeURIComponent(email)}`);
    await page.getByRole("link", { name: "Mena Options" }).click();
    const quick = page.getByRole("button", { name: "Quick menu" });
    await quick.click();
    await expect(page.getByRole("link", { name: "Assign questions" })).toBeInViewport({ ratio: 1 });
    entries += await expectReachable(quick, openMenu(page));
    await page.keyboard.press("Escape");
    const switcher = page.getByRole("button", { name: `Organisation: ${SECOND_ORG.name}` });
    await switcher.click();
    entries += await expectReachable(switcher, openMenu(page));
    await page.keyboard.press("Escape");
  }
  expect(entries).toBeGreaterThan(0);

  // And the entries work as clicked (no forcing): from the single result, on the phone, to her edit page.
  await page.goto(`${ORG}/coachees?q=${encodeURIComponent(email)}`);
  await page.getByRole("button", { name: "Options for Mena Options" }).click();
  await page.getByRole("link", { name: "Edit name and email" }).click();
  await expect(page.getByLabel("First name")).toHaveValue("Mena");
});
