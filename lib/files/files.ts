import { z } from "zod";
import type { Disk } from "flydrive";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { FileVisibility } from "../db/generated/enums";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { assertCoacheeMaterialRole, reachCoachee } from "../coaching/material";
import { forgetNotifications, notify } from "../notifications/notify";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { idField, isId } from "../web/form-fields";
import { pageWindow } from "../web/pagination";
import { pageNumber } from "../web/search-params";
import { byteRange, RangeNotSatisfiableError } from "./ranges";
import { type UploadRates } from "./quota";
import { fileDisk, getRangeStream } from "./storage";
import { msg } from "../i18n/msg";

// Files on a coachee's profile: uploaded by the coachee or one of their current coaches (reachCoachee
// decides, as for goals), PRIVATE (its uploader only) or SHARED (the coachee and every current coach of
// theirs). Admins, programme managers and sponsors never reach a file: assertCoacheeMaterialRole refuses them
// before anything is read. A file the viewer may not see answers "not found", exactly like a missing id
// or another organisation's. Only the uploader shares, unshares or deletes.
//
// The bytes stream from the request to storage through a size counter and the sniffer (lib/files/sniff.ts:
// the upload is ./upload.ts) and back out on download; nothing holds a whole file in memory. The object key is the server's own
// (`<organizationId>/<coacheeMembershipId>/<uuid>`); the uploader's name for it lives only in the row.

export const FILES_PAGE_SIZE = 20;

export type FileOptions = { disk?: Disk; maxBytes?: number; rates?: UploadRates };

export function notifyShared(tx: TenantTx, actor: Actor, file: { id: string; coacheeMembershipId: string; originalName: string }) {
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
  if (file.uploaderMembershipId !== actor.membershipId) throw new ForbiddenError(msg("Files.server.notUploader"));
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
