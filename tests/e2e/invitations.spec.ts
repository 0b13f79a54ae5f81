import { expect, test } from "@playwright/test";
import { DEMO_ORG } from "../../prisma/seed";
import { AppPage } from "./pages/app-page";
import { APP_URL, linkIn, receivedMail } from "./pages/inbox";
import { unique } from "../factories/unique";

const stamp = unique();
const people = ["ines", "jon", "kai"].map((name) => `${name}-${stamp}@guests.test`);

test("an admin invites three people; one accepts from the emailed link and lands in the app", async ({ page, browser }) => {
  const app = await AppPage.signIn(page, "admin@acme.test");
  await app.open("Users");
  await page.getByRole("link", { name: "Invite users" }).click();
  await expect(page.getByRole("heading", { name: "Invite users" })).toBeVisible();
  await page.getByLabel("Email addresses").fill(`${people[0]}, ${people[1]};\n${people[2]}`);
  await page.getByLabel("Role").selectOption({ label: "Coach" });
  await page.getByLabel("Message").fill("Welcome to the coaching team!");

  await page.getByRole("button", { name: "Check" }).click();
  const addresses = page.getByRole("list", { name: "Addresses" });
  await expect(addresses.getByRole("listitem")).toHaveCount(3);
  await expect(addresses).toContainText(`${people[0]}: Will be invited`);
  await expect(page.getByText(/Takes 3 seats/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Email preview" })).toContainText("Welcome to the coaching team!");

  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent 3 invitations." })).toBeVisible();

  // Ines opens the link from the email received over SMTP, in her own browser.
  const mail = await receivedMail(people[0], /invited to join Acme Coaching/);
  expect(mail.text).toContain("Welcome to the coaching team!");
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(linkIn(mail, `${APP_URL}/invite/`));
  await expect(guest.getByRole("heading", { name: `Join ${DEMO_ORG.name}` })).toBeVisible();
  await expect(guest.getByText("Adam Admin invited you")).toBeVisible();
  await guest.getByLabel("First name").fill("Ines");
  await guest.getByLabel("Last name").fill("Invited");
  await guest.getByLabel("Choose a password").fill("password");
  await guest.getByRole("button", { name: `Join ${DEMO_ORG.name}` }).click();
  await expect(guest.getByRole("alert").filter({ hasText: "too common" })).toBeVisible();
  await guest.getByLabel("Choose a password").fill("ines picks a long passphrase");
  await guest.getByRole("button", { name: `Join ${DEMO_ORG.name}` }).click();
  await expect(guest).toHaveURL(`/${DEMO_ORG.slug}`);
  await expect(guest.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(guest.getByRole("banner")).toContainText("Ines Invited");

  // The link is spent: one page for every dead link.
  await guest.goto(linkIn(mail, `${APP_URL}/invite/`));
  await expect(guest.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await guest.context().close();

  // In the Users list she is Active now; the other two are Invited.
  await page.goto(`/${DEMO_ORG.slug}/users?q=${stamp}`);
  await expect(page.getByRole("table")).toContainText("Ines Invited");
  await expect(page.getByRole("row", { name: new RegExp(people[0]) })).toContainText("Active");
  await expect(page.getByRole("row", { name: new RegExp(people[1]) })).toContainText("Invited");
});

test("pending invitations are resent and cancelled from the list; a resent link replaces the old one", async ({ page }) => {
  const app = await AppPage.signIn(page, "owner@acme.test");
  await app.open("Invitations");
  await expect(page.getByRole("heading", { name: "Pending invitations" })).toBeVisible();
  const first = await receivedMail(people[1], /invited to join/);

  await page.getByRole("button", { name: `Resend to ${people[1]}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Sent again to ${people[1]}` })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(people[1]) })).toContainText("2");

  await page.getByRole("button", { name: `Cancel invitation of ${people[2]}` }).click();
  const dialog = page.getByRole("dialog", { name: `Cancel the invitation of ${people[2]}?` });
  await expect(dialog).toContainText("seat it holds is freed");
  await dialog.getByRole("button", { name: "Cancel invitation" }).click();
  await expect(page.getByRole("row", { name: new RegExp(people[2]) })).toHaveCount(0);

  // The first link to Jon died with the resend.
  await page.goto(linkIn(first, `${APP_URL}/invite/`));
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});

test("a batch that needs more seats than are free is refused whole, as the person sees it", async ({ page }) => {
  const app = await AppPage.signIn(page, "owner@acme.test");
  await app.open("Invitations");
  await page.getByRole("main").getByRole("link", { name: "Invite users" }).first().click();
  const many = Array.from({ length: 6 }, (_, i) => `extra${i}-${stamp}@guests.test`);
  await page.getByLabel("Email addresses").fill(many.join(" "));
  await page.getByLabel("Role").selectOption({ label: "Coach" });
  await page.getByRole("button", { name: "Send" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "No seats available. Upgrade your plan or free a seat before sending these invites." }),
  ).toBeVisible();
  await page.goto(`/${DEMO_ORG.slug}/invitations`);
  await expect(page.getByRole("table")).not.toContainText("extra0-");

  // Participants take no seat: the same people as participants go through.
  await page.goto(`/${DEMO_ORG.slug}/invitations/new`);
  await page.getByLabel("Email addresses").fill(many.join(" "));
  await page.getByLabel("Role").selectOption({ label: "Participant" });
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent 6 invitations." })).toBeVisible();
});

test("someone with an account in another organisation is only their email here until they accept", async ({ page }) => {
  // Nora North owns Northwind; to Acme she is an address it types, nothing more.
  const nora = { email: "owner@northwind.test", secrets: ["Nora", "North", "America/New_York"] };
  const app = await AppPage.signIn(page, "admin@acme.test");
  await app.open("Invitations");
  await page.getByRole("main").getByRole("link", { name: "Invite users" }).first().click();
  await page.getByLabel("Email addresses").fill(nora.email);
  await page.getByLabel("Role").selectOption({ label: "Participant" });
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("list", { name: "Addresses" })).toContainText(`${nora.email}: Will be invited`);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent 1 invitation." })).toBeVisible();

  const seen: string[] = [await page.locator("main").innerText()];
  await page.goto(`/${DEMO_ORG.slug}/invitations`);
  seen.push(await page.locator("main").innerText());
  await page.goto(`/${DEMO_ORG.slug}/users?q=${encodeURIComponent(nora.email)}`);
  const row = page.getByRole("row", { name: new RegExp(nora.email) });
  await expect(row).toContainText("Invited");
  seen.push(await page.locator("main").innerText());
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nora.email);
  await expect(page.getByText("Chosen when they join")).toBeVisible();
  seen.push(await page.locator("main").innerText());
  // Searching for her name finds nobody.
  await page.goto(`/${DEMO_ORG.slug}/users?q=Nora`);
  await expect(page.getByRole("row", { name: new RegExp(nora.email) })).toHaveCount(0);

  for (const text of seen) for (const secret of nora.secrets) expect(text).not.toContain(secret);
});
