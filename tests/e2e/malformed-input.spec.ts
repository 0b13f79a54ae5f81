import { expect, test, type APIRequestContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { DEMO_ORG } from "../../prisma/seed";
import { FILE_TOO_BIG as FILE_TOO_BIG_MESSAGE, MAX_IMPORT_BYTES } from "../../lib/imports/limits";
import { english } from "../support/english";
import { recordFigures } from "../support/figures";
import { AppPage } from "./pages/app-page";

const FILE_TOO_BIG = english(FILE_TOO_BIG_MESSAGE);

const ORG = `/${DEMO_ORG.slug}`;

// One sign-in for the whole file (sign-in is rate-limited per account); each test opens its own
// context with that session.
let session: BrowserContextOptions["storageState"];
test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await AppPage.signIn(await context.newPage(), "owner@acme.test");
  session = await context.storageState();
  await context.close();
});
test.use({ storageState: async ({}, use) => use(session) });

// What a hostile or careless link carries: NUL (raw and as text), huge, negative, not numbers, arrays,
// dates outside any calendar we use, quotes and LIKE's wildcards.
const VALUES = [
  "\u0000",
  "a\u0000b",
  "%00",
  "x".repeat(10_000),
  "-1",
  "1e308",
  "NaN",
  "[]",
  "0000-01-01",
  "99999-12-31",
  "'",
  "%",
  "_",
  "\\",
];

/** A response that is an error on our side: a 5xx, a body cut off mid-stream, or an error boundary's page. */
async function serverError(request: APIRequestContext, url: string): Promise<string | null> {
  const what = url.slice(0, 120);
  try {
    const response = await request.get(url, { failOnStatusCode: false, maxRedirects: 0 });
    if (response.status() >= 500) return `${response.status()} ${what}`;
    // The error page's heading as rendered (its words also travel in every page's client messages).
    if ((await response.text()).includes(">Something went wrong</h1>")) return `error page ${what}`;
  } catch (error) {
    return `cut off (${(error as Error).message.split("\n")[0]}) ${what}`;
  }
  return null;
}

async function ids(page: Page) {
  await page.goto(`${ORG}/programmes`);
  const programme = (await page.getByRole("link", { name: "Leadership Essentials" }).first().getAttribute("href"))!;
  const cohort = (await page.getByRole("link", { name: "Spring 2026" }).first().getAttribute("href"))!;
  await page.goto(cohort);
  const pathway = await page.locator(`a[href^="${ORG}/pathways/"]`).first().getAttribute("href");
  await page.goto(`${ORG}/users`);
  const user = (await page.getByRole("link", { name: "Pat Participant" }).getAttribute("href"))!;
  // An import preview to fuzz: a one-row file through the upload form.
  await page.goto(`${ORG}/users/import`);
  await page.getByLabel("CSV file").setInputFiles({
    name: "fuzz.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "username,first_name,last_name,email,programme,startdate,primary_coach,timezone\r\nfuzz@fuzz.test,Fuzz,Row,fuzz@fuzz.test,,,,Europe/London\r\n",
    ),
  });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Import check: fuzz.csv" })).toBeVisible();
  const preview = new URL(page.url()).pathname;
  return { programme, cohort, pathway, user, preview };
}

test("every list page's URL parameters, fuzzed, answer without a server error", async ({ page }) => {
  test.setTimeout(300_000);
  const { programme, cohort, pathway, user, preview } = await ids(page);

  // Each list page with the parameters it reads; the others get the parameters lists usually have.
  const generic = ["page", "q", "sort"];
  const targets: [string, string[]][] = [
    [`${ORG}/users`, ["q", "role", "status", "invitation", "unit", "joined", "sort", "dir", "page"]],
    [`${ORG}/users/export`, ["q", "role", "status", "invitation", "unit", "joined", "sort", "dir", "page"]],
    [`${ORG}/audit`, ["actor", "action", "target", "from", "to", "page"]],
    [`${ORG}/calendar`, ["view", "date", "coach"]],
    [cohort, ["status", "reason", "coach", "sort", "dir"]],
    [preview, ["colour", "page"]],
    [`${ORG}/pathways/new`, ["cohort"]],
    [`${ORG}/invitations`, generic],
    [`${ORG}/programmes`, generic],
    [programme, generic],
    [`${ORG}/reports`, generic],
    [`${ORG}/reports/export`, generic],
    [`${ORG}/units`, generic],
    [user, generic],
    ...(pathway ? [[pathway, generic] as [string, string[]]] : []),
    ["/sign-in", ["callbackUrl"]],
  ];
  const failures: string[] = [];
  let requests = 0;
  const check = async (url: string) => {
    requests++;
    const failure = await serverError(page.request, url);
    if (failure) failures.push(failure);
  };
  for (const [path, params] of targets) {
    for (const param of params) {
      for (const value of VALUES) await check(`${path}?${new URLSearchParams({ [param]: value })}`);
      // Repeated and bracketed keys: a list's parser must not turn them into arrays it chokes on.
      await check(`${path}?${param}=1&${param}=2`);
      await check(`${path}?${param}[]=1`);
    }
  }
  // The path's own parameters: the organisation and the ids in it.
  for (const segment of ["%00", "a%00b", "x".repeat(2_000), "-1", "%25", "_", "'"]) {
    await check(`/${segment}/users`);
    for (const base of [`${ORG}/users`, `${ORG}/programmes`, `${ORG}/cohorts`, `${ORG}/pathways`, `${ORG}/imports`])
      await check(`${base}/${segment}`);
  }

  recordFigures("url-fuzz", { fuzzedUrlParams: requests, serverErrors: failures.length });
  expect(failures).toEqual([]);
  expect(requests).toBeGreaterThan(500);
});

