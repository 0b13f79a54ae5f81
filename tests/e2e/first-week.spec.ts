import { expect, test, type Locator, type Page } from "@playwright/test";
import { SECOND_ORG } from "../../prisma/seed";
import { AppPage } from "./pages/app-page";
import { goalEntries, openGoal } from "./pages/goals";
import { notificationMail } from "./pages/inbox";
import { unique } from "../factories/unique";

// What a careful new customer hit in their first week (issue 22), each as a person clicks it.

const stamp = unique();

/** Pat's own Goals page. */
async function patGoals(page: Page) {
  await AppPage.signIn(page, "pat@acme.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Goals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Goals" })).toBeVisible();
}

/** Opens a folded form by its summary and returns the form. */
async function unfold(scope: Locator, summary: string, form: string) {
  await scope.locator("summary", { hasText: summary }).first().click();
  return scope.getByRole("form", { name: form, exact: true });
}

/** Submits a form twice before React can redraw it: two posts of one filled-in form racing. */
async function submitTwice(form: Locator) {
  await form.evaluate((f: HTMLFormElement) => {
    f.requestSubmit();
    f.requestSubmit();
  });
}

test("add forms clear once they succeed, keep what was typed when refused, and a double submit adds one thing", async ({ page }) => {
  test.setTimeout(120_000);
  await patGoals(page);
  const main = page.locator("main");
  const title = `Speak at the all-hands ${stamp}`;
  const newGoal = await unfold(main, "New goal", "New goal");

  // Refused (no title): what was typed stays for the person to correct.
  await newGoal.getByLabel("Description").fill("Five minutes on the team's year.");
  await newGoal.getByRole("button", { name: "Add goal" }).click();
  await expect(newGoal.getByRole("alert").first()).toBeVisible();
  await expect(newGoal.getByLabel("Description")).toHaveValue("Five minutes on the team's year.");

  // Two submits at once, then a double click: one goal, and the form is empty for the next one.
  await newGoal.getByLabel("Title").fill(title);
  await submitTwice(newGoal);
  await expect(newGoal.getByRole("status")).toContainText("added");
  await expect(newGoal.getByRole("button", { name: "Add goal" })).toBeEnabled();
  await expect(newGoal.getByLabel("Title")).toHaveValue("");
  await expect(newGoal.getByLabel("Description")).toHaveValue("");
  const doubled = `${title} twice`;
  await newGoal.getByLabel("Title").fill(doubled);
  await newGoal.getByRole("button", { name: "Add goal" }).dblclick();
  await expect(newGoal.getByLabel("Title")).toHaveValue("");
  await expect(newGoal.getByRole("button", { name: "Add goal" })).toBeEnabled();
  await page.reload();
  // One goal from the racing submits, one from the double click (titles matched whole).
  await expect(goalEntries(page, title)).toHaveCount(1);
  await expect(goalEntries(page, doubled)).toHaveCount(1);

  // A milestone and an action on the goal: each clears after it is added, and two racing submits add one.
  const goal = await openGoal(page, doubled);
  const milestoneForm = await unfold(goal, `New milestone for ${doubled}`, `New milestone for ${doubled}`);
  await milestoneForm.getByLabel("Milestone title").fill(`Draft ${stamp}`);
  await submitTwice(milestoneForm);
  await expect(milestoneForm.getByRole("status")).toContainText(`Milestone "Draft ${stamp}" added.`);
  await expect(milestoneForm.getByLabel("Milestone title")).toHaveValue("");
  await expect(goal.locator("li[id^='milestone-']").filter({ hasText: `Draft ${stamp}` })).toHaveCount(1);
  const actionForm = await unfold(goal, `New action directly on ${doubled}`, `New action for ${doubled}`);
  await actionForm.getByLabel("Action", { exact: true }).fill(`Book the room ${stamp}`);
  await submitTwice(actionForm);
  await expect(actionForm.getByLabel("Action", { exact: true })).toHaveValue("");
  await expect(actionForm.getByRole("button", { name: "Add action" })).toBeEnabled();
  await page.reload();
  const reopened = await openGoal(page, doubled);
  await expect(reopened.locator("li[id^='milestone-']").filter({ hasText: `Draft ${stamp}` })).toHaveCount(1);
  await expect(reopened.locator("li[id^='action-']").filter({ hasText: `Book the room ${stamp}` })).toHaveCount(1);
});

