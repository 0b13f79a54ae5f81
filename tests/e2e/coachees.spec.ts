import { expect, test, type Page } from "@playwright/test";
import { SECOND_ORG } from "../../prisma/seed";
import { E2E_SERVER } from "../support/e2e-database";
import { AppPage } from "./pages/app-page";
import { APP_URL, linkIn, receivedMail } from "./pages/inbox";
import { unique } from "../factories/unique";

// In the second organisation, where Adam (admin@acme.test) is a coach: the demo organisation's lists
// that other specs count stay as they are. Every person here has an address of this run's own.
const ORG = `/${SECOND_ORG.slug}`;
const COACH = "admin@acme.test";
const run = unique();
const INVITE_LINK = `${APP_URL}/invite/`;

async function addCoachee(page: Page, firstName: string, lastName: string, email: string, invite = false) {
  await page.goto(`${ORG}/coachees/new`);
  await page.getByLabel("First name").fill(firstName);
  await page.getByLabel("Last name").fill(lastName);
  await page.getByLabel("Email").fill(email);
  if (invite) await page.getByLabel("Send invitation now").check();
  await page.getByRole("button", { name: "Add coachee" }).click();
  await expect(page.getByRole("status")).toContainText(`${firstName} ${lastName}: done.`);
}

/** The row of the coachee list for this person (searched by email, so other runs' rows never interfere). */
async function rowOf(page: Page, email: string) {
  await page.goto(`${ORG}/coachees?q=${encodeURIComponent(email)}`);
  return page.getByRole("row").filter({ hasText: email });
}

test("a coach adds a coachee without inviting, invites them later from Options, and they join from the mail", async ({ page, browser }) => {
  // Three people, four emails and a session: longer than one page's worth of the default 30 s.
  test.setTimeout(90_000);
  const email = `nina-${run}@coachees.test`;
  const app = await AppPage.signIn(page, COACH);
  await page.goto(ORG);
  await app.open("Coachees");
  await expect(page.getByRole("heading", { level: 1, name: "Coachees" })).toBeVisible();

  await addCoachee(page, "Nina", "Notyet", email);
  let row = await rowOf(page, email);
  await expect(row).toContainText("Nina Notyet");
  await expect(row).toContainText("Not invited");
  // (The Options menu is closed: its entries are in the page, not yet shown.)
  await expect(row.getByText("Edit name and email")).toBeAttached();

  // Nothing was sent: the SMTP server has no mail for her (a control mail to another coachee arrives meanwhile).
  const control = `control-${run}@coachees.test`;
  await addCoachee(page, "Carl", "Control", control, true);
  await receivedMail(control, /invited to join/);
  const mailbox = (await (await fetch(E2E_SERVER.mailbox)).json()) as {
    recipients: string[];
  }[];
  expect(mailbox.filter((m) => m.recipients.includes(email))).toEqual([]);

  // Later: Options -> Send invitation.
  row = await rowOf(page, email);
  await row.getByText("Options").click();
  await row.getByRole("button", { name: "Send invitation" }).click();
  await expect(row.getByText("Invited", { exact: true })).toBeVisible();
  const mail = await receivedMail(email, /invited to join/);

  // Before she joins, the coach books their first session from her profile's quick menu.
  const session = `First session ${run}`;
  row = await rowOf(page, email);
  await row.getByText("Options").click();
  await row.getByRole("link", { name: "Open profile" }).click();
  await page.getByRole("button", { name: "Quick menu" }).click();
  await page.getByRole("link", { name: "Add an appointment" }).click();
  await page.getByLabel("Title").fill(session);
  await page.getByLabel("Date").fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel("Start time").fill("10:00");
  await page.getByLabel("Duration (minutes)").fill("60");
  await page.getByRole("button", { name: "Add the appointment" }).click();
  await expect(page.getByRole("region", { name: "Upcoming appointments" })).toContainText(session);

  // She opens the link, chooses her name and password, and lands signed in on the organisation's home.
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(linkIn(mail, INVITE_LINK));
  await guest.getByLabel("First name").fill("Nina");
  await guest.getByLabel("Last name").fill("Joined");
  await guest.getByLabel("Choose a password").fill("nina joins her coach with this passphrase");
  await guest.getByRole("button", { name: `Join ${SECOND_ORG.name}` }).click();
  await guest.waitForURL(`${APP_URL}${ORG}`);
  await expect(guest.getByRole("navigation", { name: "Main" })).toBeVisible();
  // Her own home: her coach, with a way to message him, and the session he booked.
  await expect(guest.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  const coaches = guest.getByRole("region", { name: "Your coaches" });
  await expect(coaches).toContainText("Adam Admin");
  await expect(coaches.getByRole("link", { name: "Message Adam Admin" })).toBeVisible();
  await expect(guest.getByRole("region", { name: "Upcoming sessions" })).toContainText(session);
  await guest.context().close();

  row = await rowOf(page, email);
  await expect(row).toContainText("Nina Joined");
  await expect(row).toContainText("Active");
  // Joined: name and email are hers now, the Options no longer offer editing them.
  await expect(row.getByText("Options")).toBeVisible();
  await expect(row.getByText("Edit name and email")).toHaveCount(0);

  // The organisation's owner sees the coach's coachees on the coach's user page: names, status, programmes.
  const owner = await (await browser.newContext()).newPage();
  await AppPage.signIn(owner, "owner@northwind.test");
  await owner.goto(`${ORG}/users?q=${encodeURIComponent(COACH)}`);
  await owner.getByRole("link", { name: "Adam Admin" }).click();
  const coachees = owner.getByRole("region", { name: "Coachees" });
  await expect(coachees.getByRole("row").filter({ hasText: "Nina Joined" })).toContainText("Active");
  await owner.context().close();
});

test("a coach builds a group from a search, and the list filtered by the group shows exactly those coachees", async ({ page }) => {
  const tag = `grp${run}`;
  await AppPage.signIn(page, COACH);
  const people = [
    ["Gina", `Alpha${tag}`],
    ["Gus", `Beta${tag}`],
    ["Gail", `Gamma${tag}`],
  ] as const;
  for (const [first, last] of people) await addCoachee(page, first, last, `${first.toLowerCase()}-${tag}@coachees.test`);

  await page.goto(`${ORG}/coachees/groups`);
  await page.getByRole("link", { name: "New group" }).click();
  const search = page.getByRole("search", { name: "Find coachees for the group" });
  await search.getByLabel("Search name or email").fill(tag);
  await search.getByRole("button", { name: "Find" }).click();
  await page.waitForURL(/q=/);
  const members = page.getByRole("group", { name: "Coachees in the group" });
  await expect(members.getByRole("checkbox")).toHaveCount(3);
  await members.getByLabel(`Gina Alpha${tag}`).check();
  await members.getByLabel(`Gail Gamma${tag}`).check();
  await page.getByLabel("Group name").fill(`Pilots ${tag}`);
  await page.getByLabel("Description (optional)").fill("First cohort of pilots");
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByRole("status")).toContainText(`Group Pilots ${tag} created with 2 coachees.`);

  await page.goto(`${ORG}/coachees`);
  const filters = page.getByRole("search", { name: "Search and filter coachees" });
  await filters.getByLabel("Group").selectOption({ label: `Pilots ${tag}` });
  await filters.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL(/group=/);
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: tag });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: `Gina Alpha${tag}` })).toHaveCount(1);
  await expect(rows.filter({ hasText: `Gail Gamma${tag}` })).toHaveCount(1);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(3); // the header and the two
});
