"use server";

import { refreshOrganisation } from "@/lib/actions/refresh";
import { redirect } from "next/navigation";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action";
import {
  answersFormSchema,
  assignmentIdSchema,
  assignQuestions,
  assignQuestionsFormSchema,
  assignTemplate,
  assignTemplateSchema,
  reviewAssessment,
  reviewSchema,
  saveAnswers,
  withdrawAssessment,
  type AnswersInput,
} from "@/lib/assessments/assignments";
import { archiveTemplate, createTemplate, templateFormSchema, templateIdSchema, updateTemplate } from "@/lib/assessments/templates";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";

// Assessments: templates for those who build them (a coach their own, an admin the organisation's),
// assigning and reviewing for coaches (their coachees), answering for the coachee. Each service checks
// again who may do it and on whose assessment.

export const saveTemplateAction = memberAction("assessments:build", templateFormSchema, async (actor, input) => {
  const { templateId, ...fields } = input;
  const saved = templateId ? await updateTemplate(db(), actor, templateId, fields) : await createTemplate(db(), actor, fields);
  refreshOrganisation();
  return {
    ok: true as const,
    message: templateId ? msg("Assessments.server.templateSaved") : msg("Assessments.server.templateCreated"),
    data: { id: saved.id },
  };
});

// Back to the list once the template is gone (its page would be "not found"): a path of this app only.
const templatesList = z.string().regex(/^\/[^/?#\\]+\/assessments\/templates$/);

export const archiveTemplateAction = memberAction(
  "assessments:build",
  templateIdSchema.extend({ back: templatesList }),
  async (actor, input) => {
    await archiveTemplate(db(), actor, input.templateId);
    refreshOrganisation();
    redirect(input.back);
  },
);

export const assignTemplateAction = memberAction("coachees:manage", assignTemplateSchema, async (actor, input) => {
  const { ids } = await assignTemplate(db(), actor, input);
  refreshOrganisation();
  return {
    ok: true as const,
    message: ids.length === 1 ? msg("Assessments.server.assigned") : msg("Assessments.server.assignedTo", { count: ids.length }),
  };
});

export const assignQuestionsAction = memberAction("coachees:manage", assignQuestionsFormSchema, async (actor, input) => {
  await assignQuestions(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("Assessments.server.questionsAssigned") };
});

export const saveAnswersAction = memberAction("goals:own", answersFormSchema, async (actor, input) => {
  const saved = await saveAnswers(db(), actor, input as AnswersInput);
  refreshOrganisation();
  return {
    ok: true as const,
    message: saved.submitted ? msg("Assessments.server.submitted") : msg("Assessments.server.saved"),
    keep: !saved.submitted,
  };
});

export const reviewAction = memberAction("coachees:manage", reviewSchema, async (actor, input) => {
  await reviewAssessment(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("Assessments.server.reviewed") };
});

export const withdrawAction = memberAction("coachees:manage", assignmentIdSchema, async (actor, input) => {
  const w = await withdrawAssessment(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("Assessments.server.withdrawn", { title: w.title }) };
});