test("the slider's confirmation says the goal's figure before each save, also after an earlier save on the same page", async ({ page }) => {
  test.setTimeout(120_000);
  await patGoals(page);
  const main = page.locator("main");
  const title = `Run a 10k ${stamp}`;
  const newGoal = await unfold(main, "New goal", "New goal");
  await newGoal.getByLabel("Title").fill(title);
  await newGoal.getByRole("button", { name: "Add goal" }).click();
  await expect(newGoal.getByRole("status")).toContainText("added");
  const goal = await openGoal(page, title);
  const actionForm = await unfold(goal, `New action directly on ${title}`, `New action for ${title}`);
  for (const name of [`Run 5k ${stamp}`, `Run 10k ${stamp}`]) {
    await actionForm.getByLabel("Action", { exact: true }).fill(name);
    await actionForm.getByRole("button", { name: "Add action" }).click();
    await expect(goal.locator("li[id^='action-']").filter({ hasText: name })).toBeVisible();
  }
  const first = goal.getByLabel(`Progress of Run 5k ${stamp}`, { exact: true });
  await first.focus();
  await first.press("End");
  await expect(
    goal
      .locator("li[id^='action-']")
      .filter({ hasText: `Run 5k ${stamp}` })
      .getByRole("status"),
  ).toHaveText(`Saved: 100%. Goal "${title}": 0% → 50%.`);
  // The second slider was drawn with the goal at 0%: it says where the goal was when it saved.
  const second = goal.getByLabel(`Progress of Run 10k ${stamp}`, { exact: true });
  await second.focus();
  await second.press("End");
  await expect(
    goal
      .locator("li[id^='action-']")
      .filter({ hasText: `Run 10k ${stamp}` })
      .getByRole("status"),
  ).toHaveText(`Saved: 100%. Goal "${title}": 50% → 100%, complete.`);
});

test("Pat asks her coach to monitor a goal; her edit of it reaches Carla at once, in the app and by email", async ({ page }) => {
  test.setTimeout(120_000);
  await patGoals(page);
  const title = `Give feedback weekly ${stamp}`;
  const newGoal = await unfold(page.locator("main"), "New goal", "New goal");
  await newGoal.getByLabel("Title").fill(title);
  await newGoal.getByLabel("Monitored by my coach").check();
  await newGoal.getByRole("button", { name: "Add goal" }).click();
  await expect(newGoal.getByRole("status")).toContainText("added");
  await expect(newGoal.getByLabel("Monitored by my coach")).not.toBeChecked();
  const goal = await openGoal(page, title);
  await expect(goal.locator("summary").first()).toContainText("Monitored by coach");
  const edit = await unfold(goal, "Edit goal", `Edit goal ${title}`);
  await expect(edit.getByLabel("Monitored by my coach")).toBeChecked();
  await edit.getByLabel("Title").fill(`${title} and monthly`);
  await edit.getByRole("button", { name: "Save goal" }).click();
  // Saved: the goal has its new title (and the form its new name).
  await expect(page.getByRole("form", { name: `Edit goal ${title} and monthly`, exact: true }).getByRole("status")).toContainText("saved");
  // (In her window's one email: its subject names the first of what it tells, which may be something else of Pat's.)
  await notificationMail("coach1@acme.test", new RegExp(`changed the goal “${title} and monthly” you monitor`));

  await page.context().clearCookies();
  await AppPage.signIn(page, "coach1@acme.test");
  await page
    .getByRole("banner")
    .getByRole("link", { name: /^Notifications, / })
    .click();
  await expect(page.getByRole("list", { name: "Notifications" })).toContainText(`changed the goal “${title} and monthly” you monitor`);
});