test("the coach's and the participant's pages, their URL parameters fuzzed, answer without a server error", async ({ browser }) => {
  test.setTimeout(300_000);
  const failures: string[] = [];
  let requests = 0;
  const fuzz = async (page: Page, targets: [string, string[]][], ids: string[]) => {
    const check = async (url: string) => {
      requests++;
      const failure = await serverError(page.request, url);
      if (failure) failures.push(failure);
    };
    for (const [path, params] of targets) {
      // A path may carry a query already (a profile's tab): the fuzzed parameter joins it.
      const q = path.includes("?") ? "&" : "?";
      for (const param of params) {
        for (const value of VALUES) await check(`${path}${q}${new URLSearchParams({ [param]: value })}`);
        await check(`${path}${q}${param}=1&${param}=2`);
        await check(`${path}${q}${param}[]=1`);
      }
    }
    // The ids in their paths: NUL, huge, not uuids.
    for (const segment of ["%00", "a%00b", "x".repeat(2_000), "-1", "%25", "_", "'"])
      for (const base of ids) await check(`${base}/${segment}`);
  };

  // Carla, a coach: her coachees (Pat among them), groups, a profile's tabs, sessions and messages.
  const coach = await (await browser.newContext({ storageState: undefined })).newPage();
  await AppPage.signIn(coach, "coach1@acme.test");
  await coach.goto(`${ORG}/coachees`);
  const profile = (await coach.getByRole("link", { name: "Pat Participant" }).first().getAttribute("href"))!;
  await coach.goto(`${ORG}/coachees/groups`);
  const group = await coach.locator(`a[href^="${ORG}/coachees/groups/"]:not([href$="/new"])`).first().getAttribute("href");
  await fuzz(
    coach,
    [
      [`${ORG}/coachees`, ["q", "status", "group", "sort", "dir", "page"]],
      [`${ORG}/coachees/groups`, ["page"]],
      [`${ORG}/coachees/groups/new`, ["q", "status"]],
      ...(group ? [[group, ["q", "status"]] as [string, string[]]] : []),
      [profile, ["tab", "page"]],
      [`${profile}/actions`, ["status", "sort", "dir", "page"]],
      [`${profile}/goals`, ["goal", "thread"]],
      [`${profile}/notes`, ["q", "show", "page"]],
      [`${profile}/sessions/new`, ["pathway"]],
      [`${ORG}/sessions`, ["page", "past"]],
      [`${ORG}/calendar`, ["view", "date", "coach"]],
      [`${ORG}/messages`, ["page"]],
      [`${ORG}/messages/${profile.split("/").pop()}`, ["page"]],
    ],
    [`${ORG}/coachees`, `${ORG}/coachees/groups`, `${ORG}/messages`],
  );
  await coach.context().close();

  // Pat, a participant: home, goals, actions, sessions, messages.
  const participant = await (await browser.newContext({ storageState: undefined })).newPage();
  await AppPage.signIn(participant, "pat@acme.test");
  await fuzz(
    participant,
    [
      [ORG, ["page"]],
      [`${ORG}/goals`, ["page"]],
      [`${ORG}/actions`, ["status", "sort", "dir", "page"]],
      [`${ORG}/sessions`, ["page", "past"]],
      [`${ORG}/calendar`, ["view", "date", "coach"]],
      [`${ORG}/messages`, ["page"]],
    ],
    [`${ORG}/messages`],
  );
  await participant.context().close();

  recordFigures("url-fuzz", { fuzzedUrlParams: requests, serverErrors: failures.length });
  expect(failures).toEqual([]);
  expect(requests).toBeGreaterThan(300);
});

/** A one-row import file, then the same file padded past the limit with more rows of the same shape. */
const SMALL =
  "username,first_name,last_name,email,programme,startdate,primary_coach,timezone\r\noversize@fuzz.test,Over,Size,oversize@fuzz.test,,,,Europe/London\r\n";
const ROW = "pad@fuzz.test,Pad,Row,pad@fuzz.test,,,,Europe/London\r\n";
const padding = (bytes: number) => ROW.repeat(Math.ceil(bytes / ROW.length)).slice(0, bytes);

