import { expect, type Page } from "@playwright/test";

/**
 * Carla (signed in) adds an appointment with Pat from Pat's profile and opens it from the Sessions tab;
 * `zone`: the time zone the form must start on. Returns the session page's path.
 */
export async function addAppointmentWithPat(
  page: Page,
  { title, date, time, minutes, zone }: { title: string; date: string; time: string; minutes: number; zone?: string },
): Promise<string> {
  await page.goto("/acme/coachees");
  await page.getByRole("link", { name: "Pat Participant" }).first().click();
  await expect(page).toHaveURL(/\/coachees\/[0-9a-f-]{36}$/);
  await page.goto(`${page.url()}/sessions/new`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date").fill(date);
  await page.getByLabel("Start time").fill(time);
  if (zone) await expect(page.getByLabel("Time zone")).toHaveValue(zone);
  await page.getByLabel("Duration (minutes)").fill(String(minutes));
  await page.getByRole("button", { name: "Add the appointment" }).click();
  // From the Sessions tab to the session's own page.
  await page.getByRole("region", { name: "Upcoming appointments" }).getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(/\/acme\/sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}
