import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createDb, type Db } from "../../lib/db/client";
import { hashPassword } from "../../lib/security/password";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { e2eDatabaseUrl } from "../support/e2e-database";
import { createCoachingRelationship, createMember, createOrganization } from "../factories";
import { AppPage } from "./pages/app-page";
import { APP_URL, receivedMail } from "./pages/inbox";
import { unique } from "../factories/unique";

// SECURITY.md 28 as people click it: a coach who adds the email of someone already here only asks; the
// participant accepts in the app, and only then does the coach see them. A fresh organisation of this
// run's own (made with the test factories on the app's database), so no other spec's lists change.

const stamp = unique();
let db: Db;
let slug: string;
const coachEmail = `cora-${stamp}@consent.test`;
const patEmail = `petra-${stamp}@consent.test`;

test.beforeAll(async () => {
  const url = e2eDatabaseUrl();
  db = createDb(url);
  const org = await createOrganization(db, { name: `Consent ${stamp}`, slug: `consent-${stamp}` });
  slug = org.slug;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const person = (firstName: string, lastName: string) => ({ passwordHash, account: { firstName, lastName, timezone: "Europe/London" } });
  await createMember(db, org.id, {
    role: "COACH",
    email: coachEmail,
    firstName: "Cora",
    lastName: "Consent",
    ...person("Cora", "Consent"),
  });
  const pat = await createMember(db, org.id, { email: patEmail, firstName: "Petra", lastName: "Private", ...person("Petra", "Private") });
  // Petra already has a coach, who is told when she accepts another.
  const first = await createMember(db, org.id, { role: "COACH", firstName: "Fiona", lastName: "First", ...person("Fiona", "First") });
  await createCoachingRelationship(db, { coach: first.membership, coachee: pat.membership });
});
/** The page as it is now has no serious or critical accessibility violation (the rows only this spec makes). */
async function accessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

test.afterAll(async () => {
  await db.$disconnect();
});

test("a coach adds an existing participant's email, waits; the participant accepts; then the coach sees the coachee", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await AppPage.signIn(page, coachEmail);
  await page.goto(`/${slug}/coachees/new`);
  await page.getByLabel("First name").fill("Typed");
  await page.getByLabel("Last name").fill("Byhand");
  await page.getByLabel("Email").fill(patEmail);
  await page.getByRole("button", { name: "Add coachee" }).click();
  // The answer a new person's address would get too.
  await expect(page.getByRole("status")).toContainText("Typed Byhand: done. If they are new here");

  // The coach sees only what they typed, under "Waiting for them to accept"; nothing of hers.
  await page.goto(`/${slug}/coachees`);
  const waiting = page.getByRole("region", { name: "Waiting for them to accept" });
  await expect(waiting.getByRole("row").filter({ hasText: patEmail })).toContainText("Typed Byhand");
  await expect(page.getByText("Petra Private")).toHaveCount(0);
  await expect(page.getByText("You have no coachees yet")).toBeVisible();
  await accessible(page);

  // Petra is asked by email (a link to the requests page, through sign-in) and in the app.
  const mail = await receivedMail(patEmail, /^Cora Consent asked to be your coach/);
  expect(mail.text).toContain(`${APP_URL}/${slug}/coaching-requests#request-`);
  const petra = await browser.newContext();
  const petraPage = await petra.newPage();
  await AppPage.signIn(petraPage, patEmail);
  await expect(petraPage.getByText("A coach has asked to coach you.")).toBeVisible();
  await petraPage.getByRole("link", { name: "Accept or decline" }).click();
  await expect(petraPage.getByRole("heading", { level: 1, name: "Coaching requests" })).toBeVisible();
  await expect(petraPage.getByText("Cora Consent asked to be your coach")).toBeVisible();
  await accessible(petraPage);
  await petraPage.getByRole("button", { name: "Accept Cora Consent" }).click();
  await expect(petraPage.getByRole("status")).toContainText("Accepted: they are now your coach");
  await expect(petraPage.getByText("No coach is waiting for your answer.")).toBeVisible();
  await petraPage.goto(`/${slug}`);
  await expect(petraPage.getByRole("region", { name: "Your coaches" })).toContainText("Cora Consent");
  await petra.close();

  // Now the coach sees her as she is, and opens her profile; the waiting row is gone.
  await page.goto(`/${slug}/coachees`);
  await expect(page.getByRole("region", { name: "Waiting for them to accept" })).toHaveCount(0);
  await page.getByRole("link", { name: "Petra Private" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Petra Private" })).toBeVisible();
});
