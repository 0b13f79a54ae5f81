import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { DEMO_ORG } from "../../prisma/seed";
import { AppPage } from "./pages/app-page";
import { unique } from "../factories/unique";

// What the admin half says: in the right person, with correct grammar, saying what happened and what
// to do next, never offering to do nothing.

const ORG = `/${DEMO_ORG.slug}`;
const tag = unique();

// One sign-in for the whole file: sign-in is rate-limited per account.
let state: BrowserContextOptions["storageState"];
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await AppPage.signIn(page, "admin@acme.test");
  state = await page.context().storageState();
  await page.close();
});

async function signedIn(browser: Browser): Promise<Page> {
  return (await browser.newContext({ storageState: state })).newPage();
}

test("the invite preview is signed by the inviter, creating previews its own email, and the results say what happened", async ({
  browser,
}) => {
  const page = await signedIn(browser);
  const email = `copy-${tag}@guests.test`;
  await page.goto(`${ORG}/invitations/new`);
  await page.getByLabel("Email addresses").fill(email);
  await page.getByLabel("Role").selectOption({ label: "Participant" });
  await page.getByRole("button", { name: "Check" }).click();
  const preview = page.getByRole("region", { name: "Email preview" });
  await expect(preview).toContainText(`Adam Admin has invited you to join ${DEMO_ORG.name} on Pathwise as a participant.`);
  await expect(preview).not.toContainText("You has");
  const addresses = page.getByRole("list", { name: "Addresses" });
  await expect(addresses).toContainText(`${email}: Will be invited`);

  await page.getByLabel(/Create the account now/).check();
  await page.getByRole("button", { name: "Check" }).click();
  await expect(preview).toContainText(`Adam Admin has set up your account in ${DEMO_ORG.name} on Pathwise`);
  await expect(preview).not.toContainText("Accept the invitation");

  await page.getByLabel(/Send an invitation link/).check();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent 1 invitation." })).toBeVisible();
  await expect(addresses).toContainText(`${email}: Invited`);
  await expect(addresses).not.toContainText("Will be invited");
});

test("an import with nothing ready says what to do instead of offering to import 0 rows", async ({ browser }) => {
  const page = await signedIn(browser);
  const file = [
    "username,first_name,last_name,email,programme,startdate,primary_coach,timezone",
    `not-an-email-${tag},Rita,Red,not-an-email-${tag},,,,`,
  ].join("\n");
  await page.goto(`${ORG}/users/import`);
  await page.getByLabel("CSV file").setInputFiles({ name: "red.csv", mimeType: "text/csv", buffer: Buffer.from(file, "utf8") });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Import check: red.csv" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "No row is ready to import yet" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);

  // A page past the end of the rows shows the rows that exist, never "Page 5 of 1".
  await page.goto(`${page.url()}?page=5`);
  await expect(page.getByRole("table", { name: "Rows" }).locator("tbody tr")).toHaveCount(1);
  await expect(page.getByText(/Page \d+ of/)).toHaveCount(0);
});

test("a page past the end of a list shows its last page, never 'Page 40 of 1'", async ({ browser }) => {
  const page = await signedIn(browser);
  const rows = page.getByRole("table").locator("tbody tr");
  for (const list of ["users", "audit"]) {
    // The last page as the list itself shows it, then the same list asked for page 40.
    await page.goto(`${ORG}/${list}`);
    const nav = page.getByRole("navigation", { name: "Pages" });
    const last = (await nav.count()) ? Number(/of (\d+)/.exec((await nav.textContent()) ?? "")?.[1] ?? 1) : 1;
    if (last > 1) await page.goto(`${ORG}/${list}?page=${last}`);
    const lastRows = await rows.allTextContents();
    expect(lastRows.length, `${list} has rows`).toBeGreaterThan(0);
    await page.goto(`${ORG}/${list}?page=40`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(/Page 40 of/)).toHaveCount(0);
    expect(await rows.allTextContents(), list).toEqual(lastRows);
  }
});

test("editing another user's name speaks about them: 'Enter a first name', not 'your'", async ({ browser }) => {
  const page = await signedIn(browser);
  await page.goto(`${ORG}/users?q=lee%40acme.test`);
  await page.getByRole("link", { name: "Lee Participant" }).click();
  await page.getByLabel("First name").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter a first name" })).toBeVisible();
  await expect(page.getByText(/Enter your first name/)).toHaveCount(0);
});
