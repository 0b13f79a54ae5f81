import { expect, test } from "@playwright/test";
import { DEMO_ORG } from "../../prisma/seed";
import { AppPage, PARTICIPANT_NAV } from "./pages/app-page";
import { APP_URL, linkIn, receivedMail } from "./pages/inbox";
import { unique } from "../factories/unique";

const stamp = unique();
const ORG = `/${DEMO_ORG.slug}`;
const INVITE_LINK = `${APP_URL}/invite/`;

test("a participant lands on their home, sees their coach and next session, and messages the coach, who replies", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const email = `paula-${stamp}@guests.test`;
  const title = `Portal kick-off ${stamp}`;

  // A programme manager puts Paula on a pathway with Cody (coach2) and books her first session.
  await AppPage.signIn(page, "pm@acme.test");
  await page.getByRole("link", { name: "Add a participant with a pathway" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("First name").fill("Paula");
  await page.getByLabel("Last name").fill("Portal");
  await page.getByLabel("Cohort").selectOption({ label: "Leadership Essentials › Spring 2026" });
  await page.getByLabel("Start date").fill("2026-01-05");
  await page.getByLabel("Primary coach").fill("coach2@acme.test");
  await page.getByRole("button", { name: "Add participant" }).click();
  await page.getByRole("link", { name: "Open the new pathway" }).click();
  const schedule = page.getByRole("form", { name: "Schedule a session" });
  await schedule.getByLabel("Title").fill(title);
  await schedule.getByLabel("Date").fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
  await schedule.getByLabel("Time").fill("10:00");
  await schedule.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByRole("row", { name: new RegExp(title) })).toBeVisible();

  // Paula accepts in her own browser, in Auckland: the form starts on her zone, and she lands on her home.
  const paulaContext = await browser.newContext({ timezoneId: "Pacific/Auckland" });
  const paula = await paulaContext.newPage();
  await paula.goto(linkIn(await receivedMail(email, /invited to join/), INVITE_LINK));
  await expect(paula.getByLabel("Time zone")).toHaveValue("Pacific/Auckland");
  await paula.getByLabel("First name").fill("Paula");
  await paula.getByLabel("Last name").fill("Portal");
  await paula.getByLabel("Choose a password").fill("paula picks a long passphrase");
  await paula.getByRole("button", { name: `Join ${DEMO_ORG.name}` }).click();
  await expect(paula).toHaveURL(ORG);
  await expect(paula.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();

  const nav = paula.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(PARTICIPANT_NAV);
  const coaches = paula.getByRole("region", { name: "Your coaches" });
  await expect(coaches).toContainText("Cody Coach");
  const upcoming = paula.getByRole("region", { name: "Upcoming sessions" });
  await expect(upcoming).toContainText(title);
  await expect(upcoming).toContainText("(Pacific/Auckland)");
  await expect(upcoming).toContainText("with Cody Coach");
  await expect(paula.getByRole("region", { name: "Your pathways" })).toContainText("Leadership Essentials › Spring 2026");
  await expect(paula.getByRole("region", { name: "Your pathways" })).toContainText("0 sessions used, 6 left of 6");

  // Her Sessions page lists it too.
  await nav.getByRole("link", { name: "Sessions" }).click();
  await expect(paula.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await expect(paula.getByRole("table", { name: "Upcoming sessions" }).getByRole("row", { name: new RegExp(title) })).toContainText(
    "Cody Coach",
  );

  // She writes to Cody from her home.
  await nav.getByRole("link", { name: "Home" }).click();
  await coaches.getByRole("link", { name: "Message Cody Coach" }).click();
  await expect(paula.getByRole("heading", { level: 1, name: "Messages with Cody Coach" })).toBeVisible();
  const body = `Hello Cody,\nlooking forward to ${stamp}. <b>not bold</b>`;
  await paula.getByLabel("Your message to Cody Coach").fill(body);
  await paula.getByRole("button", { name: "Send message" }).click();
  await expect(paula.getByRole("status").filter({ hasText: "Message sent." })).toBeVisible();
  const messages = paula.getByRole("list", { name: "Messages" });
  await expect(messages).toContainText(`looking forward to ${stamp}. <b>not bold</b>`);
  await expect(messages.locator("b")).toHaveCount(0);
  await expect(paula.getByLabel("Your message to Cody Coach")).toHaveValue("");

  // Cody gets an email over SMTP: who wrote and a link, not the words.
  const mail = await receivedMail("coach2@acme.test", /^New message from Paula Portal$/);
  expect(mail.recipients).toEqual(["coach2@acme.test"]);
  expect(mail.text).not.toContain(stamp);
  const link = linkIn(mail, `${APP_URL}${ORG}/messages/`);

  // Nobody outside the pair opens it: the programme manager, and a coach who does not coach Paula, get the 404 page.
  expect((await page.goto(link))?.status()).toBe(404);
  const carlaContext = await browser.newContext();
  const carla = await AppPage.signIn(await carlaContext.newPage(), "coach1@acme.test");
  expect((await carla.page.goto(link))?.status()).toBe(404);
  await expect(carla.page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await carlaContext.close();

  // Cody signs in, finds it under Messages, unread, and replies.
  const codyContext = await browser.newContext();
  const cody = await AppPage.signIn(await codyContext.newPage(), "coach2@acme.test");
  await cody.open("Messages");
  const row = cody.page.getByRole("list", { name: "Conversations" }).getByRole("listitem").filter({ hasText: "Paula Portal" });
  await expect(row).toContainText("Unread");
  await row.getByRole("link", { name: "Paula Portal" }).click();
  await expect(cody.page).toHaveURL(link);
  await expect(cody.page.getByRole("list", { name: "Messages" })).toContainText(`looking forward to ${stamp}.`);
  await cody.page.getByLabel("Your message to Paula Portal").fill(`Likewise, see you on the ${stamp} session.`);
  await cody.page.getByRole("button", { name: "Send message" }).click();
  await expect(cody.page.getByRole("list", { name: "Messages" })).toContainText(`Likewise, see you on the ${stamp} session.`);

  // Paula's thread shows the reply; she gets an email for it too.
  await receivedMail(email, /^New message from Cody Coach$/);
  await paula.reload();
  await expect(paula.getByRole("list", { name: "Messages" })).toContainText(`Likewise, see you on the ${stamp} session.`);
  await Promise.all([paulaContext.close(), codyContext.close()]);
});

test("the accept form's time zone starts on the browser's zone, and on UTC without JavaScript", async ({ page, browser }) => {
  const email = `tz-${stamp}@guests.test`;
  await AppPage.signIn(page, "admin@acme.test");
  await page.goto(`${ORG}/invitations/new`);
  await page.getByLabel("Email addresses").fill(email);
  await page.getByLabel("Role").selectOption({ label: "Participant" });
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent 1 invitation" })).toBeVisible();
  const link = linkIn(await receivedMail(email, /invited to join/), INVITE_LINK);

  for (const [options, zone] of [
    [{ timezoneId: "Pacific/Auckland" }, "Pacific/Auckland"],
    [{ timezoneId: "America/Sao_Paulo" }, "America/Sao_Paulo"],
    // The server's HTML, which is what a browser without JavaScript submits.
    [{ timezoneId: "Pacific/Auckland", javaScriptEnabled: false }, "UTC"],
  ] as const) {
    const context = await browser.newContext(options);
    const guest = await context.newPage();
    await guest.goto(link);
    await expect(guest.getByRole("heading", { name: `Join ${DEMO_ORG.name}` })).toBeVisible();
    await expect(guest.getByLabel("Time zone"), JSON.stringify(options)).toHaveValue(zone);
    await context.close();
  }
});
