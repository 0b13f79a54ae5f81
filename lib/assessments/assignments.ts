import { isoDay } from "../format/dates";
import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { ExpectedError, fieldError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { coacheeOfCoach } from "../coaching/relationship";
import { assertCoacheeMaterialRole, reachCoachee } from "../coaching/material";
import { coacheeZone, todayIn } from "../goals/calendar";
import { forgetNotifications, notify } from "../notifications/notify";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { idField, isId, textField } from "../web/form-fields";
import {
  assigneeField,
  checkAnswers,
  dueDateField,
  parseTemplate,
  storedAnswers,
  storedQuestions,
  withIds,
  type Answers,
  type Question,
} from "./questions";
import { usableTemplate } from "./templates";
import { msg } from "../i18n/msg";

// Assessments given to coachees. An assignment and its answers belong to the coachee and their current
// coaches, exactly like goals (reachCoachee decides): admins, programme managers and sponsors are
// refused before anything is read, and another coach's coachee, another organisation and a missing
// id all answer "not found". Answers are the coachee's draft until submitted: a coach sees only that
// the assessment is in progress. Each assignment carries its own copy of the questions (taken when it
// was given), so a template changed later changes nothing assigned; once submitted, the answers are
// final (here, and by a trigger in the database).

export const ASSESSMENT_STATUSES = ["not_started", "in_progress", "submitted", "reviewed"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const REVIEW_MAX = 5000;

export const assignTemplateSchema = z.strictObject({
  templateId: idField(msg("Assessments.server.chooseTemplate")),
  to: assigneeField,
  dueDate: dueDateField,
});
export type AssignTemplateInput = z.infer<typeof assignTemplateSchema>;

/** "Assign questions": a one-off set written for one coachee (the builder's fields, and a due date). */
export const assignQuestionsFormSchema = z.strictObject({
  coacheeId: idField(),
  title: z.string().default(""),
  description: z.string().default(""),
  questions: z.string().default(""),
  dueDate: dueDateField,
});

export const answersFormSchema = z
  .object({ assignmentId: idField(), intent: z.enum(["save", "submit"]).catch("save") })
  .catchall(z.union([z.string(), z.array(z.string())]));
export type AnswersInput = { assignmentId: string; intent: "save" | "submit"; [field: string]: unknown };

export const reviewSchema = z.strictObject({
  assignmentId: idField(),
  comment: textField({ max: REVIEW_MAX }),
});
export type ReviewInput = z.infer<typeof reviewSchema>;
export const assignmentIdSchema = z.strictObject({ assignmentId: idField() });

export function statusOf(row: { answersSavedAt: Date | null; submittedAt: Date | null; reviewedAt: Date | null }): AssessmentStatus {
  if (row.reviewedAt) return "reviewed";
  if (row.submittedAt) return "submitted";
  return row.answersSavedAt ? "in_progress" : "not_started";
}

export const ASSIGNMENT_ROW = {
  id: true,
  coacheeMembershipId: true,
  templateId: true,
  title: true,
  description: true,
  questions: true,
  dueDate: true,
  answers: true,
  answersSavedAt: true,
  submittedAt: true,
  reviewedAt: true,
  reviewComment: true,
  createdAt: true,
  assignedBy: { select: { id: true, ...PERSON } },
} as const;

type Row = Prisma.AssessmentAssignmentGetPayload<{ select: typeof ASSIGNMENT_ROW }>;

/**
 * An assignment as the actor may see it: the coachee sees everything of theirs, a coach the answers
 * only once submitted (a draft is the coachee's alone), and the review once it is made.
 */
export function assessmentView(actor: Actor, row: Row, today: Date) {
  const own = row.coacheeMembershipId === actor.membershipId;
  const status = statusOf(row);
  const answersVisible = own || row.submittedAt !== null;
  return {
    id: row.id,
    coacheeMembershipId: row.coacheeMembershipId,
    fromTemplate: row.templateId !== null,
    title: row.title,
    description: row.description,
    questions: storedQuestions(row.questions),
    dueDate: row.dueDate,
    overdue: row.dueDate !== null && row.submittedAt === null && row.dueDate < today,
    answers: answersVisible ? storedAnswers(row.answers) : null,
    status,
    savedAt: answersVisible ? row.answersSavedAt : null,
    submittedAt: row.submittedAt,
    reviewedAt: row.reviewedAt,
    reviewComment: row.reviewedAt ? row.reviewComment : "",
    assignedAt: row.createdAt,
    assignedBy: displayName(seen(row.assignedBy).user),
    /** The actor gave it (and so may withdraw it while it is not submitted). */
    givenByMe: row.assignedBy.id === actor.membershipId,
  };
}
export type AssessmentView = ReturnType<typeof assessmentView>;

/** The assignment, if the actor is its coachee or one of their coaches; else not found. */
async function reachAssignment(tx: TenantTx, actor: Actor, assignmentId: string) {
  if (!isId(assignmentId)) throw new NotFoundError();
  const row = await tx.assessmentAssignment.findFirst({ where: { id: assignmentId }, select: ASSIGNMENT_ROW });
  if (!row) throw new NotFoundError();
  await reachCoachee(tx, actor, row.coacheeMembershipId);
  return row;
}

/** Tells those the kind is for (the coaches of a submission, the coachee of a review) about the assignment. */
function tell(
  tx: TenantTx,
  actor: Actor,
  kind: "assessment.submitted" | "assessment.reviewed",
  row: { id: string; coacheeMembershipId: string; title: string },
) {
  return notify(tx, actor.organizationId, {
    kind,
    coacheeMembershipId: row.coacheeMembershipId,
    subjectId: row.id,
    actorMembershipId: actor.membershipId,
    data: { title: row.title },
  });
}

export async function coacheeToday(tx: TenantTx, coacheeMembershipId: string, now: Date) {
  return todayIn((await coacheeZone(tx, coacheeMembershipId)).zone, now);
}

/** Writes one assignment (its own copy of the questions) and tells the coachee. */
async function give(
  tx: TenantTx,
  actor: Actor,
  coacheeMembershipId: string,
  what: { templateId: string | null; title: string; description: string; questions: Question[]; dueDate: Date | null },
) {
  const row = await tx.assessmentAssignment.create({
    data: {
      organizationId: actor.organizationId,
      coacheeMembershipId,
      assignedByMembershipId: actor.membershipId,
      templateId: what.templateId,
      title: what.title,
      description: what.description,
      questions: what.questions as unknown as Prisma.InputJsonValue,
      dueDate: what.dueDate,
    },
    select: { id: true },
  });
  await notify(tx, actor.organizationId, {
    kind: "assessment.assigned",
    coacheeMembershipId,
    subjectId: row.id,
    actorMembershipId: actor.membershipId,
    data: { title: what.title, dueDate: what.dueDate ? isoDay(what.dueDate) : null },
  });
  return row.id;
}

/**
 * Assigns a template to one of the coach's coachees, or to each coachee in one of the coach's groups
 * (one assignment each, every one with its own copy of the questions as they are now).
 */
export async function assignTemplate(db: Db, actor: Actor, input: AssignTemplateInput) {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const template = await usableTemplate(tx, actor, input.templateId).catch((e: unknown) => {
      throw e instanceof NotFoundError ? fieldError("templateId", msg("Assessments.server.chooseTemplate")) : e;
    });
    let coachees: string[];
    if (input.to.kind === "coachee") {
      coachees = [(await coacheeOfCoach(tx, actor, input.to.id)).id];
    } else {
      const group = await tx.coacheeGroup.findFirst({
        where: { id: input.to.id, coachMembershipId: actor.membershipId },
        select: { members: { select: { coacheeMembershipId: true }, orderBy: { coacheeMembershipId: "asc" } } },
      });
      if (!group) throw new NotFoundError();
      // Members are the coach's coachees by the schema's own key; the relationship check is the rule itself.
      const members = await tx.coachingRelationship.findMany({
        where: { coachMembershipId: actor.membershipId, coacheeMembershipId: { in: group.members.map((m) => m.coacheeMembershipId) } },
        select: { coacheeMembershipId: true },
        orderBy: { coacheeMembershipId: "asc" },
      });
      coachees = members.map((m) => m.coacheeMembershipId);
      if (!coachees.length) throw fieldError("to", msg("Assessments.server.groupEmpty"));
    }
    const ids: string[] = [];
    for (const coachee of coachees) {
      ids.push(
        await give(tx, actor, coachee, {
          templateId: template.id,
          title: template.title,
          description: template.description,
          questions: template.questions,
          dueDate: input.dueDate,
        }),
      );
    }
    return { ids, title: template.title };
  });
}

