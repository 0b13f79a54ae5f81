import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { Disk } from "flydrive";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors";
import { deleteFile, downloadFile, getFile, listFiles, shareFile } from "../../lib/files/files";
import { uploadFile, type UploadInput } from "../../lib/files/upload";
import { RangeNotSatisfiableError } from "../../lib/files/ranges";
import { REFUSED_PROGRAM, REFUSED_TEXT, REFUSED_TYPE, REFUSED_WEB_PAGE } from "../../lib/files/sniff";
import { listNotifications } from "../../lib/notifications/centre";
import type { TestActor } from "../factories/actor";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createPrivacyWorld, type PrivacyWorld } from "../support/privacy";
import { peakMemoryGrowth } from "../support/memory";
import { chunks, FILE_STORES, objectsOf, PDF, type Store } from "../support/file-stores";
import { english } from "../support/english";

const db = testDb();
const MB = 1024 * 1024;

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5b1a8d20000000049454e44ae426082",
  "hex",
);

async function bytesOf(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(parts);
}

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the upload is refused").toBeInstanceOf(ValidationError);
  return english((error as ValidationError).fieldErrors.file?.[0] ?? (error as Error).message);
}

/** A generated stream of `size` bytes in 1 MiB chunks, opening like a PDF, and the SHA-256 of what it yielded. */
function generated(size: number) {
  const hash = createHash("sha256");
  let sent = 0;
  const chunk = Buffer.alloc(MB, "pathwise ");
  PDF.copy(chunk, 0, 0, 9);
  async function* gen() {
    while (sent < size) {
      const part = chunk.subarray(0, Math.min(MB, size - sent));
      hash.update(part);
      sent += part.length;
      yield part;
    }
  }
  return { stream: Readable.from(gen()), digest: () => hash.digest("hex") };
}

