import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORG, DEMO_PASSWORD, SECOND_ORG } from "../../prisma/seed";
import { E2E_SERVER } from "../support/e2e-database";
import { recordFigures } from "../support/figures";
import { AppPage } from "./pages/app-page";
import { linkIn, receivedMail } from "./pages/inbox";

const APP = E2E_SERVER.url;
const PASSWORD = "harbour lights shine at night";

/** Submits the sign-up form and returns the server action's response body, byte for byte, as the server sent it. */
async function submitSignUp(page: Page): Promise<Buffer> {
  let body: Buffer | undefined;
  await page.route("**/sign-up", async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    const response = await route.fetch();
    body = await response.body();
    await route.fulfill({ response, body });
  });
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect.poll(() => body !== undefined).toBe(true);
  await page.unroute("**/sign-up");
  return body!;
}

async function fillSignUp(page: Page, fields: { email: string; password: string }) {
  await page.getByLabel("Organisation name").fill("Harbour Light Coaching");
  await page.getByLabel("First name").fill("Hana");
  await page.getByLabel("Last name").fill("Harbour");
  await page.getByLabel("Email").fill(fields.email);
  await page.getByLabel("Password").fill(fields.password);
}

test("a new customer signs up, confirms the emailed link, lands in their own organisation as its owner, and finds it in the audit log", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Create your organisation" }).click();
  await expect(page.getByRole("heading", { name: "Create your organisation" })).toBeVisible();

  // Bad input is refused field by field and what was typed stays.
  await fillSignUp(page, { email: "not-an-email", password: "password" });
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter a valid email address" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "too common" })).toBeVisible();
  await expect(page.getByLabel("Organisation name")).toHaveValue("Harbour Light Coaching");

  // An email that already has an account gets exactly the answer a new one gets; only its owner learns
  // more, by mail, with no link in it.
  await page.getByLabel("Email").fill("coach1@acme.test");
  await page.getByLabel("Password").fill(PASSWORD);
  const taken = await submitSignUp(page);
  const sent = page.getByRole("status").filter({ hasText: "Check your email" });
  await expect(sent).toBeVisible();
  const takenPage = await page.locator("main").innerText();
  const note = await receivedMail("coach1@acme.test", /Someone tried to sign up/);
  expect(note.text).toContain(`${APP}/sign-in`);
  expect(note.text).not.toContain("/sign-up/verify/");

  await page.goto("/sign-up");
  await fillSignUp(page, { email: "hana@harbour.test", password: PASSWORD });
  const fresh = await submitSignUp(page);
  await expect(sent).toBeVisible();
  expect(taken.toString("utf8")).toContain("Check your email");
  expect(fresh.equals(taken), `the same bytes for a taken and a new address:\n${taken}\n${fresh}`).toBe(true);
  expect(await page.locator("main").innerText()).toBe(takenPage);
  recordFigures("sign-up-e2e", {
    identicalSignUpAnswers: fresh.equals(taken) ? 1 : 0,
    differingSignUpAnswers: fresh.equals(taken) ? 0 : 1,
  });

  // Nothing exists yet: signing in fails. The emailed link creates it, with the password chosen above.
  const link = linkIn(await receivedMail("hana@harbour.test", /Confirm your email/), `${APP}/sign-up/verify/`);
  await page.goto(link);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  await expect(page.getByRole("heading", { name: "Create Harbour Light Coaching" })).toBeVisible();
  await page.getByLabel("Password").fill("harbour lights shine at noon");
  await page.getByRole("button", { name: "Create Harbour Light Coaching" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not the password you chose" })).toBeVisible();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create Harbour Light Coaching" }).click();
  await expect(page).toHaveURL("/harbour-light-coaching");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Harbour Light Coaching");
  await expect(page.getByRole("banner")).toContainText("Owner");

  const app = new AppPage(page);
  await app.open("Audit log");
  // In words, with the organisation's name: not the action's code.
  await expect(page.getByRole("table")).toContainText("created the organisation Harbour Light Coaching");
  await expect(page.getByRole("table")).not.toContainText("organization.create");
  await expect(page.getByRole("table")).toContainText("hana@harbour.test");

  // The link is spent.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});

test("a member of two organisations switches between them, and the session remembers the choice", async ({ page }) => {
  await AppPage.signIn(page, "admin@acme.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(`/${DEMO_ORG.slug}`);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible(); // an admin here

  await page.getByRole("button", { name: `Organisation: ${DEMO_ORG.name}` }).click();
  await page.getByRole("button", { name: SECOND_ORG.name }).click();
  await expect(page).toHaveURL(`/${SECOND_ORG.slug}`);
  await expect(page.getByRole("banner")).toContainText(SECOND_ORG.name);
  await expect(page.getByRole("banner")).toContainText("Coach"); // a coach there: the role is per organisation
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  expect((await page.goto(`/${SECOND_ORG.slug}/settings`))?.status()).toBe(404);

  // The session's active organisation: "/" opens the one chosen last.
  await page.goto("/");
  await expect(page).toHaveURL(`/${SECOND_ORG.slug}`);

  await page.getByRole("button", { name: `Organisation: ${SECOND_ORG.name}` }).click();
  await page.getByRole("button", { name: DEMO_ORG.name }).click();
  await expect(page).toHaveURL(`/${DEMO_ORG.slug}`);
  await page.goto("/");
  await expect(page).toHaveURL(`/${DEMO_ORG.slug}`);
});

test("a signed-in user creates a further organisation from the switcher", async ({ page }) => {
  await AppPage.signIn(page, "coach2@acme.test", DEMO_PASSWORD);
  await page.getByRole("button", { name: `Organisation: ${DEMO_ORG.name}` }).click();
  await page.getByRole("link", { name: "Create an organisation" }).click();
  await expect(page.getByRole("heading", { name: "Create an organisation" })).toBeVisible();
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter your organisation's name" })).toBeVisible();
  await page.getByLabel("Organisation name").fill("Cody's Practice");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL("/cody-s-practice");
  await expect(page.getByRole("banner")).toContainText("Owner");
  await page.getByRole("button", { name: "Organisation: Cody's Practice" }).click();
  await expect(page.getByRole("button", { name: DEMO_ORG.name })).toBeVisible();
});