/** "Assign questions": a one-off set written for one coachee, with no template behind it. */
export async function assignQuestions(db: Db, actor: Actor, input: { coacheeId: string; dueDate: Date | null } & Record<string, unknown>) {
  assertCan(actor.role, "coachees:manage");
  const t = parseTemplate({ title: input.title, description: input.description, questions: input.questions });
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coachee = await coacheeOfCoach(tx, actor, input.coacheeId);
    const id = await give(tx, actor, coachee.id, {
      templateId: null,
      title: t.title,
      description: t.description,
      questions: withIds(t.questions),
      dueDate: input.dueDate,
    });
    return { id };
  });
}

/**
 * The coachee's answers: "save" keeps them as a draft (each answer well formed, none required yet);
 * "submit" also needs every required question answered, and makes them final. Nothing changes when
 * anything is wrong. Only the coachee answers; a submitted assessment is refused.
 */
export async function saveAnswers(db: Db, actor: Actor, input: AnswersInput, now = new Date()) {
  assertCan(actor.role, "goals:own");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const row = await reachAssignment(tx, actor, input.assignmentId);
    if (row.submittedAt) throw new ExpectedError(msg("Assessments.server.submittedLocked"));
    const submit = input.intent === "submit";
    const checked = checkAnswers(storedQuestions(row.questions), input, { submit });
    if (!checked.ok)
      throw new ValidationError(
        submit ? msg("Assessments.server.answersMissing") : msg("Assessments.server.checkAnswers"),
        checked.fieldErrors,
      );
    // Conditional on still being a draft: of two submissions at once, one wins.
    const done = await tx.assessmentAssignment.updateMany({
      where: { id: row.id, submittedAt: null },
      data: { answers: checked.answers as Prisma.InputJsonValue, answersSavedAt: now, ...(submit ? { submittedAt: now } : {}) },
    });
    if (done.count !== 1) throw new ExpectedError(msg("Assessments.server.submittedLocked"));
    if (submit) await tell(tx, actor, "assessment.submitted", row);
    return { id: row.id, submitted: submit, answers: checked.answers as Answers };
  });
}

