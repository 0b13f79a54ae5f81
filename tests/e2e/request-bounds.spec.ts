// What a request may carry, checked on the production server before any work: a server action from
// another origin or past the size limit is answered by the proxy or the app server's body gate (403,
// 413) with the security headers and no error in the log; a form of more fields than any of ours is
// refused by the guard, or far more by the gate, without echoing them. This spec runs its own server (tests/support/app-server.ts) to read what it logs.
import { request } from "node:http";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
// The proxy's words and the guard's, as an English reader gets them (the same sentences).
import {
  ACTION_BODY_MAX_BYTES,
  FORM_FIELDS_MAX,
  FORM_TOO_LARGE_TEXT as FORM_TOO_LARGE,
  REQUEST_REFUSED_TEXT as REQUEST_REFUSED,
} from "../../lib/web/request-bounds";
import { startAppServer, type AppServer } from "../support/app-server";
import { E2E_SERVER } from "../support/e2e-database";
import { recordFigures } from "../support/figures";
import { withFields } from "../support/multipart";

const port = E2E_SERVER.spare(40);
let app: AppServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  app = await startAppServer(port);
});
test.afterAll(async () => app?.stop());

type Captured = { url: string; headers: Record<string, string>; body: Buffer };

/** The password-reset action exactly as the browser posts it (the request itself is not sent). */
async function capturePasswordReset(page: Page): Promise<Captured> {
  let captured: Captured | undefined;
  await page.route("**/forgot-password", async (route, request) => {
    if (request.method() !== "POST") return route.continue();
    const headers = request.headers();
    const keep = ["next-action", "content-type", "accept", "next-router-state-tree"];
    captured = {
      url: request.url(),
      headers: Object.fromEntries(keep.filter((k) => headers[k]).map((k) => [k, headers[k]])),
      body: request.postDataBuffer()!,
    };
    await route.abort();
  });
  await page.goto(`${app.url}/forgot-password`);
  await page.getByLabel("Email").fill(`nobody-${crypto.randomUUID()}@example.test`);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect.poll(() => captured).toBeDefined();
  await page.unroute("**/forgot-password");
  return captured!;
}

/** A post whose body goes out in chunks with no Content-Length, as a streaming client sends it. */
function postChunked(url: string, headers: Record<string, string>, body: Buffer) {
  return new Promise<{ status: number; body: unknown; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked" } });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()), headers: res.headers }),
      );
    });
    // The server answers before the body ends and drops the rest: writing on is not a failure.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
    req.end();
  });
}

function expectProxyHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
}

test("a server action from another origin or past the size limit is refused with the security headers, a flood of fields by the guard, and nothing is logged as an error", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const reset = await capturePasswordReset(page);
  const post = (headers: Record<string, string>, body: Buffer = reset.body) =>
    page.request.post(reset.url, { headers: { ...reset.headers, ...headers }, data: body, failOnStatusCode: false, maxRedirects: 0 });
  let tried = 0;
  let breached = 0;
  let serverErrors = 0;
  const refused = async (response: APIResponse, status: number, error: string, what: string) => {
    tried++;
    if (response.status() >= 500) serverErrors++;
    if (response.status() !== status) breached++;
    expect(response.status(), what).toBe(status);
    expect(await response.json(), what).toEqual({ ok: false, error });
    expectProxyHeaders(response, what);
  };

  for (const origin of ["https://evil.example", "null", "http://[not a url", "not a url at all", `${app.url}.evil.example`])
    await refused(await post({ origin }), 403, REQUEST_REFUSED, `Origin ${origin}`);
  // The same post as a form sends it before the page's scripts run (no Next-Action header).
  const { "next-action": _id, ...formHeaders } = reset.headers;
  const noScript = await page.request.post(reset.url, {
    headers: { ...formHeaders, origin: "https://evil.example" },
    data: reset.body,
    failOnStatusCode: false,
  });
  await refused(noScript, 403, REQUEST_REFUSED, "a form post from another origin");

  // One byte past the limit, from our own origin: refused by its stated length, before it is read.
  await refused(
    await post({ origin: app.url }, Buffer.alloc(ACTION_BODY_MAX_BYTES + 1, "a")),
    413,
    FORM_TOO_LARGE,
    "a body past the limit",
  );

  // A form of as many fields as ours may have reaches the guard, which refuses the one too many without
  // echoing them; a flood of far more is cut off by the app server as it arrives, before Next parses it.
  const marker = `fld${crypto.randomUUID().slice(0, 8)}`;
  const atTheGuard = await post({ origin: app.url }, withFields(reset.body, reset.headers["content-type"], FORM_FIELDS_MAX, marker));
  tried++;
  const text = await atTheGuard.text();
  if (atTheGuard.status() >= 500) serverErrors++;
  if (!text.includes(FORM_TOO_LARGE)) breached++;
  expect(atTheGuard.status()).toBe(200);
  expect(text).toContain(FORM_TOO_LARGE);
  expect(text).not.toContain(marker);
  expect(text.length).toBeLessThan(FORM_TOO_LARGE.length + 2_000);
  const flood = await post({ origin: app.url }, withFields(reset.body, reset.headers["content-type"], 8_000, marker));
  expect(await flood.text()).not.toContain(marker);
  await refused(flood, 413, FORM_TOO_LARGE, "a flood of 8,000 fields");
  // Past the byte limit without saying so (chunked): counted as it arrives, 413 rather than Next's 500.
  const chunked = await postChunked(reset.url, { ...reset.headers, origin: app.url }, Buffer.alloc(ACTION_BODY_MAX_BYTES + 1, "a"));
  tried++;
  if (chunked.status >= 500) serverErrors++;
  if (chunked.status !== 413) breached++;
  expect(chunked).toMatchObject({ status: 413, body: { ok: false, error: FORM_TOO_LARGE } });
  expect(chunked.headers["x-content-type-options"]).toBe("nosniff");

  // Positive control: the browser's own request from our origin goes through.
  const ok = await post({ origin: app.url });
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toContain("If an account uses that address");

  recordFigures("request-bounds", { boundsTried: tried, boundsBreached: breached, serverErrors });
  expect(breached).toBe(0);
  expect(serverErrors).toBe(0);
  // Next's own origin check logs each refusal as an error; the proxy answers before it runs.
  expect(app.errors()).not.toMatch(/error|⨯/i);
});