test("an upload over the limit that gets past the browser's check is refused with the browser's own words", async ({ page }) => {
  await page.goto(`${ORG}/users/import`);

  // The browser's check: a chosen file over the limit is never sent.
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(SMALL + padding(MAX_IMPORT_BYTES)) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText(FILE_TOO_BIG)).toBeVisible();

  // A small file whose request grows past the limit on the way (as from a script, or a proxy that
  // does not run our page's check): the server answers with the same words, and nothing is kept.
  await page.route("**/*", async (route) => {
    const request = route.request();
    const body = request.method() === "POST" ? request.postDataBuffer() : null;
    const at = body?.indexOf(SMALL) ?? -1;
    if (!body || at < 0) return route.continue();
    const grown = Buffer.concat([
      body.subarray(0, at),
      Buffer.from(SMALL + padding(MAX_IMPORT_BYTES + 2 * 1024 * 1024)),
      body.subarray(at + SMALL.length),
    ]);
    return route.continue({ postData: grown });
  });
  await page.getByLabel("CSV file").setInputFiles({ name: "small.csv", mimeType: "text/csv", buffer: Buffer.from(SMALL) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText(FILE_TOO_BIG)).toBeVisible();
  await expect(page).toHaveURL(`${ORG}/users/import`);
  await page.unroute("**/*");
});

test("the upload route refuses an oversized body by its length or as it streams, with a 413 and the same message", async ({
  page,
  context,
  baseURL,
}) => {
  const url = `${baseURL}${ORG}/imports/upload`;
  const origin = new URL(baseURL!).origin;
  const multipart = (content: string) => ({
    org: DEMO_ORG.slug,
    cohortId: "",
    file: { name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(content) },
  });

  // Declared length over the limit (what a browser sends): refused before the body is read.
  const declared = await page.request.post(url, {
    headers: { origin },
    multipart: multipart(SMALL + padding(12 * 1024 * 1024)),
    failOnStatusCode: false,
  });
  expect(declared.status()).toBe(413);
  expect(await declared.json()).toEqual({ ok: false, error: "Check the highlighted fields.", fieldErrors: { file: [FILE_TOO_BIG] } });

  // A file just over the limit inside a body the route reads: the same words from the file check.
  const justOver = await page.request.post(url, {
    headers: { origin },
    multipart: multipart(SMALL + padding(MAX_IMPORT_BYTES - SMALL.length + 10)),
    failOnStatusCode: false,
  });
  expect(justOver.status()).toBe(400);
  expect((await justOver.json()).fieldErrors.file).toEqual([FILE_TOO_BIG]);

  // No length at all (chunked): counted as it arrives, and cut off at the limit.
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const boundary = "fuzzboundary";
  const chunk = new TextEncoder().encode(padding(256 * 1024));
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        new TextEncoder().encode(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n${SMALL}`,
        ),
      );
    },
    pull(controller) {
      if (sent > 8 * 1024 * 1024) {
        controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
        controller.close();
        return;
      }
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const chunked = await fetch(url, {
    method: "POST",
    headers: { cookie, origin, "content-type": `multipart/form-data; boundary=${boundary}` },
    body: stream,
    duplex: "half",
  } as RequestInit);
  expect(chunked.status).toBe(413);
  expect(((await chunked.json()) as { fieldErrors: { file: string[] } }).fieldErrors.file).toEqual([FILE_TOO_BIG]);

  // The positive control: the small file goes through and opens its preview.
  const small = await page.request.post(url, { headers: { origin }, multipart: multipart(SMALL), failOnStatusCode: false });
  expect(small.status()).toBe(200);
  const { ok, data } = (await small.json()) as { ok: boolean; data: { importId: string } };
  expect(ok).toBe(true);
  expect((await page.goto(`${ORG}/imports/${data.importId}`))?.status()).toBe(200);
});

test("a NUL typed into a form field is dropped, not a database error", async ({ page }) => {
  await page.goto(`${ORG}/settings`);
  const message = page.getByLabel("Default invitation message");
  const before = await message.inputValue();
  // Browsers keep a NUL a script puts in a field; the request carries it to the server action.
  await page.route(`**${ORG}/settings`, async (route) => {
    const body = route.request().method() === "POST" ? route.request().postDataBuffer() : null;
    if (!body) return route.continue();
    return route.continue({ postData: Buffer.from(body.toString("utf8").replace("NUL-HERE", "\u0000"), "utf8") });
  });
  await message.fill("Welcome NUL-HERE aboard");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await page.unroute(`**${ORG}/settings`);
  await page.reload();
  await expect(message).toHaveValue("Welcome  aboard");

  await message.fill(before);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
});

test("Next's image optimiser, which the app does not use, answers a stranger without a server error", async ({ request }) => {
  const urls = [
    "/_next/image?url=%2Fx.png&w=64&q=75",
    "/_next/image?url=%2Ficon.svg&w=64&q=75",
    "/_next/image?url=https%3A%2F%2Fevil.example%2Fx.png&w=64&q=75",
  ];
  const statuses = await Promise.all(urls.map(async (url) => (await request.get(url, { maxRedirects: 0 })).status()));
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  recordFigures("image-route", { fuzzedUrlParams: urls.length, serverErrors: statuses.filter((s) => s >= 500).length });
});
