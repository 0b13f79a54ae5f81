// Route handlers under /[org] (downloads and the CSV upload) are guarded like server actions, by
// memberRoute: signed out, another organisation's member or a member without the permission get what
// a missing page gives; the upload also refuses a request from anywhere but our own origin.
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { DEMO_ORG } from "../../prisma/seed";
import { recordFigures } from "../support/figures";
import { AppPage } from "./pages/app-page";

const ORG = `/${DEMO_ORG.slug}`;
const DOWNLOADS = [`${ORG}/users/export`, `${ORG}/reports/export`, `${ORG}/imports/template`, `${ORG}/imports/${crypto.randomUUID()}/red`];
const UPLOAD = `${ORG}/imports/upload`;
const FILE = {
  name: "one.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(
    "username,first_name,last_name,email,programme,startdate,primary_coach,timezone\r\nguard@fuzz.test,Guard,Row,guard@fuzz.test,,,,Europe/London\r\n",
  ),
};

async function signedIn(browser: Browser, email: string | null): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (email) await AppPage.signIn(page, email);
  return page.request;
}

test("downloads and the upload answer only members with the permission, from our own origin", async ({ browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const upload = (request: APIRequestContext, headers: Record<string, string> = { origin }) =>
    request.post(UPLOAD, { headers, multipart: { org: DEMO_ORG.slug, cohortId: "", file: FILE }, failOnStatusCode: false });
  let refused = 0;
  const expectRefused = async (response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, body?: unknown) => {
    refused++;
    expect(response.status(), response.url()).toBe(status);
    if (body) expect(await response.json()).toEqual(body);
    else expect(await response.text()).not.toContain(",");
  };

  const anonymous = await signedIn(browser, null);
  for (const url of DOWNLOADS) await expectRefused(await anonymous.get(url, { failOnStatusCode: false, maxRedirects: 0 }), 404);
  await expectRefused(await upload(anonymous), 401, { ok: false, error: "Your session has ended. Sign in again." });

  // The owner of another organisation: this one does not exist for them.
  const stranger = await signedIn(browser, "owner@northwind.test");
  for (const url of DOWNLOADS) await expectRefused(await stranger.get(url, { failOnStatusCode: false }), 404);
  await expectRefused(await upload(stranger), 404, { ok: false, error: "Not found." });

  // A coach of this organisation: a member, without the permission.
  const coach = await signedIn(browser, "coach1@acme.test");
  for (const url of DOWNLOADS) await expectRefused(await coach.get(url, { failOnStatusCode: false }), 404);
  await expectRefused(await upload(coach), 403, { ok: false, error: "You do not have permission to do that." });

  // The admin: downloads work; the upload works from our origin only.
  const admin = await signedIn(browser, "admin@acme.test");
  const template = await admin.get(`${ORG}/imports/template`);
  expect(template.status()).toBe(200);
  expect(template.headers()["content-disposition"]).toContain("attachment");
  expect((await admin.get(`${ORG}/reports/export`)).status()).toBe(200);
  await expectRefused(await admin.get(DOWNLOADS[3], { failOnStatusCode: false }), 404); // an import that does not exist
  for (const headers of [{}, { origin: "null" }, { origin: "https://evil.example" }] as Record<string, string>[]) {
    await expectRefused(await upload(admin, headers), 403, { ok: false, error: "Request refused." });
  }
  const ours = await upload(admin);
  expect(ours.status()).toBe(200);
  expect(await ours.json()).toMatchObject({ ok: true, data: { importId: expect.any(String) } });

  recordFigures("route-guards", { routeRequestsRefused: refused });
});
