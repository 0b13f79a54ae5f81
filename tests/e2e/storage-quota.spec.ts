import { expect, test } from "@playwright/test";
import { overQuotaMessage } from "../../lib/files/limits";
import { english } from "../support/english";
import { recordFigures } from "../support/figures";
import { AppPage } from "./pages/app-page";
import { onAppDatabase } from "./pages/database";
import { unique } from "../factories/unique";

// The organisation's storage quota as people meet it: the room left beside every upload form (Pat's
// Files page, the coach's Files tab) and in Settings, a file too big for what is left refused in the
// browser before sending, and one that the browser thought would fit (someone else uploaded meanwhile)
// refused by the server with the same words next to the field. The quota is brought close to what Acme
// uses through the database (setup a browser cannot do); the owner puts it back through Settings.

const stamp = unique();
const KB = 1024;
const MB = 1024 * KB;
const DEFAULT_QUOTA = 5 * 1024 * MB;

/** `size` bytes that sniff as a PDF. */
function pdf(size: number): Buffer {
  const bytes = Buffer.alloc(size, "pathwise ");
  bytes.write("%PDF-1.7\n", 0, "latin1");
  return bytes;
}

const acmeUsed = () =>
  onAppDatabase(async (c) => {
    const { rows } = await c.query<{ used: string }>(
      `SELECT COALESCE(SUM(f."size"), 0)::text AS used FROM "CoacheeFile" f JOIN "Organization" o ON o."id" = f."organizationId" WHERE o."slug" = 'acme'`,
    );
    return Number(rows[0].used);
  });
const setAcmeQuota = (bytes: number) =>
  onAppDatabase((c) => c.query(`UPDATE "Organization" SET "storageQuotaBytes" = $1 WHERE "slug" = 'acme'`, [bytes]));

test("the storage left shows beside each upload form and in Settings; an upload past the quota is refused with the reason", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const used = await acmeUsed();
  try {
    await setAcmeQuota(used + MB);
    const app = await AppPage.signIn(page, "pat@acme.test");
    await app.open("Files");
    await expect(page.getByText(/^Storage: .+ of .+ used, 1 MB left\.$/)).toBeVisible();

    // Too big for what is left: refused in the browser, before a byte is sent.
    const file = page.getByLabel("File", { exact: true });
    await file.setInputFiles({ name: `Big ${stamp}.pdf`, mimeType: "application/pdf", buffer: pdf(2 * MB) });
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("alert").filter({ hasText: english(overQuotaMessage(MB)) })).toBeVisible();

    // Meanwhile 600 KB of the room goes (an upload from another tab); the page still thinks 1 MB is left.
    const origin = new URL(page.url()).origin;
    const coachee = (await file.getAttribute("id"))!.replace("upload-file-", "");
    const url = `/acme/files/upload?coachee=${coachee}&visibility=PRIVATE`;
    const other = await page.request.post(url, {
      headers: { Origin: origin, "X-File-Name": encodeURIComponent(`Other tab ${stamp}.pdf`) },
      data: pdf(600 * KB),
    });
    expect(other.status()).toBe(200);

    // 700 KB passes the browser's check; the server refuses it, and the reason shows by the field.
    const name = `Late ${stamp}.pdf`;
    await file.setInputFiles({ name, mimeType: "application/pdf", buffer: pdf(700 * KB) });
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/files/upload") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Upload" }).click(),
    ]);
    recordFigures("storage-quota e2e", { boundsTried: 1, boundsBreached: answer.ok() ? 1 : 0 });
    expect(answer.status()).toBe(413);
    const refusal = page.getByRole("alert").filter({ hasText: english(overQuotaMessage(424 * KB)) });
    await expect(refusal).toBeVisible();
    await expect(refusal).not.toContainText(name);
    await expect(file).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("link", { name: `Download ${name}` })).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(/^Storage: .+ used, 424 KB left\.$/)).toBeVisible();

    // The coach's Files tab on Pat's profile says the same.
    const carla = await browser.newPage();
    await AppPage.signIn(carla, "coach1@acme.test");
    await carla.goto(`/acme/coachees/${coachee}/files`);
    await expect(carla.getByRole("heading", { name: "Upload a file" })).toBeVisible();
    await expect(carla.getByText(/^Storage: .+ used, 424 KB left\.$/)).toBeVisible();
    await carla.close();

    // An admin sees the quota in Settings but cannot change it; the owner puts it back.
    const adam = await browser.newPage();
    await (await AppPage.signIn(adam, "admin@acme.test")).open("Settings");
    await expect(adam.getByText(/^Storage: .+ of .+ used\.$/)).toBeVisible();
    await expect(adam.getByLabel("Storage quota (GB)")).toHaveCount(0);
    await adam.close();

    const olivia = await browser.newPage();
    await (await AppPage.signIn(olivia, "owner@acme.test")).open("Settings");
    await expect(olivia.getByText(/^Storage: .+ used\.$/)).toBeVisible();
    await olivia.getByLabel("Storage quota (GB)").fill("5");
    await olivia.getByRole("button", { name: "Save settings" }).click();
    await expect(olivia.getByRole("status")).toHaveText("Settings saved.");
    await expect(olivia.getByText(/^Storage: .+ of 5 GB used\.$/)).toBeVisible();
    await olivia.close();
  } finally {
    await setAcmeQuota(DEFAULT_QUOTA);
  }
});
