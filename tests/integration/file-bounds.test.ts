import type { Disk } from "flydrive";
import { readerFor } from "../../lib/i18n/translator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeChanges } from "../../lib/audit/changes";
import { listAuditEvents } from "../../lib/audit/list";
import { ForbiddenError, ValidationError } from "../../lib/errors";
import { uploadFile, type UploadInput } from "../../lib/files/upload";
import { overQuotaMessage, tooLargeMessage, uploadRateMessage } from "../../lib/files/limits";
import {
  getStorageUsage,
  reserveUpload,
  RESERVATION_TTL_MS,
  STORAGE_QUOTA_DEFAULT_BYTES,
  UPLOAD_RATES,
  UploadBoundError,
  type UploadRates,
} from "../../lib/files/quota";
import { sweepOrphanFiles } from "../../lib/files/sweep";
import { settingsSchema, updateSettings } from "../../lib/orgs/settings";
import { LIMITS } from "../../lib/security/rate-limit";
import type { TestActor } from "../factories/actor";
import { testDb } from "../support/db";
import { english } from "../support/english";
import { recordFigures } from "../support/figures";
import { chunks, FILE_STORES, objectsOf, PDF, pdfOfSize, type Store } from "../support/file-stores";
import { createWorld, type World } from "../support/world";

// The sentences as an English reader reads them.
const en = await readerFor("en");

// The storage bounds of files (lib/files/quota.ts, lib/files/sweep.ts), on the local disk and on S3:
// the organisation's quota at its bound and one byte past it, parallel uploads racing for the last of
// it, the hourly upload rate per member, the orphan sweep, and who may set the quota.

const db = testDb();
const MB = 1024 * 1024;
/** Rates out of the way, for the cases about the quota (each world's members start with a fresh allowance anyway). */
const ROOMY: UploadRates = { uploads: { limit: 1000, windowSeconds: 3600 }, bytes: { limit: 1000 * MB, windowSeconds: 3600 } };

/** The refusal's message and HTTP status, or null when the work succeeded. */
async function refusal(work: Promise<unknown>): Promise<{ message: string; status: number } | null> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (error === null) return null;
  expect(error, "refused as expected input, not a crash").toBeInstanceOf(ValidationError);
  const e = error as ValidationError;
  return { message: english(e.fieldErrors.file?.[0] ?? e.message), status: e instanceof UploadBoundError ? e.status : 400 };
}

const setQuota = (organizationId: string, bytes: number) =>
  db.organization.update({ where: { id: organizationId }, data: { storageQuotaBytes: BigInt(bytes) } });

const reservationsOf = (organizationId: string) => db.fileUploadReservation.count({ where: { organizationId } });

