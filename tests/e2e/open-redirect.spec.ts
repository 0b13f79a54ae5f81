import { expect, test } from "@playwright/test";
import { DEMO_ORG, DEMO_PASSWORD } from "../../prisma/seed";
import { recordFigures } from "../support/figures";
import { SignInPage } from "./pages/sign-in-page";

// The raw query strings a link could carry. Each decodes to a callbackUrl that a browser reads as
// another host ("/\t/evil.example" -> "//evil.example"). One account each: sign-in is rate-limited
// per account.
const HOSTILE: { query: string; email: string }[] = [
  { query: "/%5Cevil.example/x", email: "pat@acme.test" },
  { query: "/%09/evil.example", email: "sam@acme.test" },
  { query: "%2F%0A%2Fevil.example", email: "pm@acme.test" },
  { query: "http%3A%2F%2Flocalhost%3A1%40evil.example%2F", email: "coach2@acme.test" },
];

test("signing in with a hostile callbackUrl lands on our own origin, and a callbackUrl of ours is kept", async ({ browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  let tried = 0;
  for (const { query, email } of HOSTILE) {
    const context = await browser.newContext();
    const offSite: string[] = [];
    // Nothing leaves the machine: any other host answers here, and the test sees it was asked.
    await context.route(
      (url) => url.origin !== origin,
      (route) => {
        offSite.push(route.request().url());
        return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Somewhere else</h1>" });
      },
    );
    const page = await context.newPage();
    await page.goto(`/sign-in?callbackUrl=${query}`);
    await new SignInPage(page).signIn(email, DEMO_PASSWORD);
    tried++;
    await expect(page.getByRole("heading", { name: /^(Dashboard|Home|Somewhere else)$/ })).toBeVisible();
    expect(offSite, `callbackUrl=${query}`).toEqual([]);
    expect(new URL(page.url()).origin, `callbackUrl=${query}`).toBe(origin);
    // A participant's front page is their Home, everyone else's the Dashboard.
    await expect(page.getByRole("heading", { level: 1, name: /^(Dashboard|Home)$/ })).toBeVisible();
    await context.close();
  }
  recordFigures("open-redirect", { openRedirectsTried: tried });

  // The positive control: a path of ours survives sign-in with its query.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(`/${DEMO_ORG.slug}/profile?x=1`)}`);
  await new SignInPage(page).signIn("coach2@acme.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(`${origin}/${DEMO_ORG.slug}/profile?x=1`);
  await context.close();
});
