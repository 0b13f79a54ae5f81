import { Readable } from "node:stream";
import { z } from "zod";
import type { Disk } from "flydrive";
import type { Db } from "../db/client";
import type { FileVisibility } from "../db/generated/enums";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { NotFoundError, fieldError, isExpectedError } from "../errors";
import { assertCoacheeMaterialRole, reachCoachee } from "../coaching/material";
import { isId } from "../web/form-fields";
import { FileRefusedError, nameWithType, SNIFF_BYTES, TextCheck, sniff } from "./sniff";
import { tooLargeMessage } from "./limits";
import { releaseReservation, reserveUpload, settleReservation, UploadBoundError, UPLOAD_RATES, type Reservation } from "./quota";
import { fileDisk, fileMaxBytes, uploadSettled } from "./storage";

import { notifyShared, type FileOptions } from "./files";
import { msg } from "../i18n/msg";

// Uploading a file to a coachee's profile: the bytes stream from the request to storage through a size
// counter and the sniffer (lib/files/sniff.ts), within the storage quota reserved first (./quota.ts),
// and the row is written once the object is whole. Who may upload, and everything else about files
// (lists, downloads, sharing, deleting), is in ./files.ts.

export const FILE_NAME_MAX = 255;

/**
 * The name the uploader's browser gave, as shown in lists: its last path segment (some browsers send a
 * path), control characters and the Unicode separators refused like every name, at most 255 characters.
 */
export function cleanFileName(raw: string): string {
  const name = raw.split(/[\\/]/).pop()!.trim();
  if (!name) throw fieldError("file", msg("Files.upload.choose"));
  // Format characters too (U+202E and the other bidi controls, zero-width ones): a name must read as it is.
  if (/[\u0000-\u001f\u007f\u2028\u2029\p{Cf}]/u.test(name)) throw fieldError("file", msg("Files.server.nameCharacters"));
  if ([...name].length > FILE_NAME_MAX) throw fieldError("file", msg("Files.server.nameTooLong", { max: FILE_NAME_MAX }));
  return name;
}

export const visibilityField = z.enum(["PRIVATE", "SHARED"], { error: msg("Files.server.chooseVisibilityField") });

export type UploadInput = {
  coacheeMembershipId: string;
  visibility: FileVisibility;
  /** The uploader's name for the file (kept in the row only). */
  name: string;
  /** The bytes, as they arrive (a request body, a Node stream, any async iterable of chunks). */
  body: AsyncIterable<Uint8Array>;
  /**
   * The size the client declared (Content-Length), when it did: refused at once when over the limit, and
   * what the upload reserves of the storage quota (without it, the largest file size is reserved).
   */
  declaredSize?: number;
};

