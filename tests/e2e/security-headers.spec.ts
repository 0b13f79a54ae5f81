import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { DEMO_ORG } from "../../prisma/seed";
import { AppPage } from "./pages/app-page";

const ORG = `/${DEMO_ORG.slug}`;

type Headers = Record<string, string>;

/** The policy's directives by name: "script-src" -> ["'self'", "'nonce-…'", …]. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** The headers every response must carry; returns the response's script nonce. */
function expectSecurityHeaders(headers: Headers, what: string, referrer = "strict-origin-when-cross-origin"): string {
  const csp = headers["content-security-policy"];
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  const d = directives(csp);
  expect(d.get("default-src"), what).toEqual(["'self'"]);
  expect(d.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(d.get("object-src"), what).toEqual(["'none'"]);
  expect(d.get("base-uri"), what).toEqual(["'self'"]);
  expect(d.get("form-action"), what).toEqual(["'self'"]);
  const scripts = d.get("script-src") ?? [];
  // Only our origin and this response's nonce: no inline scripts, no other host, no eval.
  expect(scripts, what).not.toContain("'unsafe-inline'");
  expect(scripts, what).not.toContain("'unsafe-eval'");
  expect(
    scripts.every((s) => s === "'self'" || s === "'strict-dynamic'" || /^'nonce-[A-Za-z0-9+/]{22}==?'$/.test(s)),
    `${what}: ${scripts}`,
  ).toBe(true);
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `${what}: a script nonce`).toBeTruthy();
  for (const [name, values] of d) {
    // Every source list allows our origin only (plus data:/blob: images and nonces).
    for (const v of values)
      expect(
        ["'self'", "'none'", "'strict-dynamic'", "data:", "blob:"].includes(v) || v.startsWith("'nonce-"),
        `${what}: ${name} ${v}`,
      ).toBe(true);
  }
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe(referrer);
  expect(headers["permissions-policy"], what).toMatch(/camera=\(\)/);
  expect(headers["permissions-policy"], what).toMatch(/geolocation=\(\)/);
  // APP_URL is http here: no HSTS (it would pin a name to https that does not serve it).
  expect(headers["strict-transport-security"], what).toBeUndefined();
  return nonce!;
}

async function headersOf(response: Response | APIResponse | null): Promise<Headers> {
  expect(response).toBeTruthy();
  return "allHeaders" in response! ? response.allHeaders() : response!.headers();
}

async function captureAction(page: Page, trigger: () => Promise<void>) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && Boolean(r.request().headers()["next-action"])),
    trigger(),
  ]);
  return response;
}

