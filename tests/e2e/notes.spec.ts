import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { AppPage } from "./pages/app-page";
import { unique } from "../factories/unique";

const stamp = unique();

/** Pat's profile, on its Notes tab, as Carla (who coaches Pat through her pathway). */
async function patsNotesTab(page: Page) {
  await page.getByRole("region", { name: "Pathways" }).getByRole("link", { name: "Pat Participant" }).first().click();
  await page.getByRole("link", { name: "Coachee profile of Pat Participant" }).click();
  await page.getByRole("navigation", { name: "Coachee profile" }).getByRole("link", { name: "Notes" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/notes(?:[?#]|$)/);
}

test("a coach writes a private note that saves as she types and survives a reload; Pat shares a note and the coach finds it under 'Shared by the coachee'; Pat never sees the coach's note", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const coachTitle = `After session three ${stamp}`;
  const coachBody = `Pat sounded calmer.\nAsk about the move ${stamp}.`;
  const patTitle = `Before our next session ${stamp}`;

  // Carla writes a note on Pat: it saves itself, and says so.
  await AppPage.signIn(page, "coach1@acme.test");
  await patsNotesTab(page);
  await page.getByRole("button", { name: "New note" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/notes\/[0-9a-f-]{36}$/);
  // A link from before each tab had its page (?tab=notes&note=) opens the same note.
  const notePage = new URL(page.url()).pathname;
  await page.goto(`${notePage.replace(/\/notes\/[^/]+$/, "")}?tab=notes&note=${notePage.split("/").pop()}`);
  await expect(page).toHaveURL(new RegExp(`${notePage}$`));
  const status = page.getByTestId("note-save-status");
  await expect(status).toHaveAttribute("role", "status");
  await page.getByLabel("Note title", { exact: true }).fill(coachTitle);
  await page.getByLabel("Note text", { exact: true }).fill(coachBody);
  await expect(status).toHaveText("Saved");
  await expect(page.getByText("Private: only you see this note, never the coachee or anyone else.")).toBeVisible();

  // Typing more and leaving the page at once still keeps it (the save on leaving).
  await page.getByLabel("Note text", { exact: true }).press("End");
  await page.getByLabel("Note text", { exact: true }).pressSequentially(" Then talk budgets.");
  // The save sent as the page goes may land just after the reloaded page is drawn: reload until it shows.
  await expect(async () => {
    await page.reload();
    await expect(page.getByLabel("Note text", { exact: true })).toHaveValue(`${coachBody} Then talk budgets.`, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByLabel("Note title", { exact: true })).toHaveValue(coachTitle);

  // In the list, under "My notes", as plain text with its line break.
  await page.getByRole("link", { name: "All notes" }).click();
  const mine = page.getByRole("listitem").filter({ hasText: coachTitle });
  await expect(mine).toContainText("Your note");
  await expect(mine.locator("p.whitespace-pre-wrap")).toHaveText(`${coachBody} Then talk budgets.`);

  // Pat writes a note, shares it with her coaches, and never sees Carla's.
  const patContext = await browser.newContext();
  const pat = await patContext.newPage();
  await AppPage.signIn(pat, "pat@acme.test");
  await pat.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notes" }).click();
  await expect(pat.getByRole("heading", { level: 1, name: "Notes" })).toBeVisible();
  await expect(pat.getByText(coachTitle)).toHaveCount(0);
  await pat.getByRole("button", { name: "New note" }).click();
  await expect(pat).toHaveURL(/\/notes\/[0-9a-f-]{36}$/);
  await pat.getByLabel("Note title", { exact: true }).fill(patTitle);
  await pat.getByLabel("Note text", { exact: true }).fill("I want to talk about\nthe new role.");
  await pat.getByLabel("Note title", { exact: true }).focus(); // leaving the text saves it at once
  await expect(pat.getByTestId("note-save-status")).toHaveText("Saved");
  await pat.getByRole("button", { name: "Share with my coaches" }).click();
  await pat.getByRole("dialog").getByRole("button", { name: "Share" }).click();
  await expect(pat.getByText("Shared: your coaches see this note and its comments.")).toBeVisible();
  await pat.getByRole("link", { name: "All notes" }).click();
  await pat.getByRole("searchbox", { name: "Search notes" }).fill(stamp);
  await pat.getByRole("button", { name: "Search" }).click();
  await expect(pat).toHaveURL(new RegExp(`q=${stamp}`));
  await expect(pat.getByRole("list", { name: "Notes" }).getByRole("listitem")).toHaveCount(1);
  await expect(pat.getByRole("listitem").filter({ hasText: patTitle })).toContainText("Shared");
  await expect(pat.getByText(coachTitle)).toHaveCount(0);

  // Carla finds it under "Shared by the coachee" (and her own note is not there), and comments on it.
  await page.goto(`${new URL(page.url()).pathname.replace(/\/notes(\/.*)?$/, "")}/notes?show=shared`);
  await expect(page.getByLabel("Show")).toHaveValue("shared");
  const shared = page.getByRole("listitem").filter({ hasText: patTitle });
  await expect(shared).toContainText("By Pat Participant, shared with you");
  await expect(page.getByText(coachTitle)).toHaveCount(0);
  await shared.getByRole("link", { name: patTitle }).click();
  await expect(page.getByText("I want to talk about")).toBeVisible();
  await expect(page.getByLabel("Note title", { exact: true })).toHaveCount(0); // hers to read, not to edit
  await page.getByLabel(`Comment on ${patTitle}`).fill("Yes, let's start with that.");
  await page.getByRole("button", { name: "Add comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Comment added." })).toBeVisible();

  // Pat sees the comment on her note; the coach's note stays out of every list and search of hers.
  await pat.getByRole("link", { name: patTitle }).click();
  await expect(pat.getByRole("list", { name: `Comments on ${patTitle}` })).toContainText("Yes, let's start with that.");
  await pat.goto(`${new URL(pat.url()).pathname.replace(/\/notes\/.*$/, "/notes")}?q=${encodeURIComponent("After session three")}`);
  await expect(pat.getByText("No notes match.")).toBeVisible();

  // Pat stops sharing: Carla's list no longer has it.
  await pat.goBack();
  await pat.getByRole("button", { name: "Stop sharing" }).click();
  await expect(pat.getByText("Private: only you see this note. Share it to show it to your coaches.")).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname.replace(/\/notes(\/.*)?$/, "")}/notes?show=shared`);
  await expect(page.getByText(patTitle)).toHaveCount(0);
  await patContext.close();
});

test("the autosave answers only the note's author, from our own origin, and says what is wrong with a field", async ({
  browser,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const ORG = "/acme";
  // Pat makes a note through the app.
  const patContext = await browser.newContext();
  const pat = await patContext.newPage();
  await AppPage.signIn(pat, "pat@acme.test");
  await pat.goto(`${ORG}/notes`);
  await pat.getByRole("button", { name: "New note" }).click();
  await expect(pat).toHaveURL(/\/notes\/[0-9a-f-]{36}$/);
  const noteId = new URL(pat.url()).pathname.split("/").pop()!;
  const save = (request: APIRequestContext, form: Record<string, string>, headers: Record<string, string> = { origin }) =>
    request.post(`${ORG}/notes/autosave`, { headers, multipart: { noteId, title: "", body: "", ...form }, failOnStatusCode: false });
  const answer = async (response: Awaited<ReturnType<typeof save>>) => [response.status(), await response.json()];

  const anonymous = (await browser.newContext()).request;
  expect(await answer(await save(anonymous, { title: "x" }))).toEqual([
    401,
    { ok: false, error: "Your session has ended. Sign in again." },
  ]);
  const signedIn = async (email: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await AppPage.signIn(page, email);
    return page.request;
  };
  // Another organisation's owner: not found; an admin here: no permission; Pat's coach: the note is not hers to see.
  expect(await answer(await save(await signedIn("owner@northwind.test"), { title: "x" }))).toEqual([
    404,
    { ok: false, error: "Not found." },
  ]);
  expect(await answer(await save(await signedIn("admin@acme.test"), { title: "x" }))).toEqual([
    403,
    { ok: false, error: "You do not have permission to do that." },
  ]);
  expect(await answer(await save(await signedIn("coach1@acme.test"), { title: "Mine now" }))).toEqual([
    404,
    { ok: false, error: "Not found." },
  ]);
  // Pat herself: refused from another origin, a field's problem named, then saved.
  expect(await answer(await save(pat.request, { title: "x" }, { origin: "https://evil.example" }))).toEqual([
    403,
    { ok: false, error: "Request refused." },
  ]);
  expect(await answer(await save(pat.request, { title: "x".repeat(201) }))).toEqual([
    400,
    { ok: false, error: "Check the highlighted fields.", fieldErrors: { title: ["At most 200 characters"] } },
  ]);
  const [status, body] = await answer(await save(pat.request, { title: "Saved by the route", body: "Two\nlines" }));
  expect([status, body.ok]).toEqual([200, true]);
  await pat.reload();
  await expect(pat.getByLabel("Note title", { exact: true })).toHaveValue("Saved by the route");
  await expect(pat.getByLabel("Note text", { exact: true })).toHaveValue("Two\nlines");
  await patContext.close();
});
