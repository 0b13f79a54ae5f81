import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { likeLiteral } from "../db/like";
import { ForbiddenError, NotFoundError, fieldError } from "../errors";
import { TITLE_MAX } from "../goals/access";
import { assertCoacheeMaterialRole, reachCoachee } from "../coaching/material";
import { notify } from "../notifications/notify";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { checkbox, idField, isId, nameField, optionalId } from "../web/form-fields";
import { sessionToWriteIn } from "../sessions/access";
import { pageWindow } from "../web/pagination";
import { lenient, pageNumber, searchText } from "../web/search-params";

// Notes on a coachee's coaching (SECURITY.md 4 and 24). Who sees a note:
//  - a coach's note on a coachee: that coach only (not the coachee, not another coach of theirs, nobody
//    else), and only while they coach the coachee;
//  - a coachee's note: the coachee, and, while they share it, every current coach of theirs;
//  - a coach's note written in a session for the coachee (shared, on the session's notepad): like a
//    shared note, the coachee and every current coach of theirs.
// Everyone else is refused before anything is read (admins, programme managers and sponsors: the role),
// and a note the actor cannot see answers exactly like a missing one: "not found". Only the author
// changes a note; only a coachee shares one (the database refuses a shared coach's note, too). Notes
// are plain text, shown with their line breaks, never as HTML.

export const NOTE_BODY_MAX = 50_000;
export const NOTES_PAGE_SIZE = 20;

/** A title: one line, and may stay empty while the note is written ("Untitled note"). */
const noteTitleField = nameField({ label: "a title", max: TITLE_MAX, optional: true }).default("");

const noteBodyField = z
  .string()
  .transform((s) => s.replaceAll("\u0000", ""))
  .pipe(z.string().max(NOTE_BODY_MAX, msg("Notes.server.bodyMax", { max: NOTE_BODY_MAX })))
  .default("");

export const createNoteSchema = z.strictObject({
  coacheeMembershipId: idField(),
  title: noteTitleField,
  body: noteBodyField,
  // Written in this session (its notepad), and whether it is shared from the start.
  sessionId: optionalId().default(null),
  shared: checkbox,
});
/** A new note: in a session and shared only when said. */
export type CreateNoteInput = Omit<z.infer<typeof createNoteSchema>, "sessionId" | "shared"> & {
  sessionId?: string | null;
  shared?: boolean;
};

/** What the editor autosaves: the whole note as it stands (each save replaces the last). */
export const saveNoteSchema = z.strictObject({ noteId: idField(), title: noteTitleField, body: noteBodyField });
export type SaveNoteInput = z.infer<typeof saveNoteSchema>;

export const shareNoteSchema = z.strictObject({
  noteId: idField(),
  shared: z.enum(["true", "false"], { error: msg("Notes.server.chooseShared") }).transform((v) => v === "true"),
});
export type ShareNoteInput = z.infer<typeof shareNoteSchema>;

export const noteIdSchema = z.strictObject({ noteId: idField() });

export const NOTE_SHOWS = ["all", "mine", "shared"] as const;
export type NoteShow = (typeof NOTE_SHOWS)[number];

/** A notes list's URL: search text, which notes (a coach: all, mine, shared by the coachee), the page. */
export const noteFilterSchema = z.object({
  q: searchText(200),
  show: lenient(z.enum(NOTE_SHOWS)).default("all"),
  page: pageNumber(100_000),
});
export type NoteFilter = z.infer<typeof noteFilterSchema>;

type NoteHead = {
  id: string;
  coacheeMembershipId: string;
  authorMembershipId: string;
  visibility: "PRIVATE" | "SHARED";
  title: string;
  sessionId: string | null;
};

const SHARED = { visibility: "SHARED" as const };

/**
 * The notes of `coacheeMembershipId` the actor may see, as a where clause (the actor already reaches
 * the coachee): a coachee's own, or a coach's own and the coachee's shared ones.
 */
