import { expect, test, type Page } from "@playwright/test";
import { readableDay } from "../support/readable-dates";
import { AppPage } from "./pages/app-page";
import { unique } from "../factories/unique";

const stamp = unique();
const openQuickMenu = (page: Page) => page.getByRole("button", { name: "Quick menu" }).click();

/** Carla opens Pat's profile from the pathway she coaches. */
async function openPatsProfile(page: Page) {
  await page.goto("/acme");
  await page.getByRole("region", { name: "Pathways" }).getByRole("link", { name: "Pat Participant" }).first().click();
  await page.getByRole("link", { name: "Coachee profile of Pat Participant" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pat Participant", exact: true })).toBeVisible();
}

test("a coach builds a template with a scale and a text question and assigns it from the quick menu; Pat saves, comes back and submits; the coach reviews it and Pat sees it reviewed", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `Check-in ${stamp}`;
  const scalePrompt = "How confident do you feel about chairing?";
  const textPrompt = "What went well this month?";

  // Carla builds the template: refused without a prompt, at the question itself.
  const carla = await AppPage.signIn(page, "coach1@acme.test");
  await carla.open("Assessments");
  await expect(page.getByRole("heading", { level: 1, name: "Assessments" })).toBeVisible();
  await page.getByRole("link", { name: "Templates" }).click();
  await page.getByRole("link", { name: "New template" }).click();
  const builder = page.getByRole("form", { name: "New template" });
  await builder.getByLabel("Title").fill(title);
  await builder.getByLabel("Question 1: kind").selectOption({ label: "Scale" });
  await builder.getByLabel("Scale", { exact: true }).selectOption({ label: "1 to 5" });
  await builder.getByLabel("Label for 1").fill("Not at all");
  await builder.getByLabel("Label for 5").fill("Completely");
  await builder.getByRole("button", { name: "Add a question" }).click();
  await builder.getByLabel("Question 2: kind").selectOption({ label: "Long text" });
  await builder.getByRole("button", { name: "Create template" }).click();
  await expect(builder.getByRole("alert").filter({ hasText: "Write the question" }).first()).toBeVisible();
  await builder.getByLabel("Question 1: prompt").fill(scalePrompt);
  await builder.getByLabel("Question 2: prompt").fill(textPrompt);
  await builder.getByRole("button", { name: "Create template" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Assessment templates" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Your templates" }).getByRole("link", { name: title, exact: true })).toBeVisible();

  // She assigns it to Pat from the quick menu, due in a week.
  await openPatsProfile(page);
  await openQuickMenu(page);
  await page.getByRole("link", { name: "Add assessment" }).click();
  await page.getByLabel("Template").selectOption({ label: title });
  const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Due date (optional)").fill(due);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/assessments(?:[?#]|$)/);
  const pending = page.getByRole("region", { name: "Pending" }).getByRole("listitem").filter({ hasText: title });
  await expect(pending).toContainText("Not started");
  await expect(pending).toContainText(`Due ${readableDay(due)}`);

  // Pat is told, answers the scale, saves, leaves and comes back: her answer is kept.
  const patContext = await browser.newContext();
  const pat = await patContext.newPage();
  const patApp = await AppPage.signIn(pat, "pat@acme.test");
  await pat
    .getByRole("banner")
    .getByRole("link", { name: /^Notifications, / })
    .click();
  await expect(pat.getByRole("main")).toContainText(title);
  await patApp.open("Assessments");
  await pat.getByRole("link", { name: `Start: ${title}` }).click();
  const form = pat.getByRole("form", { name: `Answer ${title}` });
  const scale = form.getByRole("group", { name: `1. ${scalePrompt}` });
  await scale.getByLabel("4", { exact: true }).check();
  await form.getByRole("button", { name: "Save and continue later" }).click();
  await expect(form.getByRole("status")).toContainText("Saved");

  // Carla sees it in progress, but not the answer.
  await page.reload();
  await expect(pending).toContainText("In progress");

  await patApp.open("Goals");
  await patApp.open("Assessments");
  await pat.getByRole("link", { name: `Continue: ${title}` }).click();
  await expect(form.getByRole("group", { name: `1. ${scalePrompt}` }).getByLabel("4", { exact: true })).toBeChecked();

  // Submit without the required text: the message is at that question, nothing is submitted.
  await form.getByRole("button", { name: "Submit" }).click();
  await expect(form.getByLabel(`2. ${textPrompt}`)).toHaveAccessibleDescription("Write an answer");
  await form.getByLabel(`2. ${textPrompt}`).fill("I chaired two meetings.\nBoth ran on time.");
  await form.getByRole("button", { name: "Submit" }).click();
  await expect(pat.getByRole("region", { name: "Your answers" })).toContainText("I chaired two meetings.");
  await expect(pat.getByRole("main")).toContainText("Submitted");

  // Carla reviews it with a comment.
  await page.reload();
  const completed = page.getByRole("region", { name: "Completed" }).getByRole("listitem").filter({ hasText: title });
  await expect(completed).toContainText("4 of 5");
  await expect(completed).toContainText("Both ran on time.");
  await completed.getByLabel("Review comment (optional)").fill("Well done: let's build on this.");
  await completed.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(completed).toContainText("Reviewed");

  // Pat sees it reviewed, with the comment.
  await pat.reload();
  await expect(pat.getByRole("main")).toContainText("Reviewed");
  await expect(pat.getByRole("main")).toContainText("Well done: let's build on this.");
  await patContext.close();
});

test("'Assign questions' from the quick menu gives Pat a one-off question", async ({ page, browser }) => {
  const title = `One-off ${stamp}`;
  await AppPage.signIn(page, "coach1@acme.test");
  await openPatsProfile(page);
  await openQuickMenu(page);
  await page.getByRole("link", { name: "Assign questions" }).click();
  const builder = page.getByRole("form", { name: "Questions for Pat Participant" });
  await builder.getByLabel("Title").fill(title);
  await builder.getByLabel("Question 1: kind").selectOption({ label: "Single choice" });
  await builder.getByLabel("Question 1: prompt").fill("Which day suits you?");
  await builder.getByLabel("Options, one per line").fill("Monday\nThursday");
  await builder.getByRole("button", { name: "Assign questions" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/assessments(?:[?#]|$)/);
  await expect(page.getByRole("region", { name: "Pending" })).toContainText(title);

  const patContext = await browser.newContext();
  const pat = await patContext.newPage();
  const patApp = await AppPage.signIn(pat, "pat@acme.test");
  await patApp.open("Assessments");
  await pat.getByRole("link", { name: `Start: ${title}` }).click();
  await pat.getByRole("group", { name: "1. Which day suits you?" }).getByLabel("Thursday").check();
  await pat.getByRole("button", { name: "Submit" }).click();
  await expect(pat.getByRole("region", { name: "Your answers" })).toContainText("Thursday");
  await patContext.close();
});
