"use server";

import { refreshOrganisation } from "@/lib/actions/refresh";
import { msg } from "@/lib/i18n/msg";
import { redirect } from "next/navigation";
import { memberAction } from "@/lib/actions/action";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import {
  addNoteComment,
  addNoteCommentSchema,
  deleteNoteComment,
  editNoteComment,
  editNoteCommentSchema,
  noteCommentIdSchema,
  type AddNoteCommentInput,
  type EditNoteCommentInput,
} from "@/lib/notes/comments";
import {
  createNote,
  createNoteSchema,
  deleteNote,
  noteIdSchema,
  saveNote,
  saveNoteSchema,
  setNoteSharing,
  shareNoteSchema,
  type CreateNoteInput,
  type SaveNoteInput,
  type ShareNoteInput,
} from "@/lib/notes/notes";
import { notePath, notesPath } from "./paths";

// Notes, for both ends: a coach on a coachee's profile ("coachees:manage") and the coachee in their
// portal ("goals:own"); the services decide who sees and who changes which note. Typing autosaves
// through ./autosave/route.ts; the Save button here is the same save, for a browser without JavaScript.

const NOTES = ["coachees:manage", "goals:own"] as const;

/** "New note": an empty note, then its editor (the first keystroke saves). */
async function create(actor: Actor, input: CreateNoteInput) {
  const note = await createNote(db(), actor, input);
  redirect(notePath({ org: note.orgSlug, membershipId: actor.membershipId }, note.coacheeMembershipId, note.id));
}

async function save(actor: Actor, input: SaveNoteInput) {
  await saveNote(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("Notes.server.saved") };
}

async function share(actor: Actor, input: ShareNoteInput) {
  const done = await setNoteSharing(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: done.shared ? msg("Notes.server.shared") : msg("Notes.server.private") };
}

async function remove(actor: Actor, input: { noteId: string }) {
  const note = await deleteNote(db(), actor, input);
  refreshOrganisation();
  redirect(notesPath({ org: note.orgSlug, membershipId: actor.membershipId }, note.coacheeMembershipId));
}

async function addComment(actor: Actor, input: AddNoteCommentInput) {
  await addNoteComment(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("Goals.server.commentAdded") };
}

async function editComment(actor: Actor, input: EditNoteCommentInput) {
  await editNoteComment(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("Goals.server.commentSaved") };
}

async function removeComment(actor: Actor, input: { commentId: string }) {
  await deleteNoteComment(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("Goals.server.commentDeleted") };
}

export const createNoteAction = memberAction(NOTES, createNoteSchema, create);
export const saveNoteAction = memberAction(NOTES, saveNoteSchema, save);
export const shareNoteAction = memberAction(NOTES, shareNoteSchema, share);
export const deleteNoteAction = memberAction(NOTES, noteIdSchema, remove);
export const addNoteCommentAction = memberAction(NOTES, addNoteCommentSchema, addComment);
export const editNoteCommentAction = memberAction(NOTES, editNoteCommentSchema, editComment);
export const deleteNoteCommentAction = memberAction(NOTES, noteCommentIdSchema, removeComment);
