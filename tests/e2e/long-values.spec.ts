import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { DEMO_ORG } from "../../prisma/seed";
import { AppPage } from "./pages/app-page";
import { unique } from "../factories/unique";

// Long values (a 5,000-character cell, a name with no spaces) wrap or are cut inside their own cell,
// and a table too wide for the screen scrolls inside its own box: the page itself never scrolls sideways.

const ORG = `/${DEMO_ORG.slug}`;
const tag = unique();
const WIDTHS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

// One sign-in for the whole file: sign-in is rate-limited per account.
let state: BrowserContextOptions["storageState"];
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await AppPage.signIn(page, "owner@acme.test");
  state = await page.context().storageState();
  await page.close();
});

async function signedIn(browser: Browser): Promise<Page> {
  return (await browser.newContext({ storageState: state })).newPage();
}

/** How far the page itself scrolls sideways, at each width: 0 everywhere is the point. */
async function sidewaysOverflow(page: Page): Promise<Record<string, number>> {
  const overflow: Record<string, number> = {};
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await page.reload();
    await page.getByRole("heading", { level: 1 }).waitFor();
    overflow[size.name] = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }
  return overflow;
}

test("an import check with a 5,000-character cell stays within the page at desktop and phone widths", async ({ browser }) => {
  const page = await signedIn(browser);
  const huge = "x".repeat(5000);
  const file = [
    "username,first_name,last_name,email,programme,startdate,primary_coach,timezone",
    `wide-${tag},${huge},Wide,wide-${tag}@wide.test,${huge},01-12-2026,coach1@acme.test,Europe/London`,
    `${huge},Wanda,Wide,${huge}@wide.test,Leadership Essentials,01-12-2026,coach1@acme.test,Europe/London`,
  ].join("\n");
  await page.goto(`${ORG}/users/import`);
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: `wide-${"n".repeat(200)}.csv`, mimeType: "text/csv", buffer: Buffer.from(file, "utf8") });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: /Import check/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Rows" }).locator("tbody tr")).toHaveCount(2);

  expect(await sidewaysOverflow(page)).toEqual({ desktop: 0, phone: 0 });
  // The value is cut, not lost: its cell carries all of it.
  await expect(page.getByRole("table", { name: "Rows" }).locator(`[title="${huge}@wide.test"]`)).toHaveCount(1);
});

test("a user's page whose history holds long values stays within the page, and shows the change by field", async ({ browser }) => {
  const page = await signedIn(browser);
  const email = `wide-${tag}@wide.test`;
  const first = `Wilhelmina${"w".repeat(50)}`;
  const last = `Wideawake${"a".repeat(50)}`;

  // Someone new, invited (so not among the active participants other tests list): their name is this
  // organisation's to change until they accept.
  await page.goto(`${ORG}/invitations/new`);
  await page.getByLabel("Email addresses").fill(email);
  await page.getByLabel("Role").selectOption({ label: "Participant" });
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent 1 invitation." })).toBeVisible();

  await page.goto(`${ORG}/users?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: email }).click();
  await page.getByLabel("First name").fill(first);
  await page.getByLabel("Last name").fill(last);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${first} ${last}` })).toBeVisible();

  const history = page.getByRole("region", { name: "Changes to this user" });
  await expect(history).toContainText(first);
  expect(await sidewaysOverflow(page)).toEqual({ desktop: 0, phone: 0 });
  // Labelled field changes, not raw JSON.
  await expect(history).not.toContainText('"before"');
  await expect(history.getByRole("term").filter({ hasText: "First name" })).toBeVisible();

  // The Users list with the long name, at both widths.
  await page.goto(`${ORG}/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("table", { name: "Users" })).toContainText(first);
  expect(await sidewaysOverflow(page)).toEqual({ desktop: 0, phone: 0 });
});

// Every page of every role at 390 px: page-sweep.spec.ts.