describe.each(FILE_STORES)("storage bounds on %s", (_, open) => {
  let store: Store;
  let disk: Disk;
  const figures = { boundsTried: 0, boundsBreached: 0 };
  /** One attempt past a bound: counted as tried, and as breached when it got through. */
  async function overBound(work: Promise<unknown>) {
    figures.boundsTried++;
    const refused = await refusal(work);
    if (!refused) figures.boundsBreached++;
    return refused;
  }

  beforeAll(async () => {
    store = await open();
    disk = store.disk;
  });
  afterAll(async () => {
    recordFigures(`file-bounds ${store.name}`, figures);
    await store?.stop();
  });

  const upload = (w: World, by: TestActor, input: Partial<UploadInput> & Pick<UploadInput, "body">, rates: UploadRates = ROOMY) =>
    uploadFile(
      db,
      by,
      { coacheeMembershipId: w.participant.membershipId, visibility: "SHARED", name: "notes.pdf", ...input },
      { disk, rates },
    );

  it("accepts an upload that fills the quota exactly and refuses one byte past it, before reading, with nothing kept", async () => {
    const w = await createWorld(db);
    expect(w.org.storageQuotaBytes).toBe(BigInt(STORAGE_QUOTA_DEFAULT_BYTES));
    expect(STORAGE_QUOTA_DEFAULT_BYTES).toBe(5 * 1024 * MB);
    await setQuota(w.org.id, 100_000);
    await upload(w, w.coach, { body: pdfOfSize(60_000), declaredSize: 60_000 });
    expect(await getStorageUsage(db, w.coach)).toEqual({ used: 60_000, quota: 100_000, remaining: 40_000 });

    // One byte past the quota: refused before a byte is read (the body throws if touched).
    const untouched = {
      [Symbol.asyncIterator]() {
        throw new Error("read");
      },
    };
    const before = await objectsOf(disk, w.org.id);
    expect(await overBound(upload(w, w.coach, { body: untouched, declaredSize: 40_001 }))).toEqual({
      message: english(overQuotaMessage(40_000)),
      status: 413,
    });
    // Without a declared size the upload reserves the largest file size, which does not fit either.
    expect((await overBound(upload(w, w.participant, { body: pdfOfSize(1000) })))?.message).toBe(english(overQuotaMessage(40_000)));
    // A body longer than it said is stopped where the declared size ends.
    expect((await overBound(upload(w, w.coach, { body: pdfOfSize(30_000), declaredSize: 20_000 })))?.message).toBe(
      "The upload was longer than its declared size. Try again.",
    );
    expect(await objectsOf(disk, w.org.id)).toEqual(before);
    expect(await reservationsOf(w.org.id)).toBe(0);

    // Exactly the rest fits; then nothing more does.
    expect((await upload(w, w.participant, { body: pdfOfSize(40_000), declaredSize: 40_000 })).size).toBe(40_000);
    expect(await getStorageUsage(db, w.participant)).toEqual({ used: 100_000, quota: 100_000, remaining: 0 });
    expect(await overBound(upload(w, w.coach, { body: chunks(Buffer.from("a")), name: "a.txt", declaredSize: 1 }))).toEqual({
      message: english(overQuotaMessage(0)),
      status: 413,
    });
    // The per-file limit answers in the same shape.
    expect(
      await refusal(
        uploadFile(
          db,
          w.coach,
          { coacheeMembershipId: w.participant.membershipId, visibility: "SHARED", name: "big.pdf", body: untouched, declaredSize: 11 },
          { disk, maxBytes: 10 },
        ),
      ),
    ).toEqual({
      message: english(tooLargeMessage(10)),
      status: 413,
    });
    expect(await reservationsOf(w.org.id)).toBe(0);
  });

  it("parallel uploads racing for the last room: exactly those that fit are stored, none pass the quota together", async () => {
    const w = await createWorld(db);
    const size = 30_000;
    await setQuota(w.org.id, 5 * size);
    const attempts = Array.from({ length: 12 }, (_, i) =>
      upload(w, i % 2 ? w.participant : w.coach, { name: `race ${i}.pdf`, body: pdfOfSize(size), declaredSize: size }),
    );
    const results = await Promise.all(attempts.map((a) => refusal(a)));
    const stored = results.filter((r) => r === null).length;
    const refused = results.filter((r) => r !== null);
    figures.boundsTried += refused.length;
    figures.boundsBreached += Math.max(0, stored - 5);
    expect(stored).toBe(5);
    for (const r of refused) expect(r).toMatchObject({ status: 413, message: expect.stringMatching(/^Not enough storage left/) });
    const { used } = await getStorageUsage(db, w.coach);
    expect(used).toBe(5 * size);
    expect((await objectsOf(disk, w.org.id)).length).toBe(5);
    expect(await reservationsOf(w.org.id)).toBe(0);
  });

  it("another organisation's files never count towards the quota", async () => {
    const a = await createWorld(db);
    const b = await createWorld(db);
    await setQuota(a.org.id, 50_000);
    await upload(b, b.coach, { body: pdfOfSize(45_000), declaredSize: 45_000 });
    await reserveUpload(db, b.participant, {
      bytes: 40_000,
      storageKey: `${b.org.id}/${b.participant.membershipId}/${crypto.randomUUID()}`,
    });
    expect(await getStorageUsage(db, a.coach)).toEqual({ used: 0, quota: 50_000, remaining: 50_000 });
    expect((await upload(a, a.coach, { body: pdfOfSize(50_000), declaredSize: 50_000 })).size).toBe(50_000);
    expect(await getStorageUsage(db, b.coach)).toMatchObject({ used: 85_000 });
    recordFigures(`file-bounds ${store.name}`, { crossTenantAttempts: 1 });
  });

  it(`refuses a member's upload past ${LIMITS.uploadsPerMember.limit} an hour, and past their bytes an hour; others upload on`, async () => {
    const w = await createWorld(db);
    expect(UPLOAD_RATES).toEqual({ uploads: LIMITS.uploadsPerMember, bytes: LIMITS.uploadBytesPerMember });
    expect(LIMITS.uploadsPerMember).toEqual({ limit: 30, windowSeconds: 3600 });
    expect(LIMITS.uploadBytesPerMember).toEqual({ limit: 500 * MB, windowSeconds: 3600 });
    // The default rate, file by file: the 30th is accepted, the 31st refused.
    for (let i = 1; i <= LIMITS.uploadsPerMember.limit; i++)
      await upload(
        w,
        w.coach,
        { name: `n${i}.txt`, body: chunks(Buffer.from(`note ${i}\n`)), declaredSize: `note ${i}\n`.length },
        UPLOAD_RATES,
      );
    const rateMessage = english(uploadRateMessage(30, 500 * MB));
    expect(
      await overBound(upload(w, w.coach, { name: "n31.txt", body: chunks(Buffer.from("x\n")), declaredSize: 2 }, UPLOAD_RATES)),
    ).toEqual({
      message: rateMessage,
      status: 429,
    });
    // A refused attempt uses nothing up: still refused, not further behind.
    expect(
      (await overBound(upload(w, w.coach, { name: "n32.txt", body: chunks(Buffer.from("x\n")), declaredSize: 2 }, UPLOAD_RATES)))?.status,
    ).toBe(429);
    // Per member: the coachee uploads on.
    expect((await upload(w, w.participant, { name: "mine.txt", body: chunks(Buffer.from("mine\n")) }, UPLOAD_RATES)).size).toBe(5);

    // Bytes an hour (a small allowance, so the test sends little): at the bound, then one byte past it.
    const bytes: UploadRates = { uploads: LIMITS.uploadsPerMember, bytes: { limit: 100_000, windowSeconds: 3600 } };
    const coachee = await createWorld(db);
    await upload(coachee, coachee.participant, { body: pdfOfSize(60_000), declaredSize: 60_000 }, bytes);
    // A type refused from its first bytes gives back what it reserved.
    const program = chunks(Buffer.from("MZ"), Buffer.alloc(100));
    expect((await refusal(upload(coachee, coachee.participant, { name: "x.pdf", body: program, declaredSize: 102 }, bytes)))?.status).toBe(
      400,
    );
    expect(await overBound(upload(coachee, coachee.participant, { body: pdfOfSize(40_001), declaredSize: 40_001 }, bytes))).toEqual({
      message: english(uploadRateMessage(30, 100_000)),
      status: 429,
    });
    expect((await upload(coachee, coachee.participant, { body: pdfOfSize(40_000), declaredSize: 40_000 }, bytes)).size).toBe(40_000);
    expect(await reservationsOf(coachee.org.id)).toBe(0);
  });

  it("sweeps objects whose row is gone, keeping live files, uploads in flight and anything younger than the grace period", async () => {
    const w = await createWorld(db);
    const key = (org = w.org.id) => `${org}/${w.participant.membershipId}/${crypto.randomUUID()}`;
    const live = await upload(w, w.coach, { name: "live.pdf", body: chunks(PDF) });
    const liveKey = (await db.coacheeFile.findFirstOrThrow({ where: { organizationId: w.org.id, id: live.id } })).storageKey;
    // A delete whose object removal failed after commit: the row is gone, the object stays.
    const deleted = await upload(w, w.coach, { name: "gone.pdf", body: chunks(PDF) });
    const orphan = (await db.coacheeFile.findFirstOrThrow({ where: { organizationId: w.org.id, id: deleted.id } })).storageKey;
    await db.coacheeFile.delete({ where: { organizationId_id: { organizationId: w.org.id, id: deleted.id } } });
    // An upload in flight: reserved, its object being written.
    const inFlight = key();
    await reserveUpload(db, w.coach, { bytes: PDF.length, storageKey: inFlight });
    await disk.put(inFlight, PDF);
    // Another organisation's orphan, and something in the store that no upload made.
    const foreign = key(w.other.org.id);
    await disk.put(foreign, PDF);
    await disk.put("notes/readme.txt", "not a file of ours");

    // Within the grace period even the orphan is kept: a young object may belong to an upload just settling.
    expect((await sweepOrphanFiles(db, disk, { organizationId: w.org.id })).removed).toEqual([]);
    // "Now" a little ahead, so that no store's rounding of an object's time makes it look newer than now.
    const soon = new Date(Date.now() + 5000);
    const swept = await sweepOrphanFiles(db, disk, { organizationId: w.org.id, graceMs: 0, now: soon });
    expect(swept.removed).toEqual([orphan]);
    expect(await disk.exists(orphan)).toBe(false);
    for (const kept of [liveKey, inFlight, foreign, "notes/readme.txt"]) expect(await disk.exists(kept), kept).toBe(true);

    // A reservation left by a crash stops counting when it expires, and the sweep clears it and its object.
    expect((await getStorageUsage(db, w.coach)).used).toBe(2 * PDF.length);
    const later = new Date(Date.now() + RESERVATION_TTL_MS + 1000);
    const cleared = await sweepOrphanFiles(db, disk, { organizationId: w.org.id, graceMs: 0, now: later });
    expect(cleared).toMatchObject({ removed: [inFlight], reservationsExpired: 1 });
    expect(await reservationsOf(w.org.id)).toBe(0);
    expect(await disk.exists(liveKey)).toBe(true);

    // The whole store: the other organisation's orphan goes too; what no upload made stays.
    const all = await sweepOrphanFiles(db, disk, { graceMs: 0, now: later });
    expect(all.removed).toContain(foreign);
    expect(all.removed.every((k) => !k.startsWith(w.org.id))).toBe(true);
    expect(await disk.exists("notes/readme.txt")).toBe(true);
    expect(await disk.exists(liveKey)).toBe(true);
  });
});