/** A coach of the coachee reviews a submitted assessment: a comment (optional) and "reviewed"; the coachee is told. */
export async function reviewAssessment(db: Db, actor: Actor, input: ReviewInput, now = new Date()) {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const row = await reachAssignment(tx, actor, input.assignmentId);
    if (!row.submittedAt) throw new ExpectedError(msg("Assessments.server.notSubmitted"));
    if (row.reviewedAt) throw new ExpectedError(msg("Assessments.server.alreadyReviewed"));
    const done = await tx.assessmentAssignment.updateMany({
      where: { id: row.id, reviewedAt: null },
      data: { reviewedAt: now, reviewedByMembershipId: actor.membershipId, reviewComment: input.comment },
    });
    if (done.count !== 1) throw new ExpectedError(msg("Assessments.server.alreadyReviewed"));
    await tell(tx, actor, "assessment.reviewed", row);
    return { id: row.id };
  });
}

/**
 * The coach who gave it takes back an assessment not submitted yet, the coachee's draft with it (a
 * submitted one stays: the database refuses too). Another coach of the coachee sees it and may review
 * it, but not throw away what a colleague asked for.
 */
export async function withdrawAssessment(db: Db, actor: Actor, input: { assignmentId: string }) {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const row = await reachAssignment(tx, actor, input.assignmentId);
    if (row.assignedBy.id !== actor.membershipId) throw new ForbiddenError(msg("Assessments.server.withdrawNotYours"));
    if (row.submittedAt) throw new ExpectedError(msg("Assessments.server.withdrawSubmitted"));
    await tx.assessmentAssignment.deleteMany({ where: { id: row.id, submittedAt: null } });
    await forgetNotifications(tx, "assessment.assigned", row.id);
    return { id: row.id, title: row.title, coacheeMembershipId: row.coacheeMembershipId };
  });
}

/** One assignment, as the actor may see it (see `assessmentView`). */
export async function getAssessment(db: Db, actor: Actor, assignmentId: string, now = new Date()) {
  assertCoacheeMaterialRole(actor.role);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const row = await reachAssignment(tx, actor, assignmentId);
    return assessmentView(actor, row, await coacheeToday(tx, row.coacheeMembershipId, now));
  });
}

const LIST_ORDER: Prisma.AssessmentAssignmentOrderByWithRelationInput[] = [
  { dueDate: { sort: "asc", nulls: "last" } },
  { createdAt: "asc" },
  { id: "asc" },
];

/**
 * A coachee's assessments, for them and their coaches: to do (not submitted; by due date) and done
 * (submitted, newest first).
 */
export async function listCoacheeAssessments(db: Db, actor: Actor, coacheeMembershipId: string, now = new Date()) {
  assertCoacheeMaterialRole(actor.role);
  if (!isId(coacheeMembershipId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coachee = await reachCoachee(tx, actor, coacheeMembershipId);
    const today = await coacheeToday(tx, coachee, now);
    const [todo, done] = await Promise.all([
      tx.assessmentAssignment.findMany({
        where: { coacheeMembershipId: coachee, submittedAt: null },
        orderBy: LIST_ORDER,
        select: ASSIGNMENT_ROW,
      }),
      tx.assessmentAssignment.findMany({
        where: { coacheeMembershipId: coachee, submittedAt: { not: null } },
        orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
        select: ASSIGNMENT_ROW,
      }),
    ]);
    return { todo: todo.map((r) => assessmentView(actor, r, today)), done: done.map((r) => assessmentView(actor, r, today)), today };
  });
}

/** Whom a coach may assign to: their coachees and their groups (with members), by name. */
export async function assignees(db: Db, actor: Actor) {
  assertCan(actor.role, "coachees:manage");
  const t = tenantDb(db, actor.organizationId);
  const [relationships, groups] = await Promise.all([
    t.coachingRelationship.findMany({
      where: { coachMembershipId: actor.membershipId },
      select: { coachee: { select: { id: true, ...PERSON } } },
    }),
    t.coacheeGroup.findMany({
      where: { coachMembershipId: actor.membershipId },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, _count: { select: { members: true } } },
    }),
  ]);
  const coachees = relationships
    .map((r) => ({ id: r.coachee.id, name: displayName(seen(r.coachee).user) }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
  return { coachees, groups: groups.map((g) => ({ id: g.id, name: g.name, members: g._count.members })) };
}
