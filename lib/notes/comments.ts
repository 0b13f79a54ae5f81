import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { assertCoacheeMaterialRole } from "../coaching/material";
import { commentBodyField } from "../goals/comments";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { idField, isId } from "../web/form-fields";
import { assertThreadRoom } from "../goals/caps";
import { notify } from "../notifications/notify";
import { visibleNote } from "./notes";

// Comments on a note: by exactly those who can see the note (lib/notes/notes.ts decides; a note one
// cannot see answers "not found", and so do its comments), oldest first. People edit and delete only
// their own. Plain text, shown with its line breaks, never HTML.

export const addNoteCommentSchema = z.strictObject({ noteId: idField(), body: commentBodyField });
export type AddNoteCommentInput = z.infer<typeof addNoteCommentSchema>;

export const editNoteCommentSchema = z.strictObject({ commentId: idField(), body: commentBodyField });
export type EditNoteCommentInput = z.infer<typeof editNoteCommentSchema>;

export const noteCommentIdSchema = z.strictObject({ commentId: idField() });

/** A comment of the actor's own on a note they can see; someone else's is forbidden, anything else not found. */
async function ownComment(tx: TenantTx, actor: Actor, commentId: string) {
  if (!isId(commentId)) throw new NotFoundError();
  const comment = await tx.noteComment.findFirst({
    where: { id: commentId },
    select: { id: true, noteId: true, authorMembershipId: true },
  });
  if (!comment) throw new NotFoundError();
  await visibleNote(tx, actor, comment.noteId);
  if (comment.authorMembershipId !== actor.membershipId) throw new ForbiddenError(msg("Goals.server.ownCommentsOnly"));
  return comment;
}

const key = (actor: Actor, id: string) => ({ organizationId_id: { organizationId: actor.organizationId, id } });

export async function addNoteComment(db: Db, actor: Actor, input: AddNoteCommentInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const note = await visibleNote(tx, actor, input.noteId);
    await assertThreadRoom(tx, actor.organizationId, note.id, () => tx.noteComment.count({ where: { noteId: note.id } }));
    const comment = await tx.noteComment.create({
      data: { organizationId: actor.organizationId, noteId: note.id, authorMembershipId: actor.membershipId, body: input.body },
      select: { id: true, noteId: true },
    });
    // A shared note is seen by the coachee and every coach of theirs, exactly the circle notify tells (by
    // the note's title, never the words); a private note is its author's alone: nobody else to tell.
    if (note.visibility === "SHARED")
      await notify(tx, actor.organizationId, {
        kind: "comment.added",
        coacheeMembershipId: note.coacheeMembershipId,
        subjectId: note.id,
        actorMembershipId: actor.membershipId,
        data: { on: "note", thingId: note.id, title: note.title },
      });
    return comment;
  });
}

export async function editNoteComment(db: Db, actor: Actor, input: EditNoteCommentInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const comment = await ownComment(tx, actor, input.commentId);
    await tx.noteComment.update({ where: key(actor, comment.id), data: { body: input.body, editedAt: new Date() } });
    return { id: comment.id, noteId: comment.noteId };
  });
}

export async function deleteNoteComment(db: Db, actor: Actor, input: { commentId: string }) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const comment = await ownComment(tx, actor, input.commentId);
    await tx.noteComment.delete({ where: key(actor, comment.id) });
    return { id: comment.id, noteId: comment.noteId };
  });
}

/** A note's comments, oldest first: author (as the organisation sees them), times, body, and whether it is the actor's. */
export async function listNoteComments(db: Db, actor: Actor, input: { noteId: string }) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const note = await visibleNote(tx, actor, input.noteId);
    const rows = await tx.noteComment.findMany({
      where: { noteId: note.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        body: true,
        createdAt: true,
        editedAt: true,
        authorMembershipId: true,
        author: { select: { id: true, ...PERSON } },
      },
    });
    return rows.map(({ author, authorMembershipId, ...c }) => ({
      ...c,
      authorName: displayName(seen(author).user),
      mine: authorMembershipId === actor.membershipId,
    }));
  });
}