async function reach(db: Db, actor: Actor, coacheeMembershipId: string) {
  if (!isId(coacheeMembershipId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction((tx) => reachCoachee(tx, actor, coacheeMembershipId));
}

/**
 * Reads the first SNIFF_BYTES (or the whole file, if smaller), decides what the file is, then yields
 * every byte on to storage, counting: past `maxBytes` it stops reading and throws `over()`, and a text
 * file is checked as it passes.
 */
async function checkedStream(body: AsyncIterable<Uint8Array>, name: string, maxBytes: number, over: () => Error) {
  const iterator = body[Symbol.asyncIterator]();
  let size = 0;
  const count = (chunk: Uint8Array) => {
    size += chunk.byteLength;
    if (size > maxBytes) throw over();
  };
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let ended = false;
  try {
    while (headBytes < SNIFF_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      count(next.value);
      head.push(next.value);
      headBytes += next.value.byteLength;
    }
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  const first = Buffer.concat(head);
  let sniffed;
  try {
    sniffed = await sniff(first.subarray(0, SNIFF_BYTES), name);
  } catch (error) {
    await iterator.return?.();
    throw error instanceof FileRefusedError ? fieldError("file", error.message) : error;
  }
  const text = sniffed.text ? new TextCheck() : null;
  async function* bytes() {
    try {
      text?.push(first);
      yield first;
      if (ended) {
        text?.end();
        return;
      }
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        count(next.value);
        text?.push(next.value);
        yield next.value;
      }
      text?.end();
    } catch (error) {
      throw error instanceof FileRefusedError ? fieldError("file", error.message) : error;
    } finally {
      await iterator.return?.();
    }
  }
  return {
    mime: sniffed.mime,
    name: nameWithType(name, sniffed),
    stream: Readable.from(bytes(), { objectMode: false }),
    size: () => size,
  };
}

/**
 * Uploads a file to a coachee's profile. Refused, with nothing stored: a declared size over the limit
 * (before a byte is read), no room left in the organisation's storage quota or the uploader's hourly
 * allowance used up (./quota.ts: the declared size is reserved before a byte is read), more bytes than
 * the limit or than declared (reading stops there), a type not on the allow-list (sniffed from the
 * bytes), a text file that is not UTF-8. The coachee is reached before the upload and again in the
 * transaction that writes the row; an object whose row was not written is removed.
 */
export async function uploadFile(db: Db, actor: Actor, input: UploadInput, options: FileOptions = {}) {
  assertCoacheeMaterialRole(actor.role);
  const disk = options.disk ?? fileDisk();
  const maxBytes = options.maxBytes ?? fileMaxBytes();
  const rates = options.rates ?? UPLOAD_RATES;
  const chosen = visibilityField.safeParse(input.visibility);
  if (!chosen.success) throw fieldError("visibility", msg("Files.server.chooseVisibility"));
  const visibility = chosen.data;
  const name = cleanFileName(input.name);
  const coachee = await reach(db, actor, input.coacheeMembershipId);
  const tooLarge = () => new UploadBoundError(tooLargeMessage(maxBytes), 413);
  if (input.declaredSize !== undefined && input.declaredSize > maxBytes) throw tooLarge();

  const storageKey = `${actor.organizationId}/${coachee}/${crypto.randomUUID()}`;
  const reservation = await reserveUpload(db, actor, { bytes: input.declaredSize ?? maxBytes, storageKey }, rates);
  let checked: Checked | undefined;
  try {
    const over = () => (input.declaredSize === undefined ? tooLarge() : fieldError("file", msg("Files.server.longerThanDeclared")));
    checked = await checkedStream(input.body, name, reservation.bytes, over);
    return await storeChecked(db, actor, { coachee, visibility, storageKey, reservation, declaredSize: input.declaredSize }, checked, disk);
  } finally {
    // What was read counts against the hourly allowance, stored or not; the rest of the reservation goes back.
    await releaseReservation(db, actor, reservation, checked?.size() ?? 0, rates).catch((error: unknown) =>
      console.error("[files] could not release an upload's reservation (it expires on its own):", reservation.id, error),
    );
  }
}

type Checked = Awaited<ReturnType<typeof checkedStream>>;

/** Streams checked bytes to storage and writes the row, settling the reservation; on any failure removes the object. */
async function storeChecked(
  db: Db,
  actor: Actor,
  target: { coachee: string; visibility: FileVisibility; storageKey: string; reservation: Reservation; declaredSize?: number },
  checked: Checked,
  disk: Disk,
) {
  const { coachee, visibility, storageKey, reservation, declaredSize } = target;
  try {
    await disk.putStream(storageKey, checked.stream, {
      contentType: checked.mime,
      ...(declaredSize !== undefined ? { contentLength: declaredSize } : {}),
    });
    if (declaredSize !== undefined && checked.size() !== declaredSize) throw fieldError("file", msg("Files.server.cutShort"));
    return await tenantDb(db, actor.organizationId).$transaction(async (tx) => {
      await settleReservation(tx, actor.organizationId, reservation, checked.size());
      await reachCoachee(tx, actor, coachee);
      const file = await tx.coacheeFile.create({
        data: {
          organizationId: actor.organizationId,
          coacheeMembershipId: coachee,
          uploaderMembershipId: actor.membershipId,
          visibility,
          originalName: checked.name,
          mimeType: checked.mime,
          size: BigInt(checked.size()),
          storageKey,
        },
        select: { id: true, coacheeMembershipId: true, visibility: true, originalName: true, mimeType: true, size: true },
      });
      if (visibility === "SHARED") await notifyShared(tx, actor, file);
      return { ...file, size: Number(file.size) };
    });
  } catch (error) {
    // Whatever failed (too large, not text, the store, the database), no object stays behind: the local
    // driver leaves a partial file when a stream fails, so the key is deleted whether or not it was stored.
    await uploadSettled(checked.stream);
    await removeLeftover(disk, storageKey);
    // The store wraps what failed while it read the stream (too large, not text): that is the answer.
    const cause = (error as { cause?: unknown }).cause;
    throw isExpectedError(cause) ? cause : error;
  }
}

/**
 * Removes what a failed upload may have left under its key, and makes sure it stays gone: a store can
 * finish writing an aborted object a moment after the request ended (s3rver does), so the key is
 * checked again and deleted until it is absent (a few tries, 50 ms apart).
 */
async function removeLeftover(disk: Disk, key: string) {
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      await disk.delete(key);
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (!(await disk.exists(key))) return;
    }
    console.error("[files] a failed upload's object is still there; remove it by hand:", key);
  } catch (error) {
    console.error("[files] could not remove a failed upload's object; remove it by hand:", key, error);
  }
}