test("a page, an action's response, a route handler, a 404 and an error page all carry the security headers", async ({ page }) => {
  await AppPage.signIn(page, "pm@acme.test");

  // A page: its scripts carry this response's nonce, and a second response gets another one.
  const first = await page.goto(`${ORG}/profile`);
  expect(first?.status()).toBe(200);
  const nonce = expectSecurityHeaders(await headersOf(first), "page");
  // Every script the server wrote carries it (those Next adds later are trusted through 'strict-dynamic').
  const scriptTags = (await first!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
  const second = await page.request.get(`${ORG}/profile`);
  expect(expectSecurityHeaders(await headersOf(second), "page again")).not.toBe(nonce);

  // A server action's response (saving the profile as it is changes nothing).
  const action = await captureAction(page, () => page.getByRole("button", { name: "Save details" }).click());
  expect(action.status()).toBe(200);
  expectSecurityHeaders(await headersOf(action), "server action response");
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();

  // An error page: the same action with a body Next cannot decode fails inside Next itself.
  const request = action.request();
  const broken = await page.request.post(request.url(), {
    headers: {
      "next-action": request.headers()["next-action"],
      origin: new URL(request.url()).origin,
      "content-type": "text/plain;charset=UTF-8",
    },
    data: "[not a flight payload",
    failOnStatusCode: false,
  });
  expect(broken.status()).toBe(500);
  expectSecurityHeaders(await headersOf(broken), `error response (${broken.status()})`);

  // A route handler.
  const csv = await page.request.get(`${ORG}/users/export`);
  expect(csv.status()).toBe(200);
  expectSecurityHeaders(await headersOf(csv), "route handler");

  // A 404, inside and outside the organisation.
  for (const path of [`${ORG}/no-such-page`, "/no-such-page"]) {
    const missing = await page.goto(path);
    expect(missing?.status(), path).toBe(404);
    expectSecurityHeaders(await headersOf(missing), `404 ${path}`);
  }

  // next-auth's own route handlers too.
  expectSecurityHeaders(await headersOf(await page.request.get("/api/auth/session")), "next-auth session");
});

test("pages whose URL holds a token send no referrer; others send only our origin across sites", async ({ request }) => {
  for (const path of ["/invite/not-a-real-token", "/reset-password/not-a-real-token", "/sign-up/verify/not-a-real-token"]) {
    const response = await request.get(path, { failOnStatusCode: false });
    expectSecurityHeaders(response.headers(), path, "no-referrer");
  }
  for (const path of ["/sign-in", "/sign-up", "/forgot-password", "/invite", "/reset-password"]) {
    const response = await request.get(path, { failOnStatusCode: false });
    expectSecurityHeaders(response.headers(), path);
  }
  // A static asset is no exception: never sniffed as anything else.
  const signIn = await (await request.get("/sign-in")).text();
  const asset = /\/_next\/static\/[^"']+\.js/.exec(signIn)?.[0];
  expect(asset).toBeTruthy();
  expect((await request.get(asset!)).headers()["x-content-type-options"]).toBe("nosniff");
});

test("a path ending in a slash or with repeated slashes is redirected to the plain one, with the security headers, and never to another site", async ({
  request,
  baseURL,
}) => {
  const APP = baseURL!;
  const cases: Array<[string, string]> = [
    ["/sign-in/", "/sign-in"],
    [`${ORG}/profile/?tab=x`, `${ORG}/profile?tab=x`],
    ["/no-such-page/", "/no-such-page"],
    // Repeated slashes: folded on our own origin, so `//host` never leads to that host.
    ["//sign-in", "/sign-in"],
    ["//evil.example/x?y=1", "/evil.example/x?y=1"],
    [`${ORG}//coachees/`, `${ORG}/coachees`],
  ];
  for (const [from, to] of cases) {
    const response = await request.get(`${APP}${from}`, { maxRedirects: 0, failOnStatusCode: false });
    expect(response.status(), from).toBe(308);
    // Relative, or absolute on our own origin.
    expect(new URL(response.headers()["location"], APP).href, from).toBe(new URL(to, APP).href);
    expectSecurityHeaders(response.headers(), `redirect ${from}`);
  }
  // Following it lands on the page, which carries them too.
  const landed = await request.get("/sign-in/");
  expect(landed.url()).toMatch(/\/sign-in$/);
  expectSecurityHeaders(landed.headers(), "after the redirect");
});

test("the app runs under its policy: no page breaks a rule, and forms still work", async ({ page }) => {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const collect = async () => violations.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));

  await page.goto("/sign-in");
  await collect();
  const app = await AppPage.signIn(page, "owner@acme.test");
  await collect();
  for (const [label, path] of [
    ["Programmes", "programmes"],
    ["Reports", "reports"],
    ["Users", "users"],
    ["Invitations", "invitations"],
    ["Units", "units"],
    ["Settings", "settings"],
    ["Audit log", "audit"],
  ]) {
    await app.open(label);
    await expect(page).toHaveURL(`${ORG}/${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await collect();
  }
  // A client-side form still runs (hydrated scripts): filtering the users list through the URL.
  await app.open("Users");
  await page.getByLabel("Role").selectOption({ label: "Coach" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/role=COACH/);
  await collect();
  // Full loads, not only client-side navigations: the server's HTML is what the policy judges first.
  for (const path of [`${ORG}/units`, `${ORG}/users?role=COACH`, `${ORG}/no-such-page`, "/no-such-page"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await collect();
  }
  expect(violations).toEqual([]);
});
