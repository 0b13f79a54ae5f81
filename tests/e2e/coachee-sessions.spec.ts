import { expect, test, type Page } from "@playwright/test";
import { AppPage } from "./pages/app-page";
import { onAppDatabase } from "./pages/database";
import { unique } from "../factories/unique";

/** A day a week from now, as a date input takes it. */
const nextWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

/** The profile's quick menu, opened (a native disclosure). */
const openQuickMenu = (page: Page) => page.getByRole("button", { name: "Quick menu" }).click();

/** Coach Carla opens Pat's profile: from the pathway she coaches. */
async function openPatsProfile(page: Page) {
  await AppPage.signIn(page, "coach1@acme.test");
  // Her pathway on the dashboard (the dashboard may also list her among coachees with overdue actions).
  await page.getByRole("region", { name: "Pathways" }).getByRole("link", { name: "Pat Participant" }).first().click();
  await page.getByRole("link", { name: "Coachee profile of Pat Participant" }).click();
  await expect(page).toHaveURL(/\/coachees\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Pat Participant", exact: true })).toBeVisible();
}

test("a coach schedules a session for later, marks it attended once it has started, and finds it in the session log and the activity", async ({
  page,
}) => {
  const title = `Check-in ${unique()}`;
  await openPatsProfile(page);
  const tabs = page.getByRole("navigation", { name: "Coachee profile" });
  await expect(tabs.getByRole("link", { name: "Activity" })).toHaveAttribute("aria-current", "page");

  // The quick menu: add an appointment.
  await openQuickMenu(page);
  await page.getByRole("link", { name: "Add an appointment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add an appointment" })).toBeVisible();
  // Refused at the fields, nothing saved.
  await page.getByRole("button", { name: "Add the appointment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter a title" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Enter the date" })).toBeVisible();

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date").fill(nextWeek());
  await page.getByLabel("Start time").fill("10:00");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/London"); // Pat's own zone
  await page.getByLabel("Duration (minutes)").fill("45");
  await page.getByLabel("Place or meeting link (optional)").fill("https://meet.example.test/pat");
  await page.getByRole("button", { name: "Add the appointment" }).click();

  // Back on the Sessions tab: the appointment is upcoming, and cannot be marked attended yet.
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/sessions(?:[?#]|$)/);
  await expect(tabs.getByRole("link", { name: "Sessions" })).toHaveAttribute("aria-current", "page");
  const upcoming = page.getByRole("region", { name: "Upcoming appointments" });
  const row = upcoming.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("45 min");
  await expect(row).toContainText("https://meet.example.test/pat");
  await expect(row.getByRole("button", { name: `Mark cancelled: ${title}` })).toBeVisible();
  await expect(row.getByRole("button", { name: `Mark attended: ${title}` })).toHaveCount(0);
  await expect(row).toContainText("Attended and no-show can be marked once the session has started.");
  const log = page.getByRole("region", { name: "Session log" });
  await expect(log).not.toContainText(title);

  // The session's start moves into the past (in the database; the clock stays as it is).
  await onAppDatabase((db) =>
    db.query(`UPDATE "CoachingSession" SET "scheduledAt" = now() - interval '2 hours' WHERE "title" = $1`, [title]),
  );
  await page.reload();
  await row.getByRole("button", { name: `Mark attended: ${title}` }).click();
  await expect(log.getByRole("row").filter({ hasText: title })).toContainText("45 min");
  await expect(upcoming.getByRole("row").filter({ hasText: title })).toHaveCount(0);

  // The Activity tab tells both steps, newest first.
  await tabs.getByRole("link", { name: "Activity" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+$/);
  const activity = page.getByRole("list", { name: "Activity" });
  await expect(activity.getByRole("listitem").first()).toContainText(`Pat Participant attended “${title}”`);
  await expect(activity.getByRole("listitem").first()).toContainText("marked by Carla Coach");
  await expect(activity.getByRole("listitem").nth(1)).toContainText(`Carla Coach scheduled “${title}” with Pat Participant`);
});

test("a session started now can be marked attended at once; the quick menu leads to the Goals tab and an assessment form", async ({
  page,
}) => {
  const title = `Drop-in ${unique()}`;
  await openPatsProfile(page);
  const profile = page.url();
  await openQuickMenu(page);
  await page.getByRole("link", { name: "Start a session now" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Start the session" }).click();
  // Started, it opens its notepad; back on the Sessions tab it can be marked attended at once.
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}\/notepad$/);
  await page.goto(`${profile}/sessions`);
  const row = page.getByRole("region", { name: "Upcoming appointments" }).getByRole("row").filter({ hasText: title });
  await row.getByRole("button", { name: `Mark attended: ${title}` }).click();
  await expect(page.getByRole("region", { name: "Session log" })).toContainText(title);

  const tabs = page.getByRole("navigation", { name: "Coachee profile" });
  await tabs.getByRole("link", { name: "Goals" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/goals(?:[?#]|$)/);
  await expect(page.getByText("New goal")).toBeVisible();
  // The assessment entries of the quick menu lead to their forms (tests/e2e/assessments.spec.ts plays them through).
  await openQuickMenu(page);
  await page.getByRole("link", { name: "Add assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Add an assessment for / })).toBeVisible();
});

test("another coach, a programme manager and the participant get the not-found page for the profile", async ({ browser, page }) => {
  await openPatsProfile(page);
  const profile = new URL(page.url()).pathname;
  for (const email of ["coach2@acme.test", "pm@acme.test", "pat@acme.test"]) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await AppPage.signIn(other, email);
    const response = await other.goto(profile);
    expect(response?.status(), email).toBe(404);
    await expect(other.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    // Each tab is a page of its own, and refuses on its own (a layout's check does not cover its pages).
    if (email === "coach2@acme.test") {
      for (const tab of ["actions", "goals", "notes", "files", "sessions", "assessments"]) {
        expect((await other.goto(`${profile}/${tab}`))?.status(), `${email} on ${tab}`).toBe(404);
      }
    }
    await context.close();
  }
  // Positive control, and links from before each tab had its own page (?tab=, in emails already sent).
  await page.goto(`${profile}?tab=goals&goal=not-a-goal`);
  await expect(page).toHaveURL(new RegExp(`${profile}/goals\\?goal=not-a-goal$`));
  await expect(page.getByRole("navigation", { name: "Coachee profile" }).getByRole("link", { name: "Goals" })).toHaveAttribute(
    "aria-current",
    "page",
  );
});