describe("the storage quota setting", () => {
  const input = (over: Record<string, unknown> = {}) =>
    settingsSchema.parse({
      name: "Quota Org",
      invitationExpiryDays: "14",
      defaultInvitationMessage: "",
      implementationAdminsEnabled: "",
      implementationAdminDomains: "",
      ...over,
    });

  it("only an OWNER sets the storage quota; an ADMIN's attempt changes nothing; the change is audited", async () => {
    const w = await createWorld(db);
    const before = await db.organization.findUniqueOrThrow({ where: { id: w.org.id } });
    await expect(updateSettings(db, w.admin, input({ storageQuotaGb: "50" }))).rejects.toThrow(ForbiddenError);
    const after = await db.organization.findUniqueOrThrow({ where: { id: w.org.id } });
    expect(after).toMatchObject({ storageQuotaBytes: BigInt(STORAGE_QUOTA_DEFAULT_BYTES), name: before.name });
    // The ADMIN saving the form with the quota as it is (or without it) is no change of plan.
    expect((await updateSettings(db, w.admin, input({ storageQuotaGb: "5" }))).storageQuotaBytes).toBe(STORAGE_QUOTA_DEFAULT_BYTES);

    // Positive control: the OWNER.
    const saved = await updateSettings(db, w.owner, input({ storageQuotaGb: "12.5" }));
    expect(saved.storageQuotaBytes).toBe(12.5 * 1024 * MB);
    expect(await getStorageUsage(db, w.owner)).toMatchObject({ quota: 12.5 * 1024 * MB });
    const [event] = (await listAuditEvents(db, w.owner, { page: 1, action: "settings.update" })).events;
    expect(event.before).toMatchObject({ storageQuotaBytes: STORAGE_QUOTA_DEFAULT_BYTES });
    expect(event.after).toMatchObject({ storageQuotaBytes: 12.5 * 1024 * MB });
    expect(describeChanges(en, event.before, event.after)).toContainEqual({
      field: "storageQuotaBytes",
      label: "Storage quota",
      before: "5 GB",
      after: "12.5 GB",
    });
    recordFigures("file-bounds settings", { wrongRoleAttempts: 1 });
  });

  it("refuses a quota under 0.01 GB or over 100,000 GB with a message by the field", () => {
    for (const [value, message] of [
      ["0", "At least 0.01 GB"],
      ["100001", "At most 100,000 GB"],
      ["lots", "Enter a number of GB"],
    ]) {
      const parsed = settingsSchema.safeParse({ ...input(), storageQuotaGb: value });
      expect(parsed.success, value).toBe(false);
      expect(english(parsed.error?.issues[0])).toMatchObject({ path: ["storageQuotaGb"], message });
    }
  });
});
