import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { REFUSED_PROGRAM } from "../../lib/files/sniff";
import { english } from "../support/english";
import { AppPage } from "./pages/app-page";
import { unique } from "../factories/unique";

const stamp = unique();
const MB = 1024 * 1024;

/** `size` bytes that sniff as a PDF. */
function pdf(size: number): Buffer {
  const bytes = Buffer.alloc(size, "pathwise ");
  bytes.write("%PDF-1.7\n", 0, "latin1");
  return bytes;
}

test("a coach uploads a shared file on Pat's profile with visible progress; Pat finds it on Files and downloads it; a program is refused", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const name = `Session plan ${stamp} é.pdf`;
  const content = pdf(2 * MB);

  await AppPage.signIn(page, "coach1@acme.test");
  await page.getByRole("region", { name: "Pathways" }).getByRole("link", { name: "Pat Participant" }).first().click();
  await page.getByRole("link", { name: "Coachee profile of Pat Participant" }).click();
  await page.getByRole("navigation", { name: "Coachee profile" }).getByRole("link", { name: "Files" }).click();
  await expect(page).toHaveURL(/\/coachees\/[^/?]+\/files(?:[?#]|$)/);
  await expect(page.getByText(/Up to 100 MB: PDF/)).toBeVisible();

  // A program renamed .pdf is refused, with the reason next to the field.
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096)]);
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: `tool ${stamp}.pdf`, mimeType: "application/pdf", buffer: elf });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("alert").filter({ hasText: english(REFUSED_PROGRAM) })).toBeVisible();
  await expect(page.getByRole("link", { name: `Download tool ${stamp}.pdf` })).toHaveCount(0);

  // A shared upload on a slow connection: the bar says how far it has got.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 512 * 1024 });
  await page.getByLabel("File", { exact: true }).setInputFiles({ name, mimeType: "application/pdf", buffer: content });
  await expect(page.getByLabel(/Shared with Pat Participant and their coaches/)).toBeChecked();
  await page.getByRole("button", { name: "Upload" }).click();
  const bar = page.getByRole("progressbar", { name: new RegExp(`Uploading ${name}: \\d+%`) });
  await expect(bar).toBeVisible();
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(page.getByRole("status").filter({ hasText: `Uploaded ${name}.` })).toBeVisible({ timeout: 30_000 });
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Download ${name}` }) });
  await expect(row).toContainText("2 MB");
  await expect(row).toContainText("PDF");
  await expect(row).toContainText("Shared");

  // Pat finds it under Files and downloads it: the name she sees, the bytes the coach sent.
  const pat = await browser.newPage();
  const app = await AppPage.signIn(pat, "pat@acme.test");
  await app.open("Files");
  await expect(pat.getByRole("heading", { level: 1, name: "Files" })).toBeVisible();
  const patRow = pat.getByRole("row").filter({ has: pat.getByRole("link", { name: `Download ${name}` }) });
  await expect(patRow).toContainText("Carla");
  await expect(patRow).toContainText("Only the uploader can change it");
  const [download] = await Promise.all([pat.waitForEvent("download"), pat.getByRole("link", { name: `Download ${name}` }).click()]);
  expect(download.suggestedFilename()).toBe(name);
  expect((await readFile(await download.path())).equals(content)).toBe(true);

  // The download route's headers, for Pat; a missing id is a plain 404.
  const href = (await pat.getByRole("link", { name: `Download ${name}` }).getAttribute("href"))!;
  const response = await pat.request.get(href);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-disposition"]).toBe(
    `attachment; filename="Session plan ${stamp} _.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
  expect(headers["cache-control"]).toBe("private, no-store, no-transform");
  expect(headers["content-length"]).toBe(String(content.length));
  expect(headers["content-type"]).toBe("application/pdf");
  // HEAD answers the same headers, without the bytes (and without opening the object).
  const head = await pat.request.head(href);
  expect(head.status()).toBe(200);
  expect(head.headers()["content-disposition"]).toBe(headers["content-disposition"]);
  expect(head.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await head.body()).toHaveLength(0);
  // A PDF is never shown inline, even when asked.
  expect((await pat.request.get(`${href}?inline=1`)).headers()["content-disposition"]).toMatch(/^attachment;/);
  expect((await pat.request.get(href.replace(/files\/[^/]+\//, `files/${crypto.randomUUID()}/`))).status()).toBe(404);
  await pat.close();

  // Another organisation's member (Adam coaches in Northwind; in Acme he is an admin, who never reads files): not found.
  const adam = await browser.newPage();
  await AppPage.signIn(adam, "admin@acme.test");
  const fileId = href.split("/")[3];
  for (const path of [href, `/northwind/files/${fileId}/download`]) {
    const refused = await adam.request.get(path);
    expect(refused.status(), path).toBe(404);
    expect(refused.headers()["content-disposition"], path).toBeUndefined();
    // Refusals carry the app's security headers too (the proxy does not run for the file routes).
    expect(refused.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(refused.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
  await adam.close();
});

test("the upload route streams a file past 10 MB, refuses another origin, and says what is wrong", async ({ page }) => {
  await AppPage.signIn(page, "pat@acme.test");
  await page.goto("/acme/files");
  const pat = await page.evaluate(() => document.querySelector("input[type=file]")!.id.replace("upload-file-", ""));
  const origin = new URL(page.url()).origin;
  const url = `/acme/files/upload?coachee=${pat}&visibility=PRIVATE`;
  const name = `Recording ${stamp}.pdf`;
  const body = pdf(12 * MB);

  const foreign = await page.request.post(url, { headers: { Origin: "https://evil.example", "X-File-Name": "x.pdf" }, data: body });
  expect(foreign.status()).toBe(403);

  const html = await page.request.post(url, {
    headers: { Origin: origin, "X-File-Name": "page.txt" },
    data: Buffer.from("<html><script>alert(1)</script></html>"),
  });
  expect(html.status()).toBe(400);
  expect((await html.json()).fieldErrors.file[0]).toMatch(/Web pages, SVG images and XML files cannot be uploaded/);

  const ok = await page.request.post(url, { headers: { Origin: origin, "X-File-Name": encodeURIComponent(name) }, data: body });
  expect(ok.status()).toBe(200);
  const { data } = await ok.json();
  const back = await page.request.get(`/acme/files/${data.id}/download`);
  expect((await back.body()).equals(body)).toBe(true);
});

test("a download says its length and answers a byte range, so a large file or a video resumes", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await AppPage.signIn(page, "pat@acme.test");
  await page.goto("/acme/files");
  const pat = await page.evaluate(() => document.querySelector("input[type=file]")!.id.replace("upload-file-", ""));
  const origin = new URL(page.url()).origin;
  const body = pdf(3 * MB + 17);
  for (let i = 9; i < body.length; i += 997) body[i] = i % 256;
  const uploaded = await page.request.post(`/acme/files/upload?coachee=${pat}&visibility=PRIVATE`, {
    headers: { Origin: origin, "X-File-Name": `Video ${stamp}.pdf` },
    data: body,
  });
  expect(uploaded.status()).toBe(200);
  const url = `/acme/files/${(await uploaded.json()).data.id}/download`;
  const size = body.length;

  const whole = await page.request.get(url);
  expect(whole.status()).toBe(200);
  expect(whole.headers()["content-length"]).toBe(String(size));
  expect(whole.headers()["accept-ranges"]).toBe("bytes");
  expect((await whole.body()).equals(body)).toBe(true);

  const parts: Array<[string, number, number]> = [
    ["bytes=0-99", 0, 99],
    [`bytes=${MB}-`, MB, size - 1],
    ["bytes=-1000", size - 1000, size - 1],
    [`bytes=${size - 10}-${size + 500}`, size - 10, size - 1],
  ];
  for (const [range, start, end] of parts) {
    const part = await page.request.get(url, { headers: { Range: range } });
    expect(part.status(), range).toBe(206);
    expect(part.headers()["content-range"], range).toBe(`bytes ${start}-${end}/${size}`);
    expect(part.headers()["content-length"], range).toBe(String(end - start + 1));
    expect(part.headers()["content-disposition"], range).toMatch(/^attachment;/);
    expect((await part.body()).equals(body.subarray(start, end + 1)), range).toBe(true);
    // HEAD answers the same headers without the bytes.
    const head = await page.request.head(url, { headers: { Range: range } });
    expect(head.status(), `HEAD ${range}`).toBe(206);
    expect(head.headers()["content-range"], `HEAD ${range}`).toBe(`bytes ${start}-${end}/${size}`);
    expect(head.headers()["content-length"], `HEAD ${range}`).toBe(String(end - start + 1));
  }
  for (const range of [`bytes=${size}-`, "bytes=-0"]) {
    for (const method of ["get", "head"] as const) {
      const beyond = await page.request[method](url, { headers: { Range: range }, failOnStatusCode: false });
      expect(beyond.status(), `${method} ${range}`).toBe(416);
      expect(beyond.headers()["content-range"], `${method} ${range}`).toBe(`bytes */${size}`);
      expect(beyond.headers()["x-content-type-options"], `${method} ${range}`).toBe("nosniff");
      expect(beyond.headers()["content-security-policy"], `${method} ${range}`).toContain("frame-ancestors 'none'");
    }
  }
  // Two ranges at once are not served as parts: the whole file, as if no range was asked.
  const both = await page.request.get(url, { headers: { Range: "bytes=0-1,5-6" } });
  expect(both.status()).toBe(200);
  expect(both.headers()["content-length"]).toBe(String(size));
  // Someone the file is not visible to learns nothing from a range either.
  const coach = await browser.newPage();
  await AppPage.signIn(coach, "admin@acme.test");
  expect((await coach.request.get(url, { headers: { Range: "bytes=0-0" }, failOnStatusCode: false })).status()).toBe(404);
  await coach.close();
});
