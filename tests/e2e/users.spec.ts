import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORG, DEMO_PASSWORD } from "../../prisma/seed";
import { AppPage } from "./pages/app-page";
import { APP_URL, linkIn, receivedMail } from "./pages/inbox";
import { SignInPage } from "./pages/sign-in-page";

const ORG = `/${DEMO_ORG.slug}`;

function userNames(page: Page) {
  return page.getByRole("table").locator("tbody tr td:nth-child(2)").allTextContents();
}

// Other specs add people to the demo organisation (a participant joins in the portal spec); the
// filtered lists are checked on the seeded participants, in the order the list shows them.
const SEEDED_PARTICIPANTS = ["Lee Participant", "Pat Participant", "Sam Participant"];
const seededParticipants = async (page: Page) => (await userNames(page)).filter((n) => SEEDED_PARTICIPANTS.includes(n));

test("an admin filters and sorts the users list through the URL, and Back restores the previous list", async ({ page }) => {
  const app = await AppPage.signIn(page, "admin@acme.test");
  await app.open("Users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.getByRole("status", { name: "Seats" })).toContainText(/\d+ \/ 10 seats used/);
  const everyone = (await userNames(page)).length;

  await page.getByLabel("Role").selectOption({ label: "Participant" });
  await page.getByLabel("Status").selectOption({ label: "Active" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/role=PARTICIPANT&status=ACTIVE/);
  // Only participants are left: none of the seeded staff.
  await expect.poll(async () => (await userNames(page)).filter((n) => /Owner|Admin|Manager|Coach/.test(n))).toEqual([]);
  await expect.poll(() => seededParticipants(page)).toEqual(["Lee Participant", "Pat Participant", "Sam Participant"]);

  await page.getByRole("link", { name: /Sort by name/ }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect.poll(() => seededParticipants(page)).toEqual(["Sam Participant", "Pat Participant", "Lee Participant"]);

  await page.goBack();
  await expect(page).not.toHaveURL(/dir=desc/);
  await expect.poll(() => seededParticipants(page)).toEqual(["Lee Participant", "Pat Participant", "Sam Participant"]);

  // A search with no match says what to do.
  await page.getByLabel("Search name or email").fill("nobody-by-this-name");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No users match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect.poll(async () => (await userNames(page)).length).toBe(everyone);
});

// Sign-in is rate-limited per account (10 per 15 minutes), so these tests share the work between the
// organisation's admin and its owner.
test("export downloads the filtered list as a CSV that round-trips through papaparse", async ({ page }) => {
  const app = await AppPage.signIn(page, "owner@acme.test");
  await app.open("Users");
  await page.getByLabel("Role").selectOption({ label: "Coach" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/role=COACH/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^users-acme-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const { data, errors } = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(errors).toEqual([]);
  expect(data[0].slice(0, 3)).toEqual(["First name", "Last name", "Email"]);
  // Exactly the coaches the filtered page lists, in its order.
  const shown = await page.getByRole("table").locator("tbody tr td:nth-child(3)").allTextContents();
  expect(shown).toContain("coach1@acme.test");
  expect(data.slice(1).map((r) => r[2])).toEqual(shown);
});

// Carla belongs to this organisation only, so deactivation ends her sessions. (Someone who belongs to
// another organisation too keeps those sessions and loses this organisation on their next request.)
test("deactivating a user signed in elsewhere signs them out on their next click; reactivation emails a reset link", async ({
  page,
  browser,
}) => {
  const elsewhere = await browser.newContext();
  const coach = await AppPage.signIn(await elsewhere.newPage(), "coach1@acme.test");

  const app = await AppPage.signIn(page, "admin@acme.test");
  await app.open("Users");
  await page.getByRole("link", { name: "Carla Coach" }).click();
  await expect(page.getByRole("heading", { name: "Carla Coach" })).toBeVisible();
  await page.getByRole("button", { name: "Deactivate Carla Coach" }).click();
  const dialog = page.getByRole("dialog", { name: "Deactivate Carla Coach?" });
  await expect(dialog).toContainText("signed out at once");
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Deactivated." })).toBeVisible();
  await expect(page.getByText("Coach · Deactivated")).toBeVisible();

  // The coach's next click finds the session over, and signing in again is refused.
  await coach.open("Profile");
  await expect(coach.page).toHaveURL(/\/sign-in/);
  const signIn = new SignInPage(coach.page);
  await signIn.signIn("coach1@acme.test", DEMO_PASSWORD);
  await expect(coach.page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();

  // Reactivate: a seat is taken again and the reset link arrives over SMTP; it must be used first.
  await page.getByRole("button", { name: "Reactivate Carla Coach" }).click();
  await page.getByRole("dialog", { name: "Reactivate Carla Coach?" }).getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reactivated." })).toBeVisible();
  // Until the emailed link is used, the old password still does not work.
  await signIn.goto();
  await signIn.signIn("coach1@acme.test", DEMO_PASSWORD);
  await expect(coach.page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  const mail = await receivedMail("coach1@acme.test", /active again/);
  await coach.page.goto(linkIn(mail, `${APP_URL}/reset-password/`));
  await coach.page.getByLabel("New password").fill("carla is back with a new passphrase");
  await coach.page.getByRole("button", { name: "Set new password" }).click();
  await expect(coach.page.getByRole("status")).toHaveText("Your password is changed. Sign in with it now.");
  await AppPage.signIn(coach.page, "coach1@acme.test", "carla is back with a new passphrase");
  await elsewhere.close();
});

test("an owner deactivates several users in one step and is told what happened to each", async ({ page }) => {
  const app = await AppPage.signIn(page, "owner@acme.test");
  await app.open("Users");
  await page.getByLabel("Role").selectOption({ label: "Participant" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/role=PARTICIPANT/);
  await page.getByRole("checkbox", { name: "Select Lee Participant" }).check();
  await page.getByRole("checkbox", { name: "Select Sam Participant" }).check();
  await page.getByRole("button", { name: "Deactivate 2 selected" }).click();
  await page.getByRole("dialog", { name: "Deactivate 2 users?" }).getByRole("button", { name: "Deactivate" }).click();
  const outcome = page.getByRole("status").filter({ hasText: "Deactivated 2 users." });
  await expect(outcome).toContainText("Lee Participant: done");
  await expect(outcome).toContainText("Sam Participant: done");

  await page.goto(`${ORG}/users?status=DEACTIVATED`);
  await expect.poll(() => userNames(page)).toEqual(["Lee Participant", "Sam Participant"]);
  // And back: reactivated together, within the seats.
  await page.getByRole("checkbox", { name: "Select every user on this page" }).check();
  await page.getByLabel("With the selected users").selectOption("reactivate");
  await page.getByRole("button", { name: "Reactivate 2 selected" }).click();
  await page.getByRole("dialog", { name: "Reactivate 2 users?" }).getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reactivated 2 users." })).toBeVisible();
});

test("an owner builds the unit tree, and a unit with members cannot be archived", async ({ page }) => {
  const app = await AppPage.signIn(page, "owner@acme.test");
  await app.open("Units");
  await page.getByLabel("Name", { exact: true }).fill("Northern Region");
  await page.getByRole("button", { name: "Create unit" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Northern Region created." })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Northern Region/ })).toBeVisible();
  await page.getByRole("button", { name: "Archive Leadership Academy" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "is not empty" })).toBeVisible();
  await page.getByRole("button", { name: "Archive Northern Region" }).click();
  await expect(page.getByRole("heading", { name: "Archived" })).toBeVisible();
});