test("a time the clocks skip is refused at the field with the time it would become, in London and New York; the suggested time is saved", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await AppPage.signIn(page, "coach1@acme.test");
  await page.getByRole("region", { name: "Pathways" }).getByRole("link", { name: "Pat Participant" }).first().click();
  await page.getByRole("link", { name: "Coachee profile of Pat Participant" }).click();
  await page.getByRole("button", { name: "Quick menu" }).click();
  await page.getByRole("link", { name: "Add an appointment" }).click();
  const title = `Spring forward ${stamp}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Duration (minutes)").fill("30");
  for (const [zone, date, day, gap, shifted] of [
    ["America/New_York", "2027-03-14", "Sun 14 Mar 2027", "02:30", "03:30"],
    ["Europe/London", "2027-03-28", "Sun 28 Mar 2027", "01:30", "02:30"],
  ]) {
    await page.getByLabel("Date").fill(date);
    await page.getByLabel("Start time").fill(gap);
    await page.getByLabel("Time zone").selectOption(zone);
    await page.getByRole("button", { name: "Add the appointment" }).click();
    await expect(page.getByRole("alert").filter({ hasText: `${gap} does not exist on ${day} in ${zone}` })).toContainText(
      `Choose another time, such as ${shifted}.`,
    );
    // Nothing was saved, and what was typed is still there to correct.
    await expect(page.getByLabel("Start time")).toHaveValue(gap);
    await expect(page.getByLabel("Title")).toHaveValue(title);
  }
  await page.getByLabel("Start time").fill("02:30");
  await page.getByRole("button", { name: "Add the appointment" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/sessions(?:[?#]|$)/);
  const row = page.getByRole("region", { name: "Upcoming appointments" }).getByRole("row").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("02:30");
});

test("a filter form shows what the URL says after Clear; the new-group picker keeps its ticks across searches", async ({ page }) => {
  test.setTimeout(120_000);
  // In the second organisation, where Adam coaches (the demo organisation's lists that other specs count stay as they are).
  const org = `/${SECOND_ORG.slug}`;
  await AppPage.signIn(page, "admin@acme.test");
  const tag = `pick${stamp}`;
  for (const [first, last] of [
    ["Fern", `Alpha${tag}`],
    ["Finn", `Beta${tag}`],
  ]) {
    await page.goto(`${org}/coachees/new`);
    await page.getByLabel("First name").fill(first);
    await page.getByLabel("Last name").fill(last);
    await page.getByLabel("Email").fill(`${first.toLowerCase()}-${tag}@coachees.test`);
    await page.getByRole("button", { name: "Add coachee" }).click();
    await expect(page.getByRole("status")).toContainText(`${first} ${last}: done.`);
  }

  // The list, filtered, then Clear: the search box says what the URL says.
  await page.goto(`${org}/coachees`);
  const filters = page.getByRole("search", { name: "Search and filter coachees" });
  const box = filters.getByLabel("Search name or email");
  await box.fill(`Alpha${tag}`);
  await filters.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL(/q=/);
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: tag })).toHaveCount(1);
  await filters.getByRole("link", { name: "Clear" }).click();
  await page.waitForURL((url) => !url.search.includes("q="));
  await expect(box).toHaveValue("");

  // A new group: tick Fern, search for Finn and tick him too; Fern stays ticked; the group has both.
  await page.goto(`${org}/coachees/groups/new`);
  const search = page.getByRole("search", { name: "Find coachees for the group" });
  const members = page.getByRole("group", { name: "Coachees in the group" });
  await search.getByLabel("Search name or email").fill(`Alpha${tag}`);
  await search.getByRole("button", { name: "Find" }).click();
  await page.waitForURL(/q=/);
  await members.getByLabel(`Fern Alpha${tag}`).check();
  await search.getByLabel("Search name or email").fill(`Beta${tag}`);
  await search.getByRole("button", { name: "Find" }).click();
  await page.waitForURL(new RegExp(`q=Beta${tag}`));
  await expect(members.getByLabel(`Finn Beta${tag}`)).toBeVisible();
  await expect(members.getByLabel(`Fern Alpha${tag}`)).toBeChecked();
  await members.getByLabel(`Finn Beta${tag}`).check();
  await page.getByLabel("Group name").fill(`Both ${tag}`);
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByRole("status")).toContainText(`Group Both ${tag} created with 2 coachees.`);
  // The form is clear for the next group: no name, no ticks.
  await expect(page.getByLabel("Group name")).toHaveValue("");
  await expect(members.getByRole("checkbox", { checked: true })).toHaveCount(0);
});

test("the coach's dashboard, the coachee list and the Activity tab tell one story: Pat's seeded sessions and message are activity", async ({
  page,
}) => {
  await AppPage.signIn(page, "coach1@acme.test");
  // Pat has activity (the seed's sessions and message, and whatever other specs added since): the
  // dashboard does not call her quiet, and the list's "Last activity" has a date.
  const quiet = page.getByRole("region", { name: "No activity in 14 days" });
  await expect(quiet).toBeVisible();
  await expect(quiet).not.toContainText("Pat Participant");
  await page.goto("/acme/coachees?q=pat%40acme.test");
  const row = page.getByRole("table").getByRole("row").filter({ hasText: "Pat Participant" });
  await expect(row).toHaveCount(1);
  await expect(row).not.toContainText("None yet");
  // Her Activity tab holds the seeded history: the oldest page ends with the first session she attended.
  await row.getByRole("link", { name: "Pat Participant" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pat Participant" })).toBeVisible();
  // (A page past the end shows the last.)
  await page.goto(`${new URL(page.url()).pathname}?page=100000`);
  const activity = page.getByRole("list", { name: "Activity" });
  await expect(activity.getByRole("listitem").last()).toContainText("Pat Participant attended “Kick-off”");
  await expect(activity.getByRole("listitem").last()).toContainText("marked by Carla Coach");
});
