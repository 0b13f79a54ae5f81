import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { AppPage } from "./pages/app-page";
import { unique } from "../factories/unique";

const stamp = unique();

/** Carla opens a tab of Pat's profile from the pathway she coaches. */
async function openPatsTab(page: Page, tab: "Notes" | "Files" | "Assessments") {
  await page.goto("/acme");
  await page.getByRole("region", { name: "Pathways" }).getByRole("link", { name: "Pat Participant" }).first().click();
  await page.getByRole("link", { name: "Coachee profile of Pat Participant" }).click();
  await page.getByRole("navigation", { name: "Coachee profile" }).getByRole("link", { name: tab }).click();
  await expect(page).toHaveURL(new RegExp(`/coachees/[^/?]+/${tab.toLowerCase()}(?:[?#]|$)`));
}

// The scenario across notes, files and assessments: what a coach keeps to herself stays hers,
// what she shares reaches the coachee, and an assessment goes there and back.
test("a coach writes a private note and uploads a shared file; Pat sees the file and not the note, downloads it and fills an assigned assessment; the coach reviews it", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const noteTitle = `Private thoughts ${stamp}`;
  const fileName = `Reading list ${stamp}.pdf`;
  const content = Buffer.alloc(64 * 1024, "chapter ");
  content.write("%PDF-1.7\n", 0, "latin1");
  const title = `Reflection ${stamp}`;
  const prompt = "What will you try before we next meet?";

  // Carla writes a private note on Pat.
  await AppPage.signIn(page, "coach1@acme.test");
  await openPatsTab(page, "Notes");
  await page.getByRole("button", { name: "New note" }).click();
  await page.getByLabel("Note title", { exact: true }).fill(noteTitle);
  await page.getByLabel("Note text", { exact: true }).fill("Pat seems unsure about the new role.");
  await expect(page.getByTestId("note-save-status")).toHaveText("Saved");

  // She uploads a file shared with Pat.
  await openPatsTab(page, "Files");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: content });
  await expect(page.getByLabel(/Shared with Pat Participant and their coaches/)).toBeChecked();
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Uploaded ${fileName}.` })).toBeVisible({ timeout: 30_000 });

  // She assigns Pat a question from the quick menu.
  await page.getByRole("button", { name: "Quick menu" }).click();
  await page.getByRole("link", { name: "Assign questions" }).click();
  const builder = page.getByRole("form", { name: "Questions for Pat Participant" });
  await builder.getByLabel("Title").fill(title);
  await builder.getByLabel("Question 1: kind").selectOption({ label: "Long text" });
  await builder.getByLabel("Question 1: prompt").fill(prompt);
  await builder.getByRole("button", { name: "Assign questions" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/assessments(?:[?#]|$)/);
  await expect(page.getByRole("region", { name: "Pending" })).toContainText(title);

  // Pat is told about the file and the questions, never the note.
  const patContext = await browser.newContext();
  const pat = await patContext.newPage();
  const app = await AppPage.signIn(pat, "pat@acme.test");
  await pat
    .getByRole("banner")
    .getByRole("link", { name: /^Notifications, / })
    .click();
  await expect(pat.getByRole("main")).toContainText(fileName);
  await expect(pat.getByRole("main")).toContainText(title);
  await expect(pat.getByRole("main")).not.toContainText(noteTitle);

  // Her notes have no trace of Carla's, even searched for.
  await app.open("Notes");
  await expect(pat.getByRole("heading", { level: 1, name: "Notes" })).toBeVisible();
  await expect(pat.getByText(noteTitle)).toHaveCount(0);
  await pat.getByRole("searchbox", { name: "Search notes" }).fill(stamp);
  await pat.getByRole("button", { name: "Search" }).click();
  await expect(pat.getByText("No notes match.")).toBeVisible();

  // She downloads the file: the name and the bytes Carla sent.
  await app.open("Files");
  const [download] = await Promise.all([pat.waitForEvent("download"), pat.getByRole("link", { name: `Download ${fileName}` }).click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  expect((await readFile(await download.path())).equals(content)).toBe(true);

  // She answers the questions and submits.
  await app.open("Assessments");
  await pat.getByRole("link", { name: `Start: ${title}` }).click();
  await pat.getByLabel(`1. ${prompt}`).fill(`Ask for feedback after each meeting ${stamp}.`);
  await pat.getByRole("button", { name: "Submit" }).click();
  await expect(pat.getByRole("region", { name: "Your answers" })).toContainText(`Ask for feedback after each meeting ${stamp}.`);

  // Carla reviews it; Pat sees it reviewed, with the comment.
  await openPatsTab(page, "Assessments");
  const completed = page.getByRole("region", { name: "Completed" }).getByRole("listitem").filter({ hasText: title });
  await expect(completed).toContainText(`Ask for feedback after each meeting ${stamp}.`);
  await completed.getByLabel("Review comment (optional)").fill("A good plan: tell me how it goes.");
  await completed.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(completed).toContainText("Reviewed");
  await pat.reload();
  await expect(pat.getByRole("main")).toContainText("Reviewed");
  await expect(pat.getByRole("main")).toContainText("A good plan: tell me how it goes.");
  await patContext.close();
});
