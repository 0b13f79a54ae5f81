import { expect, test } from "@playwright/test";
import { AppPage } from "./pages/app-page";
import { openGoal } from "./pages/goals";
import { unique } from "../factories/unique";

const stamp = unique();

/** The Monday after next, as a date input takes it. */
function nextMonday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 7 + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
}

test("a coach adds a weekly recurring action and sees its occurrences; the coachee comments on the goal and the coach sees it", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const goalTitle = `Speak up ${stamp}`;
  const actionTitle = `Make one point ${stamp}`;

  // Carla opens Pat's Goals tab and adds a goal.
  await AppPage.signIn(page, "coach1@acme.test");
  await page.getByRole("region", { name: "Pathways" }).getByRole("link", { name: "Pat Participant" }).first().click();
  await page.getByRole("link", { name: "Coachee profile of Pat Participant" }).click();
  await page.getByRole("navigation", { name: "Coachee profile" }).getByRole("link", { name: "Goals" }).click();
  await page.locator("main summary", { hasText: "New goal" }).first().click();
  const newGoal = page.getByRole("form", { name: "New goal", exact: true });
  await newGoal.getByLabel("Title").fill(goalTitle);
  await newGoal.getByRole("button", { name: "Add goal" }).click();
  await expect(newGoal.getByRole("status")).toContainText("added");
  const goal = await openGoal(page, goalTitle);

  // A weekly recurring action on Mondays and Thursdays: refused without a title and days, then four times.
  const unfold = goal.locator("summary", { hasText: `New recurring action on ${goalTitle}` });
  await unfold.click();
  const series = unfold.locator("xpath=..").locator("form");
  await series.getByRole("button", { name: "Add recurring action" }).click();
  await expect(series.getByRole("alert").filter({ hasText: "Check the highlighted fields." })).toBeVisible();
  await series.getByLabel("Title", { exact: true }).fill(actionTitle);
  await expect(series.getByLabel("How often")).toHaveValue("WEEKLY");
  await series.getByRole("group", { name: "On these days" }).getByRole("checkbox", { name: "Monday" }).check();
  await series.getByRole("group", { name: "On these days" }).getByRole("checkbox", { name: "Thursday" }).check();
  await series.getByLabel("First day", { exact: true }).fill(nextMonday());
  await series.getByRole("group", { name: "Ends" }).getByRole("radio", { name: "After so many times" }).check();
  await series.getByLabel("How many times", { exact: true }).fill("4");
  await series.getByRole("button", { name: "Add recurring action" }).click();
  await expect(series.getByRole("status")).toContainText("Recurring action added: 4 occurrences.");
  await expect(goal.locator("li[id^='action-']").filter({ hasText: actionTitle })).toHaveCount(4);

  // Pat comments on the goal from her own Goals page.
  const patContext = await browser.newContext();
  const pat = await patContext.newPage();
  await AppPage.signIn(pat, "pat@acme.test");
  await pat.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Goals" }).click();
  const patGoal = await openGoal(pat, goalTitle);
  await expect(patGoal.locator("li[id^='action-']").filter({ hasText: actionTitle })).toHaveCount(4);
  // The goal's own thread (each action's is folded under it).
  await expect(patGoal.getByText("No comments yet. Write the first one below.").filter({ visible: true })).toBeVisible();
  await patGoal.getByLabel(`Comment on ${goalTitle}`).fill(`Mondays suit me ${stamp}\n<b>Thursdays</b> too`);
  await patGoal.getByRole("button", { name: "Add comment" }).click();
  await expect(patGoal.getByRole("status").filter({ hasText: "Comment added." })).toBeVisible();
  await expect(patGoal.getByRole("list", { name: `Comments on ${goalTitle}` })).toContainText("You");
  // And on the first time of the action, from her Actions page.
  await pat.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Actions" }).click();
  await expect(pat.getByRole("heading", { level: 1, name: "Actions" })).toBeVisible();
  // Each action's thread is on its own page, a link away.
  const patAction = pat.locator("li[id^='action-']").filter({ hasText: actionTitle }).first();
  await patAction.getByRole("link", { name: `Comments (0) on ${actionTitle}` }).click();
  await expect(pat.getByRole("heading", { level: 1, name: actionTitle })).toBeVisible();
  await pat.getByLabel(`Comment on ${actionTitle}`).fill(`Will do ${stamp}`);
  await pat.getByRole("button", { name: "Add comment" }).click();
  await expect(pat.getByRole("status").filter({ hasText: "Comment added." })).toBeVisible();
  await expect(pat.getByRole("list", { name: `Comments on ${actionTitle}` })).toContainText(`Will do ${stamp}`);
  await patContext.close();

  // Carla sees it, in plain text, with Pat's name.
  await page.reload();
  const seen = (await openGoal(page, goalTitle)).getByRole("list", { name: `Comments on ${goalTitle}` });
  await expect(seen).toContainText(`Mondays suit me ${stamp}`);
  await expect(seen).toContainText("<b>Thursdays</b> too");
  await expect(seen).toContainText("Pat Participant");
  await expect(seen.getByRole("button", { name: "Edit comment" })).toHaveCount(0);
  // The action's thread is counted on the profile's Actions tab, and shows on the action's page.
  const tabs = page.getByRole("navigation", { name: "Coachee profile" });
  await tabs.getByRole("link", { name: "Actions" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/actions(?:[?#]|$)/);
  const commented = page.locator("li[id^='action-']").filter({ hasText: actionTitle }).first();
  await commented.getByRole("link", { name: `Comments (1) on ${actionTitle}` }).click();
  await expect(page.getByRole("list", { name: `Comments on ${actionTitle}` })).toContainText(`Will do ${stamp}`);
  await page.getByRole("main").getByRole("link", { name: "Actions", exact: true }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/actions(?:[?#]|$)/);
  await tabs.getByRole("link", { name: "Goals" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/goals(?:[?#]|$)/);

  // Carla marks the first time done, then edits the series from any of its times: the title changes on
  // the times not done yet only.
  const times = (await openGoal(page, goalTitle)).locator("li[id^='action-']").filter({ hasText: actionTitle });
  await times
    .first()
    .getByRole("button", { name: `Mark done: ${actionTitle}` })
    .click();
  await expect(times.first().getByText("Done", { exact: true })).toBeVisible();
  await times
    .nth(1)
    .getByRole("link", { name: `Recurring: edit the series of ${actionTitle}` })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: actionTitle })).toBeVisible();
  await expect(page.getByRole("table", { name: `Occurrences of ${actionTitle}` }).getByRole("row")).toHaveCount(5);
  await page.getByLabel("Title", { exact: true }).fill(`Make two points ${stamp}`);
  await page.getByRole("button", { name: "Save recurring action" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Recurring action saved." })).toBeVisible();

  // Deleting it keeps the done time as an action of its own and goes back to Pat's goals.
  await page.getByRole("button", { name: "Delete recurring action" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete recurring action" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/goals(?:[?#]|$)/);
  const left = (await openGoal(page, goalTitle)).locator("li[id^='action-']");
  await expect(left).toHaveCount(1);
  await expect(left).toContainText(actionTitle);
  await expect(left.getByRole("link", { name: /^Recurring/ })).toHaveCount(0);
});