describe.each(FILE_STORES)("files on %s", (_, open) => {
  let store: Store;
  let w: PrivacyWorld;
  let disk: Disk;
  beforeAll(async () => {
    store = await open();
    disk = store.disk;
    w = await createPrivacyWorld(db);
  });
  afterAll(async () => store?.stop());

  const upload = (by: TestActor, input: Partial<UploadInput> & Pick<UploadInput, "body">, maxBytes?: number) =>
    uploadFile(
      db,
      by,
      { coacheeMembershipId: w.coachee.membershipId, visibility: "SHARED", name: "notes.pdf", ...input },
      { disk, maxBytes },
    );

  it("a coach uploads a shared file; the coachee lists it, downloads the same bytes and is told", async () => {
    const file = await upload(w.coach, { name: "Session plan é.pdf", body: chunks(PDF) });
    expect(file).toMatchObject({ originalName: "Session plan é.pdf", mimeType: "application/pdf", size: PDF.length, visibility: "SHARED" });
    const row = await db.coacheeFile.findFirstOrThrow({ where: { organizationId: w.org.id, id: file.id } });
    expect(row.storageKey).toMatch(new RegExp(`^${w.org.id}/${w.coachee.membershipId}/[0-9a-f-]{36}$`));
    expect(row.storageKey).not.toContain("Session");

    const list = await listFiles(db, w.coachee, w.coachee.membershipId);
    expect(list.files.map((f) => f.originalName)).toContain("Session plan é.pdf");
    const { file: shown, stream } = await downloadFile(db, w.coachee, { fileId: file.id }, { disk });
    expect(shown).toMatchObject({ uploaderName: "Test coach", mine: false });
    expect(await bytesOf(stream)).toEqual(PDF);
    const told = await listNotifications(db, w.coachee);
    expect(told.items.map((n) => n.sentence).join("\n")).toContain("Session plan é.pdf");
  });

  it("refuses programs, web pages and SVG by their bytes, whatever the name; nothing is stored", async () => {
    const before = await objectsOf(disk, w.org.id);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
    const mz = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]);
    const cases: Array<[string, Buffer, string]> = [
      ["report.pdf", elf, REFUSED_PROGRAM],
      ["report.pdf", mz, REFUSED_PROGRAM],
      ["setup.txt", Buffer.from("#!/bin/sh\nrm -rf ~\n"), REFUSED_PROGRAM],
      ["page.txt", Buffer.from("\ufeff  <!doctype html><html><body><script>alert(1)</script></body></html>"), REFUSED_WEB_PAGE],
      ["photo.png", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'), REFUSED_WEB_PAGE],
      ["archive.pdf", Buffer.from("504b0304140000000000", "hex"), REFUSED_TYPE],
      ["notes.docx", Buffer.from("just words, no document"), REFUSED_TYPE],
      ["notes.txt", Buffer.from("caf\xe9 latin-1", "latin1"), REFUSED_TEXT],
      ["notes.csv", Buffer.from("a,b\u0000,c\n"), REFUSED_TEXT],
      // A small file cut inside its last character (the whole file fits in the sniffed head).
      ["short.txt", Buffer.from([0x63, 0x61, 0x66, 0xc3]), REFUSED_TEXT],
    ];
    for (const [name, bytes, message] of cases)
      expect(await refusal(upload(w.coach, { name, body: chunks(bytes) })), name).toBe(english(message));
    // Invalid UTF-8 far past the sniffed head is caught as it streams, and the partial object removed.
    const late = Buffer.concat([Buffer.alloc(200_000, "a"), Buffer.from([0xff, 0xfe]), Buffer.alloc(10, "b")]);
    expect(await refusal(upload(w.coach, { name: "long.txt", body: chunks(late.subarray(0, 100_000), late.subarray(100_000)) }))).toBe(
      english(REFUSED_TEXT),
    );
    expect(await objectsOf(disk, w.org.id)).toEqual(before);
    expect(await db.coacheeFile.count({ where: { organizationId: w.org.id, originalName: { in: cases.map((c) => c[0]) } } })).toBe(0);
    // Positive controls: text, CSV and Markdown that are UTF-8 text, and an image.
    for (const [name, bytes] of [
      ["notes.txt", Buffer.from("Plain words, café ✓\n")],
      ["scores.csv", Buffer.from("\ufeffname,score\nPat,3\n")],
      ["plan.md", Buffer.from("# Plan\n\n- one\n")],
      ["photo.PNG", PNG],
    ] as const)
      expect((await upload(w.coach, { name, body: chunks(bytes) })).originalName).toBe(name);
  });

  it("keeps a file under a name that ends as its bytes are; refuses names that hide how they end", async () => {
    // A PDF named like a web page or an HTML application is kept, and downloaded, as a PDF.
    const polyglot = Buffer.concat([Buffer.from("%PDF-1.7\n<html><script>alert(1)</script></html>\n"), PDF]);
    expect((await upload(w.coach, { name: "report.html", body: chunks(polyglot) })).originalName).toBe("report.html.pdf");
    expect((await upload(w.coach, { name: "plan.hta", body: chunks(PNG) })).originalName).toBe("plan.hta.png");
    expect((await upload(w.coach, { name: "photo.jpeg", body: chunks(PDF) })).originalName).toBe("photo.jpeg.pdf");
    // Right-to-left override: "plan\u202Efdp.hta" shows as "planath.pdf". Zero-width characters likewise.
    for (const name of ["plan\u202Efdp.hta", "re\u200Bport.pdf"])
      expect(await refusal(upload(w.coach, { name, body: chunks(PDF) })), name).toBe(
        "The file's name has characters that cannot be kept; rename it.",
      );
  });

  it("refuses one byte over the limit while streaming (nothing stored) and accepts exactly the limit", async () => {
    const before = await objectsOf(disk, w.org.id);
    const limit = 100_000;
    const body = (size: number) => chunks(PDF, Buffer.alloc(size - PDF.length - 1000, "x"), Buffer.alloc(1000, "y"));
    expect(await refusal(upload(w.coach, { name: "over.pdf", body: body(limit + 1) }, limit))).toBe(
      "The file is larger than 97.7 KB, the most a file may be.",
    );
    // A declared size over the limit is refused before a byte is read.
    const untouched = {
      [Symbol.asyncIterator]() {
        throw new Error("read");
      },
    };
    expect(await refusal(upload(w.coach, { name: "big.pdf", body: untouched, declaredSize: limit + 1 }, limit))).toMatch(/larger than/);
    expect(await objectsOf(disk, w.org.id)).toEqual(before);
    const exact = await upload(w.coach, { name: "exact.pdf", body: body(limit), declaredSize: limit }, limit);
    expect(exact.size).toBe(limit);
  });

  it("a download by another organisation's member, or anyone the file is not visible to, is not found", async () => {
    const file = await upload(w.coachee, { name: "mine.pdf", visibility: "PRIVATE", body: chunks(PDF) });
    for (const stranger of [w.other.coach, w.coach, w.otherCoach])
      await expect(downloadFile(db, stranger, { fileId: file.id }, { disk })).rejects.toBeInstanceOf(NotFoundError);
    // Admins (here or elsewhere) are refused before anything is read.
    for (const admin of [w.other.admin, w.admin])
      await expect(downloadFile(db, admin, { fileId: file.id }, { disk })).rejects.toBeInstanceOf(ForbiddenError);
    // Positive control: the uploader downloads it.
    expect(await bytesOf((await downloadFile(db, w.coachee, { fileId: file.id }, { disk })).stream)).toEqual(PDF);
    recordFigures(`files ${store.name}`, { crossTenantAttempts: 2 });
  });

  it("reads only the bytes a Range asks for (a-b, a-, -n), the whole file for a range it does not understand, 416 past the end", async () => {
    const body = Buffer.concat([PDF, Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251))]);
    const file = await upload(w.coach, { name: "long.pdf", body: chunks(body) });
    const read = async (range: string | null) => {
      const { part, stream } = await downloadFile(db, w.coachee, { fileId: file.id, range }, { disk });
      return { part, bytes: await bytesOf(stream) };
    };
    const size = body.length;
    const cases: Array<[string, number, number]> = [
      ["bytes=0-99", 0, 99],
      ["bytes=100-", 100, size - 1],
      ["bytes=-10", size - 10, size - 1],
      ["bytes=4000-999999", 4000, size - 1],
      [`bytes=${size - 1}-${size - 1}`, size - 1, size - 1],
      [`bytes=-${size + 50}`, 0, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const { part, bytes } = await read(range);
      expect(part, range).toEqual({ start, end });
      expect(bytes.equals(body.subarray(start, end + 1)), range).toBe(true);
    }
    // Not understood (another unit, two ranges, end before start): the whole file, as if not asked.
    for (const range of [null, "items=0-1", "bytes=0-1,5-6", "bytes=9-3", "bytes=-"]) {
      const { part, bytes } = await read(range);
      expect(part, String(range)).toBeNull();
      expect(bytes.equals(body), String(range)).toBe(true);
    }
    for (const range of [`bytes=${size}-`, `bytes=${size + 10}-${size + 20}`, "bytes=-0"]) {
      const error = await downloadFile(db, w.coachee, { fileId: file.id, range }, { disk }).catch((e: unknown) => e);
      expect(error, range).toBeInstanceOf(RangeNotSatisfiableError);
      expect((error as RangeNotSatisfiableError).size).toBe(size);
    }
    // Whoever may not see the file learns nothing from a range either.
    await expect(downloadFile(db, w.other.coach, { fileId: file.id, range: "bytes=0-0" }, { disk })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("only the uploader shares, unshares and deletes; deleting removes the object and the notifications", async () => {
    const file = await upload(w.coach, { name: "Private plan.pdf", visibility: "PRIVATE", body: chunks(PDF) });
    await expect(getFile(db, w.coachee, { fileId: file.id })).rejects.toBeInstanceOf(NotFoundError);
    await shareFile(db, w.coach, { fileId: file.id, shared: true });
    expect((await getFile(db, w.coachee, { fileId: file.id })).visibility).toBe("SHARED");
    const sentences = async (who: TestActor) => (await listNotifications(db, who)).items.map((n) => n.sentence).join("\n");
    expect(await sentences(w.coachee)).toContain("Private plan.pdf");
    expect(await sentences(w.secondCoach)).toContain("Private plan.pdf");
    // Someone who sees it but did not upload it changes nothing.
    await expect(shareFile(db, w.coachee, { fileId: file.id, shared: false })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteFile(db, w.secondCoach, { fileId: file.id }, { disk })).rejects.toBeInstanceOf(ForbiddenError);
    await shareFile(db, w.coach, { fileId: file.id, shared: false });
    await expect(getFile(db, w.coachee, { fileId: file.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await sentences(w.coachee)).not.toContain("Private plan.pdf");

    const { storageKey } = await db.coacheeFile.findFirstOrThrow({ where: { organizationId: w.org.id, id: file.id } });
    expect(await disk.exists(storageKey)).toBe(true);
    expect(await deleteFile(db, w.coach, { fileId: file.id }, { disk })).toMatchObject({ objectRemoved: true });
    expect(await disk.exists(storageKey)).toBe(false);
    await expect(getFile(db, w.coach, { fileId: file.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("streams 100 MB up and down with flat memory", { timeout: 300_000 }, async () => {
    const size = 100 * MB;
    const source = generated(size);
    const up = await peakMemoryGrowth(() => upload(w.coach, { name: "recording.pdf", body: source.stream, declaredSize: size }, 200 * MB));
    expect(up.result.size).toBe(size);
    const down = await peakMemoryGrowth(async () => {
      const { stream } = await downloadFile(db, w.coach, { fileId: up.result.id }, { disk });
      const hash = createHash("sha256");
      let bytes = 0;
      for await (const chunk of stream) {
        hash.update(chunk as Uint8Array);
        bytes += (chunk as Uint8Array).byteLength;
      }
      return { bytes, digest: hash.digest("hex") };
    });
    expect(down.result).toEqual({ bytes: size, digest: source.digest() });
    const rss = Math.max(up.rssMB, down.rssMB);
    const heap = Math.max(up.heapMB, down.heapMB);
    console.log(
      `files ${store.name}: 100 MB up and down, peak memory growth MB: rss ${rss.toFixed(1)}, heap+buffers ${heap.toFixed(1)} (up rss ${up.rssMB.toFixed(1)}, down rss ${down.rssMB.toFixed(1)})`,
    );
    // The security line sums figures, so it counts the streamed runs whose memory grew past 50 MB (the
    // peaks themselves are printed above, one line per store).
    recordFigures(`files ${store.name}`, { fileBytesStreamed: 2 * size, fileStreamsOver50MB: rss >= 50 || heap >= 50 ? 1 : 0 });
    expect(heap).toBeLessThan(50);
    expect(rss).toBeLessThan(50);
  });
});
