import { expect, test, type Page } from "@playwright/test";
import { AppPage } from "./pages/app-page";
import { openGoal } from "./pages/goals";
import { mailsTo, notificationMail } from "./pages/inbox";
import { unique } from "../factories/unique";

const stamp = unique();

/** Opens a folded form by its summary and returns the form. */
async function unfold(scope: ReturnType<Page["locator"]>, summary: string, form: string) {
  await scope.locator("summary", { hasText: summary }).first().click();
  return scope.getByRole("form", { name: form, exact: true });
}

test("a coach sets Pat a goal with two milestones and actions; Pat moves a slider to 100 with the keyboard and the milestone completes; the coach is told in the app and by email, then by digest only", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const goalTitle = `Lead the weekly meeting ${stamp}`;
  const [first, second] = [`Prepare ${stamp}`, `Run it ${stamp}`];
  const [firstAction, secondAction] = [`Write the agenda ${stamp}`, `Chair one meeting ${stamp}`];

  // Carla opens Pat's profile (from the pathway she coaches) and its Goals tab.
  await AppPage.signIn(page, "coach1@acme.test");
  // Her pathway on the dashboard (the dashboard may also list her among coachees with overdue actions).
  await page.getByRole("region", { name: "Pathways" }).getByRole("link", { name: "Pat Participant" }).first().click();
  await page.getByRole("link", { name: "Coachee profile of Pat Participant" }).click();
  await page.getByRole("navigation", { name: "Coachee profile" }).getByRole("link", { name: "Goals" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/goals(?:[?#]|$)/);

  // A goal: refused without a title, then added.
  const newGoal = await unfold(page.locator("main"), "New goal", "New goal");
  await newGoal.getByRole("button", { name: "Add goal" }).click();
  await expect(newGoal.getByRole("alert").first()).toBeVisible();
  await newGoal.getByLabel("Title").fill(goalTitle);
  await newGoal.getByLabel("Description").fill("Chair the team's weekly meeting by the end of the quarter.");
  await newGoal.getByRole("button", { name: "Add goal" }).click();
  await expect(newGoal.getByRole("status")).toContainText("added");
  const goal = await openGoal(page, goalTitle);
  await expect(goal).toContainText("0%");

  // Two milestones, each with an action.
  const milestoneForm = await unfold(goal, `New milestone for ${goalTitle}`, `New milestone for ${goalTitle}`);
  for (const title of [first, second]) {
    await milestoneForm.getByLabel("Milestone title").fill(title);
    await milestoneForm.getByRole("button", { name: "Add milestone" }).click();
    await expect(milestoneForm.getByRole("status")).toContainText(`Milestone "${title}" added.`);
  }
  for (const [milestone, action] of [
    [first, firstAction],
    [second, secondAction],
  ]) {
    const entry = goal.locator("li[id^='milestone-']").filter({ has: page.getByRole("heading", { name: milestone }) });
    const form = await unfold(entry, `New action for ${milestone}`, `New action for ${milestone}`);
    await form.getByLabel("Action", { exact: true }).fill(action);
    await form.getByRole("button", { name: "Add action" }).click();
    await expect(entry.locator("li[id^='action-']").filter({ hasText: action })).toBeVisible();
  }
  await expect(goal.getByLabel(`Progress of goal ${goalTitle}`)).toHaveAttribute("value", "0");

  // How many notifications Carla has unread before Pat does anything.
  const bell = page.getByRole("banner").getByRole("link", { name: /^Notifications, / });
  const unread = async () => Number(/(\d+) unread/.exec((await bell.getAttribute("aria-label")) ?? "")?.[1] ?? 0);
  const before = await unread();

  // Pat signs in and opens her Goals.
  const patContext = await browser.newContext();
  const pat = await patContext.newPage();
  await AppPage.signIn(pat, "pat@acme.test");
  await pat.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Goals" }).click();
  await expect(pat.getByRole("heading", { level: 1, name: "Goals" })).toBeVisible();
  const patGoal = await openGoal(pat, goalTitle);
  const firstMilestone = patGoal.locator("li[id^='milestone-']").filter({ has: pat.getByRole("heading", { name: first }) });
  await expect(firstMilestone).not.toContainText("Complete");

  // The slider, with the keyboard: focus, End. It saves by itself and says what the goal is now.
  const slider = pat.getByLabel(`Progress of ${firstAction}`, { exact: true });
  await slider.focus();
  await slider.press("End");
  await expect(slider).toHaveValue("100");
  const action = patGoal.locator("li[id^='action-']").filter({ hasText: firstAction });
  await expect(action.getByRole("status")).toHaveText(`Saved: 100%. Goal "${goalTitle}": 0% → 50%.`);
  // The page follows: the milestone is complete, the goal at 50%.
  await expect(firstMilestone.getByText("Complete")).toBeVisible();
  await expect(patGoal.getByLabel(`Progress of goal ${goalTitle}`)).toHaveAttribute("value", "50");
  await expect(patGoal.locator("summary").first()).toContainText("50%");

  // It stays saved: a reload shows the same, and the coach sees it on Pat's Actions tab.
  await pat.reload();
  await expect(pat.getByLabel(`Progress of ${firstAction}`, { exact: true })).toHaveValue("100");
  await page.getByRole("navigation", { name: "Coachee profile" }).getByRole("link", { name: "Actions" }).click();
  await page.getByLabel("Show").selectOption("done");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/actions\?(.*&)?status=done/);
  await expect(page.locator("li[id^='action-']").filter({ hasText: firstAction })).toContainText("goal at 50%");
  await expect(page.locator("li[id^='action-']").filter({ hasText: secondAction })).toHaveCount(0);

  // Carla is told: the bell counts Pat's progress and the completed milestone, the centre lists them, and
  // the milestone's email arrives over SMTP once her window closes (her preference for milestones is the
  // default, immediate; the window is 3 s under e2e).
  // (The filter above moved within the app; a page load draws the bell anew.)
  await page.reload();
  expect(await unread()).toBe(before + 2);
  const milestoneMail = await notificationMail("coach1@acme.test", new RegExp(`completed the milestone “${first}”`));
  expect(milestoneMail.text).toContain("/notifications/preferences");
  await bell.click();
  await expect(page.getByRole("list", { name: "Notifications" })).toContainText(`completed the milestone “${first}”`);

  // She takes milestones in her daily digest instead: Pat completing the second one sends no email about
  // it, while the goal's completion, still immediate and waiting for the same window, arrives.
  await page.getByRole("link", { name: "Notification preferences" }).click();
  await page.getByLabel("A milestone is completed").selectOption({ label: "In my daily digest email" });
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Preferences saved." })).toBeVisible();
  // Pat's page was reloaded, so her goal is folded again unless it is her first: open it.
  await openGoal(pat, goalTitle);
  const secondSlider = pat.getByLabel(`Progress of ${secondAction}`, { exact: true });
  await secondSlider.focus();
  await secondSlider.press("End");
  await expect(secondSlider).toHaveValue("100");
  await expect(patGoal.getByLabel(`Progress of goal ${goalTitle}`)).toHaveAttribute("value", "100");
  await notificationMail("coach1@acme.test", new RegExp(`completed the goal “${goalTitle}”`));
  // (Her daily digest may go out meanwhile, once it is 08:00 where she is, and rightly lists it.)
  const immediate = (await mailsTo("coach1@acme.test")).filter((m) => !m.subject.startsWith("Your daily Pathwise digest"));
  expect(immediate.filter((m) => `${m.subject} ${m.text}`.includes(`“${second}”`))).toEqual([]);
  await page.goto(page.url().replace(/\/notifications.*$/, "/notifications"));
  await expect(page.getByRole("list", { name: "Notifications" })).toContainText(`completed the milestone “${second}”`);

  // Back to the default, for the specs that follow on this database.
  await page.getByRole("link", { name: "Notification preferences" }).click();
  await page.getByLabel("A milestone is completed").selectOption({ label: "Email me at once" });
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Preferences saved." })).toBeVisible();
  await patContext.close();
});
