"use server";

import { refreshOrganisation } from "@/lib/actions/refresh";
import { msg } from "@/lib/i18n/msg";
import { memberAction } from "@/lib/actions/action";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import {
  addComment,
  addCommentSchema,
  commentIdSchema,
  deleteComment,
  editComment,
  editCommentSchema,
  type AddCommentInput,
  type EditCommentInput,
} from "@/lib/goals/comments";

// Comments on goals and actions, for both ends of the thread: a coach from their workspace
// ("coachees:manage") and the coachee themself ("goals:own"); the services check again who is in the
// thread, and that a comment changed is the actor's own.

async function add(actor: Actor, input: AddCommentInput) {
  await addComment(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("Goals.server.commentAdded") };
}

async function edit(actor: Actor, input: EditCommentInput) {
  await editComment(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("Goals.server.commentSaved") };
}

async function remove(actor: Actor, input: { commentId: string }) {
  await deleteComment(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("Goals.server.commentDeleted") };
}

const GOALS = ["coachees:manage", "goals:own"] as const;

export const addCommentAction = memberAction(GOALS, addCommentSchema, add);
export const editCommentAction = memberAction(GOALS, editCommentSchema, edit);
export const deleteCommentAction = memberAction(GOALS, commentIdSchema, remove);
