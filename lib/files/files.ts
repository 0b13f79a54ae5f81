import { Readable } from "node:stream";
import { z } from "zod";
import type { Disk } from "flydrive";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { FileVisibility } from "../db/generated/enums";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { ForbiddenError, NotFoundError, fieldError, isExpectedError } from "../errors";
import { assertCoacheeMaterialRole, reachCoachee } from "../coaching/material";
import { forgetNotifications, notify } from "../notifications/notify";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { idField, isId } from "../web/form-fields";
import { pageWindow } from "../web/pagination";
import { pageNumber } from "../web/search-params";
import { byteRange, RangeNotSatisfiableError } from "./ranges";
import { FileRefusedError, nameWithType, SNIFF_BYTES, TextCheck, sniff } from "./sniff";
import { tooLargeMessage } from "./limits";
import {
  releaseReservation,
  reserveUpload,
  settleReservation,
  UploadBoundError,
  UPLOAD_RATES,
  type Reservation,
  type UploadRates,
} from "./quota";
import { fileDisk, fileMaxBytes, getRangeStream, uploadSettled } from "./storage";

// Files on a coachee's profile: uploaded by the coachee or one of their current coaches (reachCoachee
// decides, as for goals), PRIVATE (its uploader only) or SHARED (the coachee and every current coach of
// theirs). Admins, programme managers and sponsors never reach a file: assertCoacheeMaterialRole refuses them
// before anything is read. A file the viewer may not see answers "not found", exactly like a missing id
// or another organisation's. Only the uploader shares, unshares or deletes.
//
// The bytes stream from the request to storage through a size counter and the sniffer (lib/files/sniff.ts)
// and back out on download; nothing holds a whole file in memory. The object key is the server's own
// (`<organizationId>/<coacheeMembershipId>/<uuid>`); the uploader's name for it lives only in the row.

export const FILES_PAGE_SIZE = 20;
export const FILE_NAME_MAX = 255;

export type FileOptions = { disk?: Disk; maxBytes?: number; rates?: UploadRates };

/**
 * The name the uploader's browser gave, as shown in lists: its last path segment (some browsers send a
 * path), control characters and the Unicode separators refused like every name, at most 255 characters.
 */
export function cleanFileName(raw: string): string {
  const name = raw.split(/[\\/]/).pop()!.trim();
  if (!name) throw fieldError("file", "Choose a file to upload.");
  // Format characters too (U+202E and the other bidi controls, zero-width ones): a name must read as it is.
  if (/[\u0000-\u001f\u007f\u2028\u2029\p{Cf}]/u.test(name))
    throw fieldError("file", "The file's name has characters that cannot be kept; rename it.");
  if ([...name].length > FILE_NAME_MAX) throw fieldError("file", `The file's name is longer than ${FILE_NAME_MAX} characters; rename it.`);
  return name;
}

export const visibilityField = z.enum(["PRIVATE", "SHARED"], { error: "Choose who sees the file" });

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
  if (!chosen.success) throw fieldError("visibility", "Choose who sees the file.");
  const visibility = chosen.data;
  const name = cleanFileName(input.name);
  const coachee = await reach(db, actor, input.coacheeMembershipId);
  const tooLarge = () => new UploadBoundError(tooLargeMessage(maxBytes), 413);
  if (input.declaredSize !== undefined && input.declaredSize > maxBytes) throw tooLarge();

  const storageKey = `${actor.organizationId}/${coachee}/${crypto.randomUUID()}`;
  const reservation = await reserveUpload(db, actor, { bytes: input.declaredSize ?? maxBytes, storageKey }, rates);
  let checked: Checked | undefined;
  try {
    const over = () =>
      input.declaredSize === undefined ? tooLarge() : fieldError("file", "The upload was longer than its declared size. Try again.");
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
    if (declaredSize !== undefined && checked.size() !== declaredSize) throw fieldError("file", "The upload was cut short. Try again.");
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

function notifyShared(tx: TenantTx, actor: Actor, file: { id: string; coacheeMembershipId: string; originalName: string }) {
  return notify(tx, actor.organizationId, {
    kind: "file.shared",
    coacheeMembershipId: file.coacheeMembershipId,
    subjectId: file.id,
    actorMembershipId: actor.membershipId,
    data: { title: file.originalName },
  });
}

/** What a viewer may see of a coachee's files: the shared ones, and their own private ones. */
function visibleTo(actor: Actor): Prisma.CoacheeFileWhereInput {
  return { OR: [{ visibility: "SHARED" }, { uploaderMembershipId: actor.membershipId }] };
}

/** A file the actor may see (its coachee reached, shared or theirs), or not found. */
async function visibleFile(tx: TenantTx, actor: Actor, fileId: string) {
  if (!isId(fileId)) throw new NotFoundError();
  const file = await tx.coacheeFile.findFirst({ where: { id: fileId, ...visibleTo(actor) }, select: FILE_ROW });
  if (!file) throw new NotFoundError();
  await reachCoachee(tx, actor, file.coacheeMembershipId);
  return file;
}

/** A file the actor uploaded; one they only see (someone else's shared file) is forbidden. */
async function ownFile(tx: TenantTx, actor: Actor, fileId: string) {
  const file = await visibleFile(tx, actor, fileId);
  if (file.uploaderMembershipId !== actor.membershipId)
    throw new ForbiddenError("Only the person who uploaded a file can change or delete it.");
  return file;
}

const FILE_ROW = {
  id: true,
  coacheeMembershipId: true,
  uploaderMembershipId: true,
  visibility: true,
  originalName: true,
  mimeType: true,
  size: true,
  storageKey: true,
  createdAt: true,
  uploader: { select: { id: true, ...PERSON } },
} as const;

type FileRow = Prisma.CoacheeFileGetPayload<{ select: typeof FILE_ROW }>;

/** A file as lists and pages show it (never its storage key). */
function shown(actor: Actor, { uploader, storageKey: _key, size, ...file }: FileRow) {
  return {
    ...file,
    size: Number(size),
    uploaderName: displayName(seen(uploader).user),
    mine: file.uploaderMembershipId === actor.membershipId,
  };
}
export type FileItem = ReturnType<typeof shown>;

export const FILE_SORTS = ["created", "name", "size", "type"] as const;
export const filesListSchema = z.object({
  sort: z.enum(FILE_SORTS).default("created").catch("created"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: pageNumber(100_000),
});
export type FilesList = z.infer<typeof filesListSchema>;
export const FILES_LIST_DEFAULTS = { sort: "created", dir: "desc", page: 1 } as const;

const ORDER: Record<FilesList["sort"], (dir: "asc" | "desc") => Prisma.CoacheeFileOrderByWithRelationInput[]> = {
  created: (dir) => [{ createdAt: dir }, { id: dir }],
  name: (dir) => [{ originalName: dir }, { id: dir }],
  size: (dir) => [{ size: dir }, { id: dir }],
  type: (dir) => [{ mimeType: dir }, { createdAt: "desc" }, { id: "desc" }],
};

/** One page of a coachee's files the actor may see, sorted as asked. */
export async function listFiles(db: Db, actor: Actor, coacheeMembershipId: string, list: FilesList = FILES_LIST_DEFAULTS) {
  assertCoacheeMaterialRole(actor.role);
  if (!isId(coacheeMembershipId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coachee = await reachCoachee(tx, actor, coacheeMembershipId);
    const where = { coacheeMembershipId: coachee, ...visibleTo(actor) };
    const total = await tx.coacheeFile.count({ where });
    const { pages, page, skip, take } = pageWindow(total, FILES_PAGE_SIZE, list.page);
    const rows = await tx.coacheeFile.findMany({
      where,
      orderBy: ORDER[list.sort](list.dir),
      skip,
      take,
      select: FILE_ROW,
    });
    return { files: rows.map((r) => shown(actor, r)), total, page, pages };
  });
}

export const fileIdSchema = z.strictObject({ fileId: idField() });

/** One file the actor may see, or not found. */
export async function getFile(db: Db, actor: Actor, input: { fileId: string }) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => shown(actor, await visibleFile(tx, actor, input.fileId)));
}

