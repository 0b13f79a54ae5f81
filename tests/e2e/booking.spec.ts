import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import { AppPage } from "./pages/app-page";
import { receivedMail } from "./pages/inbox";
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

  const patContext = await browser.newContext();
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
  // That time is gone from the list.
  await expect(booking.getByRole("button", { name: label })).toHaveCount(0);

  // Both calendars: one event, the same UID, a REQUEST.
  const toPat = invitation((await receivedMail(PAT, new RegExp(`^Session scheduled: ${topic}$`))).calendar);
  const toCarla = invitation((await receivedMail(CARLA, new RegExp(`^Session scheduled: ${topic}$`))).calendar);
  expect([toPat.method, toCarla.method]).toEqual(["REQUEST", "REQUEST"]);
  expect(toCarla.event.uid).toBe(toPat.event.uid);
  expect(toPat.event.summary).toBe(topic);

  // Carla finds it in her calendar and opens it.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
  await page.getByRole("link", { name: topic }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: topic })).toBeVisible();
  await patContext.close();
});
