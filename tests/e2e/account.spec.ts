import { expect, test } from "@playwright/test";
import { AppPage } from "./pages/app-page";

test("an admin changes the organisation's settings, and the change is in the audit log", async ({ page }) => {
  const app = await AppPage.signIn(page, "admin@acme.test");
  await app.open("Settings");
  await expect(page.getByRole("heading", { name: "Organisation settings" })).toBeVisible();

  await page.getByLabel("Invitation links expire after (days)").fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "At least 1 day" })).toBeVisible();
  await expect(page.getByLabel("Invitation links expire after (days)")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Invitation links expire after (days)").fill("21");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");

  await app.open("Audit log");
  await page.getByLabel("Action").selectOption({ label: "Settings" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=settings/);
  // A sentence with the actor's name, and the field that changed by its label: no codes.
  const row = page.getByRole("row").filter({ hasText: "Adam Admin changed the organisation's settings" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("admin@acme.test");
  await expect(row).not.toContainText("settings.update");
  await row.getByText("What changed").click();
  await expect(row.getByRole("definition").filter({ hasText: "14 → 21" })).toBeVisible();
});

test("a server action posted with a foreign or null Origin is refused and changes nothing", async ({ page }) => {
  const app = await AppPage.signIn(page, "admin@acme.test");
  await app.open("Settings");
  await expect(page.getByRole("heading", { name: "Organisation settings" })).toBeVisible();

  // Capture the browser's own action request (and stop it), then replay it with other Origins.
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route("**/acme/settings", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const headers = await request.allHeaders();
    const keep = ["next-action", "content-type", "accept", "next-router-state-tree"];
    captured = {
      url: request.url(),
      headers: Object.fromEntries(keep.filter((k) => headers[k]).map((k) => [k, headers[k]])),
      body: request.postDataBuffer()!,
    };
    await route.abort();
  });
  await page.getByLabel("Organisation name").fill("Hijacked");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect.poll(() => captured).toBeDefined();

  const replay = (origin?: string) =>
    page.request.post(captured!.url, {
      headers: { ...captured!.headers, ...(origin ? { origin } : {}) },
      data: captured!.body,
      failOnStatusCode: false,
    });
  for (const origin of ["https://evil.example", "null", undefined]) {
    const response = await replay(origin);
    const body = await response.text();
    expect(body.includes("Settings saved."), `origin ${origin}`).toBe(false);
  }
  await page.unroute("**/acme/settings");
  await page.reload();
  await expect(page.getByRole("banner")).toContainText("Acme Coaching");

  // Positive control: the same request from our own origin goes through.
  const ok = await replay(new URL(captured!.url).origin);
  expect(await ok.text()).toContain("Settings saved.");
  await page.reload();
  await expect(page.getByRole("banner")).toContainText("Hijacked");
  await page.getByLabel("Organisation name").fill("Acme Coaching");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
});

test("sign out everywhere ends the session in every browser on its next click", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await AppPage.signInAnew(await first.newPage(), "coach2@acme.test");
  const b = await AppPage.signInAnew(await second.newPage(), "coach2@acme.test");

  await a.open("Profile");
  await a.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(a.page.getByRole("status")).toHaveText("Signed out everywhere.");

  // The other browser still shows the app; its next click finds the session over.
  await b.open("Profile");
  await expect(b.page).toHaveURL(/\/sign-in/);
  await a.page.reload();
  await expect(a.page).toHaveURL(/\/sign-in/);

  // Signing in again works.
  await AppPage.signIn(b.page, "coach2@acme.test");
  await first.close();
  await second.close();
});

test("a participant has no settings or audit log, and their URLs are 404s", async ({ page }) => {
  const app = await AppPage.signIn(page, "sam@acme.test");
  await expect(app.nav().getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(app.nav().getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expect(app.nav().getByRole("link", { name: "Profile" })).toBeVisible();
  expect((await page.goto("/acme/settings"))?.status()).toBe(404);
  expect((await page.goto("/acme/audit"))?.status()).toBe(404);
});