/**
 * A file the actor may see and its bytes as a stream from storage; not visible is not found. With a
 * Range header (lib/files/ranges.ts) only those bytes are read and `part` says which; a range past the
 * end throws RangeNotSatisfiableError (416), before storage is asked for anything.
 */
export async function downloadFile(db: Db, actor: Actor, input: { fileId: string; range?: string | null }, options: FileOptions = {}) {
  assertCoacheeMaterialRole(actor.role);
  const disk = options.disk ?? fileDisk();
  const row = await tenantDb(db, actor.organizationId).$transaction((tx) => visibleFile(tx, actor, input.fileId));
  const file = shown(actor, row);
  const part = byteRange(input.range ?? null, file.size);
  if (part === "unsatisfiable") throw new RangeNotSatisfiableError(file.size);
  const stream = part ? await getRangeStream(disk, row.storageKey, part) : await disk.getStream(row.storageKey);
  return { file, part, stream };
}

export const shareFileSchema = z.strictObject({ fileId: idField(), shared: z.stringbool() });

/**
 * The uploader shares a file (the coachee and their coaches are told, "file.shared") or makes it private
 * again (and the notifications about it go, so its name stays with nobody who can no longer open it).
 */
export async function shareFile(db: Db, actor: Actor, input: { fileId: string; shared: boolean }) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const file = await ownFile(tx, actor, input.fileId);
    const visibility: FileVisibility = input.shared ? "SHARED" : "PRIVATE";
    if (file.visibility === visibility) return { id: file.id, visibility };
    await tx.coacheeFile.update({
      where: { organizationId_id: { organizationId: actor.organizationId, id: file.id } },
      data: { visibility },
    });
    if (input.shared) await notifyShared(tx, actor, file);
    else await forgetNotifications(tx, "file.shared", file.id);
    return { id: file.id, visibility };
  });
}

/**
 * The uploader deletes a file: the row (and the notifications about it) go in one transaction, then the
 * object after commit. So no row ever points at a missing object; if the store fails to delete, the
 * object is left unreachable (no row names it) and logged with its key for removal by hand.
 */
export async function deleteFile(db: Db, actor: Actor, input: { fileId: string }, options: FileOptions = {}) {
  assertCoacheeMaterialRole(actor.role);
  const disk = options.disk ?? fileDisk();
  const file = await tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const own = await ownFile(tx, actor, input.fileId);
    await tx.coacheeFile.delete({ where: { organizationId_id: { organizationId: actor.organizationId, id: own.id } } });
    await forgetNotifications(tx, "file.shared", own.id);
    return own;
  });
  let objectRemoved = true;
  await disk.delete(file.storageKey).catch((error: unknown) => {
    objectRemoved = false;
    console.error("[files] deleted file's object not removed; remove it by hand:", file.storageKey, error);
  });
  return { id: file.id, objectRemoved };
}
