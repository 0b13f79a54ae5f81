import { expect, test } from "@playwright/test";
import { DEMO_ORG, DEMO_PASSWORD } from "../../prisma/seed";
import { PARTICIPANT_NAV } from "./pages/app-page";
import { SignInPage } from "./pages/sign-in-page";

test("the seeded admin signs in and sees the app shell", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("admin@acme.test", DEMO_PASSWORD);

  await expect(page).toHaveURL(`/${DEMO_ORG.slug}`);
  await expect(page.getByRole("banner")).toContainText(DEMO_ORG.name);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();
  // The e2e server sends mail over SMTP, so there is no development mailbox, not even by its URL.
  await expect(nav.getByRole("link", { name: "Dev mailbox" })).toHaveCount(0);
  expect((await page.goto("/dev/mailbox"))?.status()).toBe(404);
});

test("a participant's navigation shows only what a participant may use", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("pat@acme.test", DEMO_PASSWORD);

  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(PARTICIPANT_NAV);
  await expect(nav.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Dev mailbox" })).toHaveCount(0);
});

test("a wrong password is refused with a message, and nothing opens", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("admin@acme.test", "not-the-password");

  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await page.goto(`/${DEMO_ORG.slug}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});

test("an organisation the user does not belong to is a 404", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn("admin@acme.test", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  const response = await page.goto("/some-other-org");
  expect(response?.status()).toBe(404);
});

test("on a phone the navigation folds behind a Menu button that says whether it is open, and works by keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn("admin@acme.test", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Main", includeHidden: true });
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(nav).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  // It names what it shows: the navigation and the account block.
  const controls = (await menu.getAttribute("aria-controls"))!.split(" ");
  expect(controls).toContain(await nav.getAttribute("id"));

  // Keyboard: Enter opens, Escape closes and the focus is back on the button.
  // (An Enter pressed before the page has hydrated does nothing: pressed again until the menu answers.)
  await expect(async () => {
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
  }).toPass();
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  // Following a link opens its page and folds the menu away.
  await menu.click();
  await nav.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");

  // From the md breakpoint up there is no button: the navigation is always there.
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(menu).toBeHidden();
  await expect(nav).toBeVisible();
});

test("the first Tab reaches a skip link, seen only when focused, that moves the focus to the page's content", async ({ page }) => {
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn("pm@acme.test", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto(`/${DEMO_ORG.slug}/programmes`);

  const skip = page.getByRole("link", { name: "Skip to main content" });
  const width = async () => (await skip.boundingBox())?.width ?? 0;
  expect(await width()).toBeLessThanOrEqual(1); // visually hidden until focused
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await expect.poll(width).toBeGreaterThan(50);
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  // The next Tab lands inside the page, past the header and navigation.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
});

test("a page that does not exist in an organisation is a branded 404 inside the shell; outside, a branded 404 of its own", async ({
  page,
}) => {
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn("coach1@acme.test", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  for (const path of [
    `/${DEMO_ORG.slug}/no-such-page`,
    `/${DEMO_ORG.slug}/pathways/${crypto.randomUUID()}`,
    `/${DEMO_ORG.slug}/settings`,
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" }), path).toBeVisible();
    await expect(page.getByRole("banner"), path).toContainText(DEMO_ORG.name);
    await expect(page.getByRole("navigation", { name: "Main" }), path).toBeVisible();
  }
  await page.getByRole("main").getByRole("link", { name: "Go to the dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  // Outside any organisation, and in one the user does not belong to: no shell, nothing about it.
  for (const path of ["/no-such-page", "/some-other-org/settings"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" }), path).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }), path).toHaveCount(0);
  }
});

test("the app has its icon: a favicon, an SVG icon, a touch icon and a manifest", async ({ page, request }) => {
  await page.goto("/sign-in");
  const icons = await page
    .locator('link[rel="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute("href")!));
  expect(icons).toEqual(expect.arrayContaining(["/favicon.ico", "/icon.svg", "/apple-touch-icon.png", "/manifest.webmanifest"]));
  for (const [path, type] of [
    ["/favicon.ico", /icon/],
    ["/icon.svg", /image\/svg\+xml/],
    ["/apple-touch-icon.png", /image\/png/],
    ["/manifest.webmanifest", /manifest\+json|json/],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }
  expect(await (await request.get("/manifest.webmanifest")).json()).toMatchObject({
    name: "Pathwise",
    icons: expect.arrayContaining([expect.objectContaining({ src: "/icon.svg" })]),
  });
});
