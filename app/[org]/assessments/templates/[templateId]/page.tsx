import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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
import { archiveTemplateAction, saveTemplateAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Assessments"))("templates.one") };
}

// A template: its builder for whoever may change it (a coach their own, an admin the organisation's);
// read-only for a coach looking at the organisation's.
export default async function TemplatePage({ params }: { params: Promise<{ org: string; templateId: string }> }) {
  const { org, templateId } = await params;
  const member = await requireMember(org, "assessments:build");
  const template = await orNotFound(getTemplate(db(), memberActor(member), templateId));
  const [t, tl, ta] = await Promise.all([
    getTranslations("Assessments.templates"),
    getTranslations("Labels"),
    getTranslations("Assessments"),
  ]);
  const coach = can(member.role, "coachees:manage");
  const list = `/${org}/assessments/templates`;
  return (
    <section className="space-y-6">
      <PageHeader
        back={{ href: list, label: t("short") }}
        title={template.editable ? t("edit", { title: template.title }) : template.title}
        description={template.editable ? t("editDescription") : t("readOnlyDescription")}
        actions={
          <>
            {coach ? (
              <LinkButton href={`/${org}/assessments/assign?template=${template.id}`} variant="secondary">
                {t("assign")}
              </LinkButton>
            ) : null}
            {template.editable ? (
              <ConfirmForm
                action={archiveTemplateAction}
                fields={{ org, templateId: template.id, back: list }}
                label={t("delete")}
                title={t("deleteTitle", { title: template.title })}
                explain={t("deleteExplain")}
                confirmLabel={t("deleteConfirm")}
                tone="danger"
              />
            ) : null}
          </>
        }
      />
      {template.editable ? (
        <QuestionBuilder
          label={t("edit", { title: template.title })}
          fields={{ org, templateId: template.id }}
          initial={template}
          action={saveTemplateAction}
          submitLabel={t("save")}
          done={list}
        />
      ) : (
        <Section id="questions-heading" title={t("questions")}>
          {template.description ? <p className="mb-3 whitespace-pre-wrap">{template.description}</p> : null}
          <ol className="list-decimal space-y-1 ps-6">
            {template.questions.map((q) => (
              <li key={q.id}>
                {promptLabel(q, (prompt) => ta("optionalPrompt", { prompt }))}{" "}
                <span className="text-sm text-muted">{ta("kindAside", { kind: tl(`questionKind.${q.kind}`) })}</span>
              </li>
            ))}
          </ol>
        </Section>
      )}
    </section>
  );
}
