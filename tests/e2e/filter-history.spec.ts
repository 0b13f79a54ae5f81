import { expect, test, type Locator, type Page } from "@playwright/test";
import { createDb, type Db } from "../../lib/db/client";
import { hashPassword } from "../../lib/security/password";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { e2eDatabaseUrl } from "../support/e2e-database";
import { createActionItem, createAuditEvent, createCoachingRelationship, createMember, createOrganization } from "../factories";
import { AppPage } from "./pages/app-page";
import { unique } from "../factories/unique";

// A list's filter form shows what the URL says, also after the browser's Back and Forward (issue 22: the
// search box and the selects kept what was typed before Filter once Back had brought the unfiltered
// list again). An organisation of this spec's own (test factories on the app's database), so no other
// spec's lists change.

const stamp = unique();
let db: Db;
let slug: string;
const ownerEmail = `olga-${stamp}@history.test`;
const coachEmail = `cyril-${stamp}@history.test`;
const coacheeEmail = `alma-${stamp}@history.test`;

test.beforeAll(async () => {
  const url = e2eDatabaseUrl();
  db = createDb(url);
  const org = await createOrganization(db, { name: `History ${stamp}`, slug: `history-${stamp}` });
  slug = org.slug;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const owner = await createMember(db, org.id, {
    role: "OWNER",
    email: ownerEmail,
    passwordHash,
    account: { firstName: "Olga", lastName: "Owner" },
  });
  const coach = await createMember(db, org.id, {
    role: "COACH",
    email: coachEmail,
    passwordHash,
    account: { firstName: "Cyril", lastName: "Coach" },
  });
  const alma = await createMember(db, org.id, {
    email: coacheeEmail,
    passwordHash,
    firstName: "Alma",
    lastName: `Alpha${stamp}`,
    account: { firstName: "Alma", lastName: `Alpha${stamp}` },
  });
  const bert = await createMember(db, org.id, { status: "NOT_INVITED", firstName: "Bert", lastName: `Beta${stamp}` });
  for (const coachee of [alma, bert]) await createCoachingRelationship(db, { coach: coach.membership, coachee: coachee.membership });
  await createActionItem(db, alma.membership, { title: "Book the room" });
  await createActionItem(db, alma.membership, { title: "Write the agenda", progress: 100 });
  await createAuditEvent(db, org.id, { actorId: owner.user.id, action: "settings.update" });
  await createAuditEvent(db, org.id, { actorId: owner.user.id, action: "member.role_change", targetType: "membership" });
});

test.afterAll(async () => {
  await db.$disconnect();
});

type Filled = { field: Locator; typed: string; empty: string };

/** A list drawn as a table: its rows, the header's included. */
const tableRows = (page: Page) => page.getByRole("table").getByRole("row");

/**
 * Fills the list's filter form, submits it, then goes Back (the unfiltered list) and Forward (the
 * filtered one): each time the fields show what the URL says, and the list (`listRows`, `rows` of them) agrees.
 */
async function filterThenBackAndForward(
  page: Page,
  form: Locator,
  fields: Filled[],
  listRows: Locator,
  rows: { filtered: number; all: number },
) {
  await expect(listRows).toHaveCount(rows.all);
  const unfiltered = page.url();
  for (const { field, typed } of fields) {
    if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption(typed);
    else await field.fill(typed);
  }
  await form.getByRole("button", { name: /^(Filter|Search)$/ }).click();
  await page.waitForURL((url) => url.search.length > 1);
  const filtered = page.url();
  await expect(listRows).toHaveCount(rows.filtered);

  await page.goBack();
  await page.waitForURL(unfiltered);
  await expect(listRows).toHaveCount(rows.all);
  for (const { field, empty } of fields) await expect(field).toHaveValue(empty);

  await page.goForward();
  await page.waitForURL(filtered);
  await expect(listRows).toHaveCount(rows.filtered);
  for (const { field, typed } of fields) await expect(field).toHaveValue(typed);

  // And Back once more: the first return was not a lucky one.
  await page.goBack();
  await page.waitForURL(unfiltered);
  for (const { field, empty } of fields) await expect(field).toHaveValue(empty);
}

test("coachees: after Back the search box and status show the unfiltered URL, after Forward the filtered one", async ({ page }) => {
  test.setTimeout(90_000);
  await AppPage.signIn(page, coachEmail);
  await page.goto(`/${slug}/coachees`);
  const form = page.getByRole("search", { name: "Search and filter coachees" });
  await filterThenBackAndForward(
    page,
    form,
    [
      { field: form.getByLabel("Search name or email"), typed: `Alpha${stamp}`, empty: "" },
      { field: form.getByLabel("Status"), typed: "ACTIVE", empty: "" },
    ],
    tableRows(page),
    { filtered: 2, all: 3 },
  );
});

test("users and the audit log: after Back and Forward the filter fields show the URL's values", async ({ page }) => {
  test.setTimeout(90_000);
  await AppPage.signIn(page, ownerEmail);
  await page.goto(`/${slug}/users`);
  const users = page.getByRole("search", { name: "Search and filter users" });
  await filterThenBackAndForward(
    page,
    users,
    [
      { field: users.getByLabel("Search name or email"), typed: "Cyril", empty: "" },
      { field: users.getByLabel("Role"), typed: "COACH", empty: "" },
    ],
    tableRows(page),
    { filtered: 2, all: 5 },
  );

  await page.goto(`/${slug}/audit`);
  const audit = page.getByRole("search", { name: "Filter the audit log" });
  await filterThenBackAndForward(
    page,
    audit,
    [
      { field: audit.getByLabel("Actor email"), typed: ownerEmail, empty: "" },
      { field: audit.getByLabel("Action"), typed: "member.", empty: "" },
    ],
    tableRows(page),
    { filtered: 2, all: 3 },
  );
});

test("a participant's actions: after Back and Forward the Show select says what the URL says", async ({ page }) => {
  test.setTimeout(90_000);
  await AppPage.signIn(page, coacheeEmail);
  await page.goto(`/${slug}/actions`);
  const form = page.getByRole("search", { name: "Filter actions" });
  await filterThenBackAndForward(
    page,
    form,
    [{ field: form.getByLabel("Show"), typed: "done", empty: "" }],
    page.locator("main li[id^='action-']"),
    { filtered: 1, all: 2 },
  );
});