function visibleWhere(actor: Actor, coacheeMembershipId: string, show: NoteShow = "all"): Prisma.NoteWhereInput {
  const mine = { authorMembershipId: actor.membershipId };
  if (coacheeMembershipId === actor.membershipId) return { coacheeMembershipId, OR: [mine, SHARED] };
  // "Shared by the coachee" is the coachee's; a coach's shared session note shows under All (and Mine, for its author).
  const byCoachee = { authorMembershipId: coacheeMembershipId, ...SHARED };
  return { coacheeMembershipId, ...(show === "mine" ? mine : show === "shared" ? byCoachee : { OR: [mine, SHARED] }) };
}

/** Whether the actor may see this note (they reach its coachee, which the caller has checked: the coachee or a current coach). */
function sees(actor: Actor, note: NoteHead): boolean {
  return note.authorMembershipId === actor.membershipId || note.visibility === "SHARED";
}

/**
 * The notes of one session of the coachee's the actor may see (they reach the coachee), oldest first:
 * the notepad's and the session page's. At most `take`.
 */
export async function sessionNotes(tx: TenantTx, actor: Actor, coacheeMembershipId: string, sessionId: string, take: number) {
  const rows = await tx.note.findMany({
    where: { AND: [visibleWhere(actor, coacheeMembershipId), { sessionId }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
    select: NOTE_ROW,
  });
  return rows.map((r) => shown(actor, r));
}

/** A note the actor may see, or not found (another organisation's, another coach's, a private one, a missing id). */
export async function visibleNote(tx: TenantTx, actor: Actor, noteId: string): Promise<NoteHead> {
  if (!isId(noteId)) throw new NotFoundError();
  const note = await tx.note.findFirst({
    where: { id: noteId },
    select: { id: true, coacheeMembershipId: true, authorMembershipId: true, visibility: true, title: true, sessionId: true },
  });
  if (!note) throw new NotFoundError();
  await reachCoachee(tx, actor, note.coacheeMembershipId);
  if (!sees(actor, note)) throw new NotFoundError();
  return note;
}

/** A note of the actor's own: someone else's they can see is forbidden (they know it is there), anything else not found. */
async function ownNote(tx: TenantTx, actor: Actor, noteId: string): Promise<NoteHead> {
  const note = await visibleNote(tx, actor, noteId);
  if (note.authorMembershipId !== actor.membershipId) throw new ForbiddenError(msg("Notes.server.authorOnly"));
  return note;
}

/** The organisation's slug, for the path of a note just made or deleted. */
const orgSlug = async (tx: TenantTx) => (await tx.organization.findFirstOrThrow({ select: { slug: true } })).slug;

const key = (actor: Actor, id: string) => ({ organizationId_id: { organizationId: actor.organizationId, id } });

/**
 * A new note by the actor on the coachee (themself, for a participant); private unless `shared`. In a
 * session (one of the two people's), a coach's note may be shared with the coachee; elsewhere only the
 * coachee shares, and their coaches are told.
 */
export async function createNote(db: Db, actor: Actor, input: CreateNoteInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coacheeMembershipId = await reachCoachee(tx, actor, input.coacheeMembershipId);
    const sessionId = input.sessionId ? await sessionToWriteIn(tx, actor, coacheeMembershipId, input.sessionId) : null;
    const byCoachee = coacheeMembershipId === actor.membershipId;
    if (input.shared && !byCoachee && !sessionId) throw fieldError("shared", msg("Notes.server.coachNotesPrivate"));
    const note = await tx.note.create({
      data: {
        organizationId: actor.organizationId,
        coacheeMembershipId,
        authorMembershipId: actor.membershipId,
        title: input.title,
        body: input.body,
        sessionId,
        visibility: input.shared ? "SHARED" : "PRIVATE",
      },
      select: { id: true, coacheeMembershipId: true, updatedAt: true, title: true },
    });
    if (input.shared && byCoachee) await tellCoaches(tx, actor, note);
    return { id: note.id, coacheeMembershipId, updatedAt: note.updatedAt, orgSlug: await orgSlug(tx) };
  });
}

/** A coachee's note just shared: their coaches are told ("note.shared"). */
async function tellCoaches(tx: TenantTx, actor: Actor, note: { id: string; coacheeMembershipId: string; title: string }) {
  const told = await notify(tx, actor.organizationId, {
    kind: "note.shared",
    coacheeMembershipId: note.coacheeMembershipId,
    subjectId: note.id,
    actorMembershipId: actor.membershipId,
    // An untitled note keeps no title: each reader's language names it (lib/notifications/sentence.ts).
    data: { title: note.title },
  });
  return told.recipients.length;
}

