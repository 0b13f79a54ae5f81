import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import { AppPage } from "./pages/app-page";
import { receivedMail } from "./pages/inbox";
import { layoutProblems } from "./pages/layout";
import { unique } from "../factories/unique";

const CARLA = "coach1@acme.test";
const PAT = "pat@acme.test";

/** A mail's invitation, read by ical.js: its METHOD and its one event. */
function invitation(text: string | null) {
  expect(text, "the mail carries an iCalendar invitation").toBeTruthy();
  const calendar = new ICAL.Component(ICAL.parse(text!));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return { method: calendar.getFirstPropertyValue("method"), event: new ICAL.Event(calendar.getFirstSubcomponent("vevent")!) };
}

test("a coach publishes her availability; her coachee books a free time from her home; both calendars get it", async ({
  page,
  browser,
}) => {
  const topic = `Career step ${unique()}`;
  await AppPage.signIn(page, CARLA);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Availability" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Availability" })).toBeVisible();
  const form = page.getByRole("form", { name: "Availability" });
  // A range that does not parse is refused at its day, and nothing is saved.
  await form.getByLabel("Coachees may book sessions with me").check();
  await form.getByLabel("Monday").fill("nine to five");
  await form.getByRole("button", { name: "Save the availability" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Write ranges such as 09:00-12:00" })).toBeVisible();
  // Every day, all day long, so there are free times whenever this runs; an hour's notice.
  for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
    await form.getByLabel(day).fill("00:00-24:00");
  await form.getByLabel("Notice needed, in hours").fill("1");
  await form.getByRole("button", { name: "Save the availability" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Availability saved." })).toBeVisible();

  // Pat books on her phone.
  const patContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const patPage = await patContext.newPage();
  await AppPage.signIn(patPage, PAT);
  await patPage.getByRole("link", { name: "Book a session with your coach" }).click();
  await expect(patPage.getByRole("heading", { level: 1, name: "Book a session" })).toBeVisible();
  await expect(patPage.getByLabel("Coach", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  const booking = patPage.getByRole("form", { name: "Book a session" });
  await booking.getByLabel("What the session is about").fill(topic);
  const first = booking.getByRole("button", { name: /^Book / }).first();
  const label = (await first.getAttribute("aria-label"))!;
  await first.click();
  await expect(patPage.getByRole("status").filter({ hasText: "Session booked." })).toBeVisible();
  // That time is gone from the list; nothing on the page runs off the phone's screen.
  await expect(booking.getByRole("button", { name: label })).toHaveCount(0);
  expect((await layoutProblems(patPage)).problems).toEqual([]);

  // Both calendars: one event, the same UID, a REQUEST.
  const toPat = invitation((await receivedMail(PAT, new RegExp(`^Session scheduled: ${topic}$`))).calendar);
  const toCarla = invitation((await receivedMail(CARLA, new RegExp(`^Session scheduled: ${topic}$`))).calendar);
  expect([toPat.method, toCarla.method]).toEqual(["REQUEST", "REQUEST"]);
  expect(toCarla.event.uid).toBe(toPat.event.uid);
  expect(toPat.event.summary).toBe(topic);

  // It starts within the day: each of them is reminded, by email, without anyone doing more.
  expect((await receivedMail(PAT, new RegExp(`^Reminder: ${topic}$`))).text).toContain(topic);

  // Carla finds it in her calendar, opens it and moves it half an hour later.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
  await page.getByRole("link", { name: topic }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: topic })).toBeVisible();
  const edit = page.getByRole("form", { name: "Change the session" });
  // Half an hour later on the session's own clock (wall-clock arithmetic: the day moves past midnight).
  const wall = new Date(`${await edit.getByLabel("Date").inputValue()}T${await edit.getByLabel("Start time").inputValue()}:00Z`);
  const later = new Date(wall.getTime() + 30 * 60_000).toISOString();
  await edit.getByLabel("Date").fill(later.slice(0, 10));
  await edit.getByLabel("Start time").fill(later.slice(11, 16));
  await edit.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Session saved." })).toBeVisible();
  const moved = invitation((await receivedMail(PAT, new RegExp(`^Session changed: ${topic}$`))).calendar);
  expect(moved.event.uid).toBe(toPat.event.uid);
  expect(moved.event.sequence).toBe(1);
  expect(moved.event.startDate.toJSDate().getTime() - toPat.event.startDate.toJSDate().getTime()).toBe(30 * 60_000);

  // She starts the session and writes a note in its notepad.
  await page.getByRole("link", { name: "Start the session" }).click();
  const note = page.getByRole("form", { name: "Add a private note" });
  await note.getByLabel("Title (optional)").fill(`About ${topic}`);
  await note.getByLabel("Note").fill("Wants to lead the next project.");
  await note.getByRole("button", { name: "Add a private note" }).click();
  await expect(page.getByRole("region", { name: "My private notes" }).getByRole("heading", { name: `About ${topic}` })).toBeVisible();
  await patContext.close();
});
