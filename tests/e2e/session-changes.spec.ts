import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import { AppPage } from "./pages/app-page";
import { addAppointmentWithPat } from "./pages/appointments";
import { APP_URL, linkIn, receivedMail } from "./pages/inbox";
import { unique } from "../factories/unique";
import { isoDay, isoTime } from "../../lib/format/dates";

const PAT = "pat@acme.test";

/** A mail's invitation, read by ical.js (not the library that wrote it): its METHOD and its one event. */
function invitation(calendarText: string | null) {
  expect(calendarText, "the mail carries an iCalendar invitation").toBeTruthy();
  const calendar = new ICAL.Component(ICAL.parse(calendarText!));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  return { method: calendar.getFirstPropertyValue("method"), event: new ICAL.Event(vevent), vevent };
}

// Days of their own, weeks ahead, so no other spec's session of Carla's is at the same time.
const inDays = (n: number) => isoDay(new Date(Date.now() + n * 86_400_000));

test("a coach moves and then cancels a session from its page; the coachee's calendar gets each change and she reads why", async ({
  page,
  browser,
}) => {
  const title = `Review ${unique()}`;
  const [first, second] = [inDays(23), inDays(24)];
  await AppPage.signIn(page, "coach1@acme.test");
  await addAppointmentWithPat(page, { title, date: first, time: "14:00", minutes: 45, zone: "Europe/London" });

  // Moved to the next day at 15:30.
  const edit = page.getByRole("form", { name: "Change the session" });
  await edit.getByLabel("Date").fill(second);
  await edit.getByLabel("Start time").fill("15:30");
  await edit.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Session saved." })).toBeVisible();
  await expect(page.getByText(/15:30–16:15/)).toBeVisible();

  // Pat's calendar: the new session, then its move, under one UID with a rising SEQUENCE, at the right moments.
  const scheduled = invitation((await receivedMail(PAT, new RegExp(`^Session scheduled: ${title}$`))).calendar);
  const changed = invitation((await receivedMail(PAT, new RegExp(`^Session changed: ${title}$`))).calendar);
  expect([scheduled.method, changed.method]).toEqual(["REQUEST", "REQUEST"]);
  expect(changed.event.uid).toBe(scheduled.event.uid);
  expect([scheduled.event.sequence, changed.event.sequence]).toEqual([0, 1]);
  // London is on GMT in these weeks of winter: its wall clock is UTC.
  expect(scheduled.event.startDate.toJSDate().toISOString()).toBe(`${first}T14:00:00.000Z`);
  expect(changed.event.startDate.toJSDate().toISOString()).toBe(`${second}T15:30:00.000Z`);
  expect(changed.vevent.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/London");

  // Cancelled, with a reason.
  const cancel = page.getByRole("form", { name: "Cancel the session" });
  await cancel.getByLabel("Reason (optional)").fill("I am travelling that week");
  await cancel.getByRole("button", { name: "Cancel the session" }).click();
  // The page is drawn again: cancelled, why, and no more forms to change it.
  await expect(page.getByRole("form", { name: "Change the session" })).toHaveCount(0);
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByText("I am travelling that week")).toBeVisible();

  const cancelledMail = await receivedMail(PAT, new RegExp(`^Session cancelled: ${title}$`));
  const cancelled = invitation(cancelledMail.calendar);
  expect(cancelled.method).toBe("CANCEL");
  expect(cancelled.event.uid).toBe(scheduled.event.uid);
  expect(cancelled.event.sequence).toBe(2);
  expect(cancelledMail.text).toContain("I am travelling that week");

  // Pat follows the mail's link: the session, cancelled, and why; nothing for her to change.
  const patContext = await browser.newContext();
  const patPage = await patContext.newPage();
  await AppPage.signIn(patPage, PAT);
  await patPage.goto(linkIn(cancelledMail, `${APP_URL}/acme/sessions/`));
  await expect(patPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(patPage.getByText("I am travelling that week")).toBeVisible();
  await expect(patPage.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(patPage.getByRole("form", { name: "Cancel the session" })).toHaveCount(0);
  await patContext.close();
});

test("a participant subscribes her calendar app to her sessions: a link shown once, cheap to poll, dead once turned off", async ({
  page,
  request,
}) => {
  await AppPage.signIn(page, PAT);
  await page.goto("/acme/profile");
  const feed = page.getByRole("region", { name: "Your sessions in your calendar app" });
  await feed.getByRole("button", { name: /^Make (a calendar link|a new link)/ }).click();
  const link = feed.getByLabel("Your calendar link");
  await expect(link).toHaveValue(new RegExp(`^${APP_URL}/feeds/[A-Za-z0-9_-]{43}\\.ics$`));
  const url = await link.inputValue();
  await expect(feed).toContainText("it is shown only this once");

  // A calendar app's first poll: her sessions, with no one's address in them; then 304 while nothing changes.
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toContain("text/calendar");
  const etag = first.headers()["etag"];
  expect(etag).toBeTruthy();
  const body = await first.text();
  const calendar = new ICAL.Component(ICAL.parse(body));
  expect(calendar.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("summary"))).toContain("Feedback");
  expect(body).not.toContain(PAT);
  expect((await request.get(url, { headers: { "If-None-Match": etag } })).status()).toBe(304);

  // Reloaded, the page says a link exists, but never shows it again.
  await page.reload();
  await expect(feed.getByLabel("Your calendar link")).toHaveCount(0);
  await expect(feed).toContainText("Your calendar link was made on");
  await feed.getByRole("button", { name: "Turn the calendar link off" }).click();
  await expect(feed).toContainText("You have no calendar link.");
  expect((await request.get(url)).status()).toBe(404);
});

test("a session booked for later today reminds the coachee by email, in her zone, without anyone doing anything more", async ({ page }) => {
  const title = `Today ${unique()}`;
  // Five hours from now on London's clock (Pat's zone), on a five-minute mark: within her 24-hour reminder.
  const start = new Date(Math.ceil((Date.now() + 5 * 3_600_000) / 300_000) * 300_000);
  const [date, time] = isoTime(start, "Europe/London").split(" ");
  await AppPage.signIn(page, "coach1@acme.test");
  await page.goto("/acme/coachees");
  await page.getByRole("link", { name: "Pat Participant" }).first().click();
  await expect(page).toHaveURL(/\/coachees\/[0-9a-f-]{36}$/);
  await page.goto(`${page.url()}/sessions/new`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date").fill(date);
  await page.getByLabel("Start time").fill(time);
  await page.getByLabel("Duration (minutes)").fill("15");
  await page.getByRole("button", { name: "Add the appointment" }).click();
  await expect(page.getByRole("region", { name: "Upcoming appointments" }).getByRole("link", { name: title })).toBeVisible();

  const reminder = await receivedMail(PAT, new RegExp(`^Reminder: ${title}$`));
  expect(reminder.text).toContain(time);
  expect(reminder.text).toContain("(GMT)");
  expect(reminder.calendar).toBeNull();
});
