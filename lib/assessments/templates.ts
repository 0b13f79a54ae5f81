import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/permissions";
import { ForbiddenError, NotFoundError } from "../errors";
import { idField, isId } from "../web/form-fields";
import { parseTemplate, storedQuestions, withIds } from "./questions";
import { msg } from "../i18n/msg";

// Assessment templates ("assessments:build"). A coach builds their own; an admin builds the
// organisation's, which every coach may use and only admins change. A coach sees their own and the
// organisation's; an admin sees the organisation's only (never a coach's, and never any answers).
// Another coach's template, another organisation's and a missing id all answer "not found".

export const templateIdSchema = z.strictObject({ templateId: idField() });
/** The builder form: the template's fields, its questions as JSON in one hidden field. */
export const templateFormSchema = z.strictObject({
  templateId: idField().optional(),
  title: z.string().default(""),
  description: z.string().default(""),
  questions: z.string().default(""),
});

/** Whose templates the actor builds: a coach their own, an admin the organisation's. */
function builderScope(actor: Actor): { coachMembershipId: string | null } {
  assertCan(actor.role, "assessments:build");
  return { coachMembershipId: can(actor.role, "coachees:manage") ? actor.membershipId : null };
}

/** What the actor may see: a coach their own and the organisation's; an admin the organisation's. */
function visibleWhere(actor: Actor): Prisma.AssessmentTemplateWhereInput {
  const scope = builderScope(actor);
  return scope.coachMembershipId ? { coachMembershipId: { in: [scope.coachMembershipId] } } : { coachMembershipId: null };
}

const TEMPLATE = {
  id: true,
  coachMembershipId: true,
  title: true,
  description: true,
  questions: true,
  updatedAt: true,
  createdAt: true,
} as const;

type TemplateRow = {
  id: string;
  coachMembershipId: string | null;
  title: string;
  description: string;
  questions: unknown;
  updatedAt: Date;
  createdAt: Date;
};

function shown(actor: Actor, row: TemplateRow) {
  const scope = builderScope(actor);
  const questions = storedQuestions(row.questions);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    questions,
    organisation: row.coachMembershipId === null,
    /** Whether the actor may change it (a coach their own, an admin the organisation's). */
    editable: row.coachMembershipId === scope.coachMembershipId,
    updatedAt: row.updatedAt,
  };
}
export type TemplateView = ReturnType<typeof shown>;

/** A template the actor may use (a coach: their own or the organisation's; not archived), or not found. */
export async function usableTemplate(tx: TenantTx, actor: Actor, templateId: string) {
  const scope = builderScope(actor);
  if (!isId(templateId)) throw new NotFoundError();
  const row = await tx.assessmentTemplate.findFirst({
    where: {
      id: templateId,
      archivedAt: null,
      OR: [{ coachMembershipId: null }, ...(scope.coachMembershipId ? [{ coachMembershipId: scope.coachMembershipId }] : [])],
    },
    select: TEMPLATE,
  });
  if (!row) throw new NotFoundError();
  return shown(actor, row);
}

async function editableTemplate(tx: TenantTx, actor: Actor, templateId: string) {
  const template = await usableTemplate(tx, actor, templateId);
  if (!template.editable) throw new ForbiddenError(msg("Assessments.server.templateAdminOnly"));
  return template;
}

export async function createTemplate(db: Db, actor: Actor, input: unknown) {
  const scope = builderScope(actor);
  const t = parseTemplate(input);
  return tenantDb(db, actor.organizationId).assessmentTemplate.create({
    data: {
      organizationId: actor.organizationId,
      coachMembershipId: scope.coachMembershipId,
      createdByMembershipId: actor.membershipId,
      title: t.title,
      description: t.description,
      questions: withIds(t.questions) as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
}

/** Changes a template; assessments already assigned from it keep the questions they were given. */
export async function updateTemplate(db: Db, actor: Actor, templateId: string, input: unknown) {
  builderScope(actor);
  const t = parseTemplate(input);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const template = await editableTemplate(tx, actor, templateId);
    await tx.assessmentTemplate.updateMany({
      where: { id: template.id },
      data: { title: t.title, description: t.description, questions: withIds(t.questions) as unknown as Prisma.InputJsonValue },
    });
    return { id: template.id };
  });
}

/** Takes a template out of the lists; what was assigned from it stays as it is. */
export async function archiveTemplate(db: Db, actor: Actor, templateId: string) {
  builderScope(actor);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const template = await editableTemplate(tx, actor, templateId);
    await tx.assessmentTemplate.updateMany({ where: { id: template.id }, data: { archivedAt: new Date() } });
    return { id: template.id, title: template.title };
  });
}

/** One template the actor may see (a coach may open the organisation's, read-only), or not found. */
export async function getTemplate(db: Db, actor: Actor, templateId: string) {
  return usableTemplate(tenantDb(db, actor.organizationId), actor, templateId);
}

/** The templates the actor may use, by title: a coach's own first, then the organisation's. */
export async function listTemplates(db: Db, actor: Actor) {
  const scope = builderScope(actor);
  const rows = await tenantDb(db, actor.organizationId).assessmentTemplate.findMany({
    where: {
      archivedAt: null,
      OR: [{ coachMembershipId: null }, ...(scope.coachMembershipId ? [visibleWhere(actor)] : [])],
    },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: TEMPLATE,
  });
  const all = rows.map((r) => shown(actor, r));
  return { own: scope.coachMembershipId ? all.filter((t) => !t.organisation) : [], organisation: all.filter((t) => t.organisation) };
}
