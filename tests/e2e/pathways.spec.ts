import { expect, test } from "@playwright/test";
import { AppPage } from "./pages/app-page";
import { APP_URL, linkIn, receivedMail } from "./pages/inbox";
import { unique } from "../factories/unique";

const newcomer = `nina-${unique()}@guests.test`;

test("a programme manager adds a new person with a pathway in one step, and the invitation arrives over SMTP", async ({ page }) => {
  await AppPage.signIn(page, "pm@acme.test");
  await expect(page.getByRole("region", { name: "Programmes and cohorts" })).toContainText("Leadership Essentials");
  await expect(page.getByRole("region", { name: "Programmes and cohorts" })).not.toContainText("Sales Accelerator"); // not theirs
  await page.getByRole("link", { name: "Add a participant with a pathway" }).click();
  await expect(page.getByRole("heading", { name: "Add a participant with a pathway" })).toBeVisible();

  await page.getByLabel("Email").fill(newcomer);
  await page.getByLabel("First name").fill("Nina");
  await page.getByLabel("Last name").fill("Newcomer");
  await page.getByLabel("Cohort").selectOption({ label: "Leadership Essentials › Spring 2026" });
  await page.getByLabel("Start date").fill("2026-12-01");
  // No coach: refused at the field, nothing created.
  await page.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose the primary coach" })).toBeVisible();

  await page.getByLabel("Primary coach").fill("coach1@acme.test");
  await page.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Pathway created, and ${newcomer} is invited` })).toBeVisible();

  const mail = await receivedMail(newcomer, /invited to join Acme Coaching/);
  expect(linkIn(mail, `${APP_URL}/invite/`)).toBeTruthy();

  await page.getByRole("link", { name: "Open the new pathway" }).click();
  await expect(page.getByRole("heading", { name: "Pathway of Nina Newcomer" })).toBeVisible();
  await expect(page.getByRole("status", { name: "Sessions" })).toContainText("0 used of 6 included");
});

test("archiving from the cohort page with reason and credit moves the cohort's balance through its ledger", async ({ page }) => {
  const app = await AppPage.signIn(page, "pm@acme.test");
  await app.open("Programmes");
  await page.getByRole("link", { name: "Spring 2026" }).first().click();
  await expect(page.getByRole("heading", { name: "Spring 2026" })).toBeVisible();
  const balance = page.getByRole("status", { name: "Credit balance" });
  await expect(balance).toContainText("Session credit balance: 0");
  await expect(page.getByRole("row", { name: /Pat Participant/ })).toContainText("2 / 6");

  await page.getByRole("button", { name: "Archive the pathway of Pat Participant" }).click();
  const dialog = page.getByRole("dialog", { name: "Archive the pathway of Pat Participant?" });
  // The reason is required: the dialog stays open and says so.
  await dialog.getByRole("button", { name: "Archive" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Choose why the pathway ends");
  await dialog.getByLabel("Did not finish").check();
  await expect(dialog.getByLabel("Credit the 4 unused sessions back to the cohort")).toBeChecked();
  await dialog.getByRole("button", { name: "Archive" }).click();

  // The outcome stays where the button was, and has the focus; the balance is a live region too.
  const outcome = page.getByRole("status").filter({ hasText: "4 unused sessions credited" });
  await expect(outcome).toBeVisible();
  await expect(page.locator(":focus")).toContainText("4 unused sessions credited");
  await expect(balance).toContainText("Session credit balance: 4");
  await expect(page.getByRole("table", { name: "Pathways" }).getByRole("row", { name: /Pat Participant/ })).toContainText(
    "Archived: did not finish",
  );
  await expect(page.getByRole("region", { name: "Credit ledger" })).toContainText("+4");
  // Who credited it, by the name the organisation knows them by, not their email.
  await expect(page.getByRole("region", { name: "Credit ledger" })).toContainText("Priya Manager");
  await expect(page.getByRole("region", { name: "Credit ledger" })).not.toContainText("pm@acme.test");

  // The filters live in the URL.
  await page.getByLabel("Status").selectOption({ label: "Active" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=ACTIVE/);
  await expect(page.getByRole("table", { name: "Pathways" }).getByRole("row", { name: /Pat Participant/ })).toHaveCount(0);
});

test("a session that has not started offers only cancel, and says when attended and no-show come", async ({ page }) => {
  await AppPage.signIn(page, "pm@acme.test");
  await page.getByRole("link", { name: "Add a participant with a pathway" }).click();
  const email = `omar-${unique()}@guests.test`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("First name").fill("Omar");
  await page.getByLabel("Last name").fill("Onward");
  await page.getByLabel("Cohort").selectOption({ label: "Leadership Essentials › Spring 2026" });
  await page.getByLabel("Start date").fill("2026-01-05");
  await page.getByLabel("Primary coach").fill("coach1@acme.test");
  await page.getByRole("button", { name: "Add participant" }).click();
  await page.getByRole("link", { name: "Open the new pathway" }).click();
  await expect(page.getByRole("heading", { name: "Pathway of Omar Onward" })).toBeVisible();

  const schedule = page.getByRole("form", { name: "Schedule a session" });
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  for (const [title, date] of [
    ["Next month", inAMonth],
    ["Back in January", "2026-01-12"],
  ]) {
    await schedule.getByLabel("Title").fill(title);
    await schedule.getByLabel("Date").fill(date);
    await schedule.getByLabel("Time").fill("10:00");
    await schedule.getByRole("button", { name: "Schedule" }).click();
    await expect(page.getByRole("row", { name: new RegExp(title) })).toBeVisible();
  }

  const future = page.getByRole("row", { name: /Next month/ });
  await expect(future.getByRole("button", { name: "Mark cancelled: Next month" })).toBeVisible();
  await expect(future.getByRole("button", { name: /Mark attended|Mark no-show/ })).toHaveCount(0);
  await expect(future).toContainText("Attended and no-show can be marked once the session has started.");

  // One that has started may be marked attended, and that spends one of the included sessions.
  await page.getByRole("button", { name: "Mark attended: Back in January" }).click();
  await expect(page.getByRole("status", { name: "Sessions" })).toContainText("1 used of 6 included");
});