/** The editor's save (as one types, and on leaving): the author's note as it now stands. */
export async function saveNote(db: Db, actor: Actor, input: SaveNoteInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const note = await ownNote(tx, actor, input.noteId);
    return tx.note.update({
      where: key(actor, note.id),
      data: { title: input.title, body: input.body },
      select: { id: true, updatedAt: true },
    });
  });
}

/**
 * A coachee shares their note with their coaches (who are told, "note.shared") or stops sharing it
 * (the coaches no longer see it, nor its notification). A coach's note is shared only in a session
 * (the notepad), and its author may take it back.
 */
export async function setNoteSharing(db: Db, actor: Actor, input: ShareNoteInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const note = await ownNote(tx, actor, input.noteId);
    const visibility = input.shared ? "SHARED" : "PRIVATE";
    if (note.visibility === visibility) return { id: note.id, shared: input.shared, notified: 0 };
    const byCoachee = note.coacheeMembershipId === actor.membershipId;
    if (!byCoachee && !note.sessionId) throw new ForbiddenError(msg("Notes.server.coachNotesPrivate"));
    await tx.note.update({ where: key(actor, note.id), data: { visibility } });
    if (!input.shared || !byCoachee) return { id: note.id, shared: input.shared, notified: 0 };
    return { id: note.id, shared: true, notified: await tellCoaches(tx, actor, note) };
  });
}

export async function deleteNote(db: Db, actor: Actor, input: { noteId: string }) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const note = await ownNote(tx, actor, input.noteId);
    await tx.note.delete({ where: key(actor, note.id) });
    return { id: note.id, coacheeMembershipId: note.coacheeMembershipId, orgSlug: await orgSlug(tx) };
  });
}

const NOTE_ROW = {
  id: true,
  coacheeMembershipId: true,
  authorMembershipId: true,
  title: true,
  body: true,
  visibility: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, ...PERSON } },
  _count: { select: { comments: true } },
} as const;

type NoteRow = Prisma.NoteGetPayload<{ select: typeof NOTE_ROW }>;

/** A note as a page shows it: the author as the organisation sees them, whether it is the actor's, and its comment count. */
function shown(actor: Actor, { author, _count, ...n }: NoteRow) {
  return {
    ...n,
    shared: n.visibility === "SHARED",
    mine: n.authorMembershipId === actor.membershipId,
    byCoachee: n.authorMembershipId === n.coacheeMembershipId,
    authorName: displayName(seen(author).user),
    comments: _count.comments,
  };
}
export type NoteView = ReturnType<typeof shown>;

/**
 * The coachee's notes the actor may see, newest first: searched in title and body (`q`, any case,
 * `%` and `_` literally), for a coach narrowed to their own or the coachee's shared ones (`show`), paged.
 */
export async function listNotes(db: Db, actor: Actor, coacheeMembershipId: string, filter: NoteFilter) {
  assertCoacheeMaterialRole(actor.role);
  if (!isId(coacheeMembershipId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coachee = await reachCoachee(tx, actor, coacheeMembershipId);
    const where: Prisma.NoteWhereInput = { AND: [visibleWhere(actor, coachee, filter.show)] };
    if (filter.q) {
      const contains = likeLiteral(filter.q);
      (where.AND as Prisma.NoteWhereInput[]).push({
        OR: [{ title: { contains, mode: "insensitive" } }, { body: { contains, mode: "insensitive" } }],
      });
    }
    const total = await tx.note.count({ where });
    const { pages, page, skip, take } = pageWindow(total, NOTES_PAGE_SIZE, filter.page);
    const rows = await tx.note.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip,
      take,
      select: NOTE_ROW,
    });
    return { notes: rows.map((r) => shown(actor, r)), total, page, pages };
  });
}

/** One note the actor may see, or not found. */
export async function getNote(db: Db, actor: Actor, noteId: string) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const note = await visibleNote(tx, actor, noteId);
    const row = await tx.note.findFirstOrThrow({ where: { id: note.id }, select: NOTE_ROW });
    return shown(actor, row);
  });
}
