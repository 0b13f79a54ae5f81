import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { expect, test } from "@playwright/test";
import { AppPage } from "./pages/app-page";
import { receivedMail } from "./pages/inbox";
import { unique } from "../factories/unique";

const tag = unique();
const row = (email: string, first: string, date = "01-12-2026") =>
  `${email},${first},Imported,${email},Leadership Essentials,${date},coach1@acme.test,Europe/London,e2e`;
const file = [
  "username,first_name,last_name,email,programme,startdate,primary_coach,timezone,tag",
  row(`olga-${tag}@imports.test`, "Olga"),
  row(`piet-${tag}@imports.test`, "Piet"),
  row(`olga-${tag}@imports.test`, "Olga again"),
  row(`quinn-${tag}@imports.test`, "Quinn", "31-02-2026"),
].join("\r\n");

test("an admin uploads a file, sees green, yellow and red rows, downloads the red ones, confirms, and the invitations arrive", async ({
  page,
}) => {
  const app = await AppPage.signIn(page, "owner@acme.test");
  await app.open("Programmes");
  await page.getByRole("link", { name: "Spring 2026" }).first().click();
  await page.getByRole("link", { name: "Upload users" }).click();
  await expect(page.getByRole("heading", { name: "Upload users to Spring 2026" })).toBeVisible();

  // Nothing chosen: a message at the field.
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose a CSV file" })).toBeVisible();

  await page.getByLabel("CSV file").setInputFiles({ name: "cohort.csv", mimeType: "text/csv", buffer: Buffer.from(file, "utf8") });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Import check: cohort.csv" })).toBeVisible();
  const colours = page.getByRole("navigation", { name: "Rows by colour" });
  await expect(colours).toContainText("Ready: 2");
  await expect(colours).toContainText("Skipped: 1");
  await expect(colours).toContainText("Needs fixing: 1");

  await colours.getByRole("link", { name: /Needs fixing/ }).click();
  await expect(page).toHaveURL(/colour=red/);
  const rows = page.getByRole("table", { name: "Rows" }).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("31-02-2026 is not a real date");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download the 1 red row/ }).click()]);
  const fix = Papa.parse<Record<string, string>>((await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  expect(fix.data).toEqual([
    expect.objectContaining({ email: `quinn-${tag}@imports.test`, error: "startdate: 31-02-2026 is not a real date" }),
  ]);

  await page.getByRole("button", { name: "Import 2 green rows" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported: 2 invited, 0 enrolled, 2 skipped." })).toBeVisible();
  await receivedMail(`olga-${tag}@imports.test`, /invited to join Acme Coaching/);
  await receivedMail(`piet-${tag}@imports.test`, /invited to join Acme Coaching/);

  // The cohort now lists them.
  await page.goto(page.url().replace(/\/imports\/.*/, "/programmes"));
  await page.getByRole("link", { name: "Spring 2026" }).first().click();
  await expect(page.getByRole("table", { name: "Pathways" })).toContainText("Olga Imported");
});
