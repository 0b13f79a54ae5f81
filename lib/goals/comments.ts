import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { idField, isId, textField } from "../web/form-fields";
import { notify } from "../notifications/notify";
import { assertGoalsRole, reachCoachee } from "./access";

// Comments on a goal or an action: one flat thread per thing, oldest first, between the coachee and
// their coaches (reachCoachee decides, as for goals themselves). Admins, programme managers and sponsors
// never read them: assertGoalsRole refuses them before anything is read, and goalsOverview has none.
// Someone outside the thread (another coach, another organisation, a missing id) finds nothing; inside
// it, a comment of someone else's cannot be edited or deleted (forbidden: they can see it is there).
// The body is plain text, shown as text with its line breaks, never as HTML.

export const COMMENT_MAX = 5000;

export const commentBodyField = textField({ max: COMMENT_MAX, required: "Write a comment" });

/** What a thread is on: a goal or an action, exactly one (the form's hidden fields). */
const subjectFields = {
  goalId: z.preprocess((v) => (v === "" ? undefined : v), idField().optional()),
  actionId: z.preprocess((v) => (v === "" ? undefined : v), idField().optional()),
};
const oneSubject = (v: { goalId?: string; actionId?: string }) => (v.goalId === undefined) !== (v.actionId === undefined);

export const commentSubjectSchema = z.strictObject(subjectFields).refine(oneSubject, "Not found");
export type CommentSubject = z.infer<typeof commentSubjectSchema>;

export const addCommentSchema = z.strictObject({ ...subjectFields, body: commentBodyField }).refine(oneSubject, "Not found");
export type AddCommentInput = z.infer<typeof addCommentSchema>;

export const editCommentSchema = z.strictObject({ commentId: idField(), body: commentBodyField });
export type EditCommentInput = z.infer<typeof editCommentSchema>;

export const commentIdSchema = z.strictObject({ commentId: idField() });

/** The goal or action a thread is on (and its title), if the actor is in its thread; else not found. */
async function threadOf(tx: TenantTx, actor: Actor, subject: CommentSubject) {
  const id = subject.goalId ?? subject.actionId;
  if (!isId(id) || !oneSubject(subject)) throw new NotFoundError();
  const select = { id: true, coacheeMembershipId: true, title: true } as const;
  const thing = subject.goalId ? await tx.goal.findFirst({ where: { id }, select }) : await tx.action.findFirst({ where: { id }, select });
  if (!thing) throw new NotFoundError();
  const coacheeMembershipId = await reachCoachee(tx, actor, thing.coacheeMembershipId);
  const thread = subject.goalId
    ? { coacheeMembershipId, goalId: thing.id, actionId: null }
    : { coacheeMembershipId, goalId: null, actionId: thing.id };
  return { thread, title: thing.title };
}

/** A comment of the actor's own, in a thread they are in; someone else's is forbidden, anything else not found. */
async function ownComment(tx: TenantTx, actor: Actor, commentId: string) {
  if (!isId(commentId)) throw new NotFoundError();
  const comment = await tx.comment.findFirst({
    where: { id: commentId },
    select: { id: true, coacheeMembershipId: true, authorMembershipId: true },
  });
  if (!comment) throw new NotFoundError();
  await reachCoachee(tx, actor, comment.coacheeMembershipId);
  if (comment.authorMembershipId !== actor.membershipId) throw new ForbiddenError("You can only change your own comments.");
  return comment;
}

export async function addComment(db: Db, actor: Actor, input: AddCommentInput) {
  assertGoalsRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const { thread, title } = await threadOf(tx, actor, input);
    const comment = await tx.comment.create({
      data: { organizationId: actor.organizationId, ...thread, authorMembershipId: actor.membershipId, body: input.body },
      select: { id: true },
    });
    // Everyone else in the thread is told, by the thing commented on (never the words): a quick
    // back-and-forth on one goal is one notification and at most one email per 15 minutes.
    const thingId = thread.goalId ?? thread.actionId!;
    await notify(tx, actor.organizationId, {
      kind: "comment.added",
      coacheeMembershipId: thread.coacheeMembershipId,
      subjectId: thingId,
      actorMembershipId: actor.membershipId,
      data: { on: thread.goalId ? "goal" : "action", thingId, title },
    });
    return { id: comment.id, ...thread };
  });
}

export async function editComment(db: Db, actor: Actor, input: EditCommentInput) {
  assertGoalsRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const comment = await ownComment(tx, actor, input.commentId);
    await tx.comment.update({
      where: { organizationId_id: { organizationId: actor.organizationId, id: comment.id } },
      data: { body: input.body, editedAt: new Date() },
    });
    return { id: comment.id };
  });
}

export async function deleteComment(db: Db, actor: Actor, input: { commentId: string }) {
  assertGoalsRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const comment = await ownComment(tx, actor, input.commentId);
    await tx.comment.delete({ where: { organizationId_id: { organizationId: actor.organizationId, id: comment.id } } });
    return { id: comment.id };
  });
}

const COMMENT_ROW = {
  id: true,
  goalId: true,
  actionId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  authorMembershipId: true,
  author: { select: { id: true, ...PERSON } },
} as const;

type CommentRow = {
  id: string;
  goalId: string | null;
  actionId: string | null;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  authorMembershipId: string;
  author: Parameters<typeof seen>[0];
};

/** A comment as a thread shows it: the author's name as the organisation sees them, and whether it is the actor's. */
function shown(actor: Actor, { author, authorMembershipId, goalId: _g, actionId: _a, ...c }: CommentRow) {
  return { ...c, authorName: displayName(seen(author).user), mine: authorMembershipId === actor.membershipId };
}

const THREAD_ORDER = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** A thread, oldest first: each comment's author (as the organisation sees them), times, body, and whether it is the actor's. */
export async function listComments(db: Db, actor: Actor, subject: CommentSubject) {
  assertGoalsRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const { thread } = await threadOf(tx, actor, subject);
    const rows = await tx.comment.findMany({
      where: thread.goalId ? { goalId: thread.goalId } : { actionId: thread.actionId },
      orderBy: THREAD_ORDER,
      select: COMMENT_ROW,
    });
    return rows.map((r) => shown(actor, r));
  });
}

/**
 * Every thread of a coachee's goals and actions at once (one query, for a page that shows them all):
 * each goal's and each action's comments, oldest first, by id.
 */
export async function listCoacheeComments(db: Db, actor: Actor, coacheeMembershipId: string) {
  assertGoalsRole(actor.role);
  if (!isId(coacheeMembershipId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coachee = await reachCoachee(tx, actor, coacheeMembershipId);
    const rows = await tx.comment.findMany({ where: { coacheeMembershipId: coachee }, orderBy: THREAD_ORDER, select: COMMENT_ROW });
    const byGoal: Record<string, ReturnType<typeof shown>[]> = {};
    const byAction: Record<string, ReturnType<typeof shown>[]> = {};
    for (const row of rows) {
      if (row.goalId) (byGoal[row.goalId] ??= []).push(shown(actor, row));
      else if (row.actionId) (byAction[row.actionId] ??= []).push(shown(actor, row));
    }
    return { byGoal, byAction };
  });
}
