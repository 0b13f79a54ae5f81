import { expect, test, type Page } from "@playwright/test";
import { AppPage } from "./pages/app-page";
import { addAppointmentWithPat } from "./pages/appointments";
import { unique } from "../factories/unique";
import { isoDay } from "../../lib/format/dates";

const PHONE = { width: 390, height: 844 };
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

// A day of its own, months ahead, so no other spec's session of Carla's is at the same time.
const day = isoDay(new Date(Date.now() + (60 + Math.floor(Math.random() * 300)) * 86_400_000));

test("a coach starts a session and works in its notepad; the coachee reads the agenda, the shared note and the action, never the private note", async ({
  page,
  browser,
}) => {
  const id = unique();
  const title = `Notepad ${id}`;
  const agenda = `Agenda ${id}: the promotion`;
  const secret = `Private ${id}`;
  const shared = `Shared ${id}`;
  const action = `Action ${id}`;

  await AppPage.signIn(page, "coach1@acme.test");
  const sessionUrl = await addAppointmentWithPat(page, { title, date: day, time: "07:00", minutes: 30 });

  // Start the session: its notepad.
  await page.getByRole("link", { name: "Start the session" }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}\/notepad$/);
  await expect(page.getByRole("heading", { level: 1, name: "Notepad" })).toBeVisible();

  const agendaForm = page.getByRole("form", { name: "Agenda" });
  await agendaForm.getByRole("textbox", { name: "Agenda" }).fill(agenda);
  await agendaForm.getByRole("button", { name: "Save the agenda" }).click();
  await expect(agendaForm.getByRole("status")).toHaveText("Agenda saved.");

  const privateForm = page.getByRole("form", { name: "Add a private note" });
  await privateForm.getByLabel("Title (optional)").fill(secret);
  await privateForm.getByLabel("Note").fill(`${secret} words`);
  await privateForm.getByRole("button", { name: "Add a private note" }).click();
  await expect(page.getByRole("region", { name: "My private notes" }).getByRole("heading", { name: secret })).toBeVisible();
  // The form is empty again for the next one.
  await expect(privateForm.getByLabel("Title (optional)")).toHaveValue("");

  const sharedForm = page.getByRole("form", { name: "Add a shared note" });
  await sharedForm.getByLabel("Title (optional)").fill(shared);
  await sharedForm.getByLabel("Note").fill(`${shared} words`);
  await sharedForm.getByRole("button", { name: "Add a shared note" }).click();
  await expect(page.getByRole("region", { name: /^Notes shared with/ }).getByRole("heading", { name: shared })).toBeVisible();

  const actionForm = page.getByRole("form", { name: "Add the action" });
  await actionForm.getByLabel("Action").fill(action);
  await actionForm.getByRole("button", { name: "Add the action" }).click();
  await expect(page.getByRole("region", { name: "Actions" }).getByRole("link", { name: action })).toBeVisible();

  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Notepad" })).toBeVisible();
  expect(await sideways(page), "the notepad at 390 px scrolls sideways").toBeLessThanOrEqual(0);

  // Pat, on her session's page: the agenda, the shared note and the action; not the private note.
  const pat = await (await browser.newContext({ viewport: PHONE })).newPage();
  await AppPage.signIn(pat, "pat@acme.test");
  await pat.goto(sessionUrl);
  await expect(pat.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(pat.getByRole("region", { name: "Agenda" })).toContainText(agenda);
  await expect(pat.getByRole("region", { name: "Notes from this session" }).getByRole("heading", { name: shared })).toBeVisible();
  await expect(pat.getByRole("region", { name: "Actions from this session" }).getByRole("link", { name: action })).toBeVisible();
  await expect(pat.getByText(secret)).toHaveCount(0);
  expect(await sideways(pat), "the session page at 390 px scrolls sideways").toBeLessThanOrEqual(0);
  // Nor is the notepad hers.
  const answer = await pat.goto(`${sessionUrl}/notepad`);
  expect(answer?.status()).toBe(404);
  await pat.context().close();
});
