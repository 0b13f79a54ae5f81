import type { Metadata } from "next";
import { promptLabel } from "@/components/assessments/answer-form";
import { QuestionBuilder } from "@/components/assessments/question-builder";
import { LinkButton } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { getTemplate } from "@/lib/assessments/templates";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { QUESTION_KIND_LABELS } from "@/lib/labels";
import { archiveTemplateAction, saveTemplateAction } from "../../actions";

export const metadata: Metadata = { title: "Template" };

// A template: its builder for whoever may change it (a coach their own, an admin the organisation's);
// read-only for a coach looking at the organisation's.
export default async function TemplatePage({ params }: { params: Promise<{ org: string; templateId: string }> }) {
  const { org, templateId } = await params;
  const member = await requireMember(org, "assessments:build");
  const t = await orNotFound(getTemplate(db(), memberActor(member), templateId));
  const coach = can(member.role, "coachees:manage");
  const list = `/${org}/assessments/templates`;
  return (
    <section className="space-y-6">
      <PageHeader
        back={{ href: list, label: "Templates" }}
        title={t.editable ? `Edit ${t.title}` : t.title}
        description={
          t.editable
            ? "Changes apply to assessments assigned from now on; those already assigned keep their questions."
            : "One of the organisation's templates: its admins change it, you may assign it."
        }
        actions={
          <>
            {coach ? (
              <LinkButton href={`/${org}/assessments/assign?template=${t.id}`} variant="secondary">
                Assign
              </LinkButton>
            ) : null}
            {t.editable ? (
              <ConfirmForm
                action={archiveTemplateAction}
                fields={{ org, templateId: t.id, back: list }}
                label="Delete template"
                title={`Delete ${t.title}?`}
                explain="It leaves the list of templates. Assessments already assigned from it, and their answers, stay as they are."
                confirmLabel="Delete"
                tone="danger"
              />
            ) : null}
          </>
        }
      />
      {t.editable ? (
        <QuestionBuilder
          label={`Edit ${t.title}`}
          fields={{ org, templateId: t.id }}
          initial={t}
          action={saveTemplateAction}
          submitLabel="Save template"
          done={list}
        />
      ) : (
        <Section id="questions-heading" title="Questions">
          {t.description ? <p className="mb-3 whitespace-pre-wrap">{t.description}</p> : null}
          <ol className="list-decimal space-y-1 ps-6">
            {t.questions.map((q) => (
              <li key={q.id}>
                {promptLabel(q)} <span className="text-sm text-muted">({QUESTION_KIND_LABELS[q.kind]})</span>
              </li>
            ))}
          </ol>
        </Section>
      )}
    </section>
  );
}
