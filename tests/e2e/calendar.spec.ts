import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { AppPage } from "./pages/app-page";
import { onAppDatabase } from "./pages/database";
import { layoutProblems } from "./pages/layout";
import { unique } from "../factories/unique";

// The calendar: a coach schedules a session through the appointment form and finds it in their
// calendar, moving by week and month with the keyboard (each step a URL); the participant finds it in
// theirs, an admin through the coach picker; on a phone the same week is an agenda that fits the screen.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** A day a week from now, as a date input takes it: always in the week after this one. */
const nextWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

/** Follows a link by the keyboard: focus, then Enter. */
async function press(page: Page, name: string) {
  await page.getByRole("link", { name, exact: true }).focus();
  await page.keyboard.press("Enter");
}

/** Serious or critical accessibility findings on the page as it is now. */
async function axeFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`);
}

/** A session's card: the list item nearest its link (inside its day's). */
const card = (link: Locator) => link.locator("xpath=ancestor::li[1]");

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("a coach finds a session they scheduled in their calendar, by week and month, with the keyboard; so do the participant and an admin", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const title = `Calendar check-in ${unique()}`;
  const app = await AppPage.signIn(page, "coach1@acme.test");

  // Scheduled through the appointment form, early in the day so no other session of hers comes first.
  await page.getByRole("region", { name: "Pathways" }).getByRole("link", { name: "Pat Participant" }).first().click();
  await page.getByRole("link", { name: "Coachee profile of Pat Participant" }).click();
  await page.getByRole("button", { name: "Quick menu" }).click();
  await page.getByRole("link", { name: "Add an appointment" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date").fill(nextWeek());
  await page.getByLabel("Start time").fill("06:15");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/London");
  await page.getByLabel("Duration (minutes)").fill("45");
  await page.getByRole("button", { name: "Add the appointment" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/sessions(?:[?#]|$)/);

  // The calendar from the navigation: this week, today marked.
  await app.open("Calendar");
  await expect(page).toHaveURL(/\/acme\/calendar$/);
  await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
  const grid = page.getByRole("list", { name: "Days and their sessions" });
  await expect(grid.locator('[aria-current="date"]')).toHaveCount(1);
  await expect(grid.getByRole("link", { name: title, exact: true })).toHaveCount(0);

  // Next week, by the keyboard: the URL says which week, and the session is there with its time, person and status.
  await press(page, "Next week");
  await expect(page).toHaveURL(/\/acme\/calendar\?date=\d{4}-\d{2}-\d{2}$/);
  const weekUrl = page.url();
  const entry = card(grid.getByRole("link", { name: title, exact: true }));
  await expect(entry).toContainText("06:15–07:00");
  await expect(entry).toContainText("with Pat Participant");
  await expect(entry).toContainText("Scheduled");

  // The month around it, then the month before and back: each a URL of its own, and Back retraces them.
  await press(page, "Month");
  await expect(page).toHaveURL(/view=month/);
  const monthUrl = page.url();
  await expect(grid.getByRole("link", { name: title, exact: true })).toBeVisible();
  // Three more that day, back to back after it and clear of the coach's other sessions that morning (a
  // coach's sessions never overlap), written straight to the database as setup: the month shows three and folds
  // the rest into "+N more", which opens that day's week, where every one is listed.
  await onAppDatabase((db) =>
    db.query(
      `INSERT INTO "CoachingSession" ("organizationId", "id", "pathwayId", "coachMembershipId", "coacheeMembershipId", "title", "scheduledAt", "durationMinutes", "timezone", "updatedAt")
       SELECT "organizationId", gen_random_uuid(), "pathwayId", "coachMembershipId", "coacheeMembershipId", "title" || ' +' || n,
              "scheduledAt" + n * interval '45 minutes', 30, "timezone", now()
         FROM "CoachingSession", generate_series(1, 3) n WHERE "title" = $1`,
      [title],
    ),
  );
  await page.reload();
  const dayCell = grid.getByRole("link", { name: title, exact: true }).locator("xpath=ancestor::li[2]");
  await expect(dayCell.getByRole("link", { name: new RegExp(`^${title}`) })).toHaveCount(3);
  const more = dayCell.getByRole("link", { name: /: \+\d+ more$/ });
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/acme\/calendar\?date=\d{4}-\d{2}-\d{2}$/);
  await expect(grid.getByRole("link", { name: new RegExp(`^${title}`) })).toHaveCount(4);
  await page.goBack();
  await expect(page).toHaveURL(monthUrl);
  await press(page, "Previous month");
  await expect(page).not.toHaveURL(monthUrl);
  await expect(page).toHaveURL(/view=month&date=\d{4}-\d{2}-01$/);
  await page.goBack();
  await expect(page).toHaveURL(monthUrl);
  await press(page, "Week");
  await expect(page).toHaveURL(weekUrl); // the same week again: the switch keeps the day
  await expect(grid.getByRole("link", { name: title, exact: true })).toBeVisible();
  await press(page, "Today");
  await expect(page).toHaveURL(/\/acme\/calendar$/);
  await page.goBack();

  // The session opens its details page (being built beside this one): the link leads to it.
  await grid.getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(/\/acme\/sessions\/[0-9a-f-]{36}$/);

  // Pat sees it in hers, with her coach's name.
  const patContext = await browser.newContext({ viewport: DESKTOP });
  const pat = await patContext.newPage();
  await (await AppPage.signIn(pat, "pat@acme.test")).open("Calendar");
  await press(pat, "Next week");
  const hers = card(pat.getByRole("list", { name: "Days and their sessions" }).getByRole("link", { name: title, exact: true }));
  await expect(hers).toContainText("with Carla Coach");
  await patContext.close();

  // An admin picks Carla in the coach picker (a labelled GET form) and reads the same week, read-only.
  const adminContext = await browser.newContext({ viewport: DESKTOP });
  const admin = await adminContext.newPage();
  await (await AppPage.signIn(admin, "admin@acme.test")).open("Calendar");
  await expect(admin.getByText("Choose a coach above")).toBeVisible();
  await admin.getByLabel("Coach", { exact: true }).selectOption({ label: "Carla Coach" });
  await admin.getByRole("button", { name: "Show" }).click();
  await expect(admin).toHaveURL(/coach=[0-9a-f-]{36}/);
  await press(admin, "Next week");
  await expect(admin).toHaveURL(/coach=[0-9a-f-]{36}/);
  await expect(admin.getByRole("list", { name: "Days and their sessions" }).getByRole("link", { name: title, exact: true })).toBeVisible();
  expect(await axeFindings(admin)).toEqual([]);
  await adminContext.close();

  // On a phone the same week is an agenda: day headings, then cards; nothing scrolls sideways or hides.
  await page.setViewportSize(PHONE);
  await page.goto(weekUrl);
  await expect(grid).toBeHidden();
  const agenda = page.getByRole("list", { name: "Days with sessions" });
  await expect(agenda.getByRole("link", { name: title, exact: true })).toBeVisible();
  await expect(agenda.getByRole("heading", { level: 3 }).first()).toBeVisible();
  expect(await sideways(page)).toBe(0);
  expect((await layoutProblems(page)).problems).toEqual([]);
  const box = (await agenda.getByRole("link", { name: title, exact: true }).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(await axeFindings(page)).toEqual([]);
  // The month on a phone too, and the desktop grid of both views, without serious accessibility findings.
  await press(page, "Month");
  await expect(page).toHaveURL(/view=month/);
  expect(await sideways(page)).toBe(0);
  expect(await axeFindings(page)).toEqual([]);
  await page.setViewportSize(DESKTOP);
  await expect(grid).toBeVisible();
  expect(await axeFindings(page)).toEqual([]);
});
