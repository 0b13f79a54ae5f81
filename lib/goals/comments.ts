import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { ForbiddenError, NotFoundError } from "../errors";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { idField, isId, textField } from "../web/form-fields";
import { notify } from "../notifications/notify";
import { assertCoacheeMaterialRole, reachCoachee } from "../coaching/material";
import { assertThreadRoom } from "./caps";
import { GOALS_SHOWN } from "./limits";

// Comments on a goal or an action: one flat thread per thing, oldest first, between the coachee and
// their coaches (reachCoachee decides, as for goals themselves). Admins, programme managers and sponsors
// never read them: assertCoacheeMaterialRole refuses them before anything is read, and goalsOverview has none.
// Someone outside the thread (another coach, another organisation, a missing id) finds nothing; inside
// it, a comment of someone else's cannot be edited or deleted (forbidden: they can see it is there).
// The body is plain text, shown as text with its line breaks, never as HTML.

export const COMMENT_MAX = 5000;

export const commentBodyField = textField({ max: COMMENT_MAX, required: msg("Goals.server.writeComment") });

/** What a thread is on: a goal or an action, exactly one (the form's hidden fields). */
const subjectFields = {
  goalId: z.preprocess((v) => (v === "" ? undefined : v), idField().optional()),
  actionId: z.preprocess((v) => (v === "" ? undefined : v), idField().optional()),
};
const oneSubject = (v: { goalId?: string; actionId?: string }) => (v.goalId === undefined) !== (v.actionId === undefined);

export const commentSubjectSchema = z.strictObject(subjectFields).refine(oneSubject, msg("Server.missing"));
export type CommentSubject = z.infer<typeof commentSubjectSchema>;

export const addCommentSchema = z.strictObject({ ...subjectFields, body: commentBodyField }).refine(oneSubject, msg("Server.missing"));
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
  if (comment.authorMembershipId !== actor.membershipId) throw new ForbiddenError(msg("Goals.server.ownCommentsOnly"));
  return comment;
}

export async function addComment(db: Db, actor: Actor, input: AddCommentInput) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const { thread, title } = await threadOf(tx, actor, input);
    await assertThreadRoom(tx, actor.organizationId, thread.goalId ?? thread.actionId!, () =>
      tx.comment.count({ where: thread.goalId ? { goalId: thread.goalId } : { actionId: thread.actionId } }),
    );
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
  assertCoacheeMaterialRole(actor.role);
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
  assertCoacheeMaterialRole(actor.role);
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
  assertCoacheeMaterialRole(actor.role);
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
 * Which threads a page shows: those of these goals and actions (their newest comments), `full` the one
 * shown whole; `countIds` are things whose comments are only counted (a link to their thread shows the count).
 */
export type ThreadChoice = { goalIds: readonly string[]; actionIds: readonly string[]; countIds?: readonly string[]; full?: string };

/**
 * The threads a page shows of a coachee's goals and actions, in one read: for each, its newest comments
 * (GOALS_SHOWN.commentsPerThread, all of them for `full`), oldest first, and how many it has in all.
 * Without a choice, every thread of the coachee's (for tests and small pages).
 */
export async function listCoacheeComments(db: Db, actor: Actor, coacheeMembershipId: string, choice?: ThreadChoice) {
  assertCoacheeMaterialRole(actor.role);
  if (!isId(coacheeMembershipId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coachee = await reachCoachee(tx, actor, coacheeMembershipId);
    const full = choice?.full && isId(choice.full) ? choice.full : null;
    const threads = [...(choice?.goalIds ?? []), ...(choice?.actionIds ?? [])].filter(isId);
    const counted = [...threads, ...(choice?.countIds ?? []), ...(full ? [full] : [])].filter(isId);
    const chosen = choice ? Prisma.sql`AND COALESCE("goalId", "actionId") = ANY(${counted}::uuid[])` : Prisma.empty;
    const shownThreads = choice ? Prisma.sql`"subject" = ANY(${threads}::uuid[])` : Prisma.sql`TRUE`;
    // The newest few of each thread and each thread's count, numbered in one pass over the chosen threads.
    const picked = await tx.$queryRaw<{ id: string; subject: string; total: bigint }[]>`
      SELECT "id"::text AS "id", "subject"::text AS "subject", "total" FROM (
        SELECT "id", COALESCE("goalId", "actionId") AS "subject",
               row_number() OVER (PARTITION BY COALESCE("goalId", "actionId") ORDER BY "createdAt" DESC, "id" DESC) AS "n",
               count(*) OVER (PARTITION BY COALESCE("goalId", "actionId")) AS "total"
          FROM "Comment"
         WHERE "organizationId" = ${actor.organizationId}::uuid AND "coacheeMembershipId" = ${coachee}::uuid ${chosen}
      ) t
      WHERE "n" = 1 OR ("n" <= ${GOALS_SHOWN.commentsPerThread} AND ${shownThreads}) OR "subject" = ${full}::uuid`;
    // The first of each thread only carries its count, unless the thread is shown.
    const wanted = new Set([...threads, ...(full ? [full] : [])]);
    const ids = picked.filter((p) => !choice || wanted.has(p.subject)).map((p) => p.id);
    const rows = ids.length ? await tx.comment.findMany({ where: { id: { in: ids } }, orderBy: THREAD_ORDER, select: COMMENT_ROW }) : [];
    const byGoal: Record<string, ReturnType<typeof shown>[]> = {};
    const byAction: Record<string, ReturnType<typeof shown>[]> = {};
    for (const row of rows) {
      if (row.goalId) (byGoal[row.goalId] ??= []).push(shown(actor, row));
      else if (row.actionId) (byAction[row.actionId] ??= []).push(shown(actor, row));
    }
    const totals: Record<string, number> = {};
    for (const p of picked) totals[p.subject] = Number(p.total);
    return { byGoal, byAction, totals };
  });
}
