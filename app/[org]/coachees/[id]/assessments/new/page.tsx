import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AssignForm } from "@/components/assessments/assign-form";
import { profileTabHref } from "@/lib/coachees/profile-tabs";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { templateOptions } from "@/lib/assessments/template-options";
import { listTemplates } from "@/lib/assessments/templates";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { getCoacheeProfile } from "@/lib/coachees/profile";
import { db } from "@/lib/db/client";
import { displayName } from "@/lib/users/display-name";
import { assignTemplateAction } from "../../../../assessments/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Coachees.addAssessment"))("title") };
}

/** The quick menu's "Add assessment": one of the coach's templates (or the organisation's) for this coachee. */
export default async function AddAssessmentPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const t = await getTranslations("Coachees.addAssessment");
  const member = await requireMember(org, "coachees:manage");
  const actor = memberActor(member);
  const coachee = await orNotFound(getCoacheeProfile(db(), actor, id));
  const name = displayName(coachee.user);
  const tab = profileTabHref(org, coachee.id, "assessments");
  const say = await getTranslations("Assessments.server");
  const templates = templateOptions(await listTemplates(db(), actor), (title) => say("organisationTemplate", { title }));
  return (
    <section>
      <PageHeader back={{ href: tab, label: name }} title={t("heading", { name })} description={t("description", { name })} />
      {templates.length ? (
        <AssignForm org={org} templates={templates} to={`coachee:${coachee.id}`} action={assignTemplateAction} done={tab} />
      ) : (
        <EmptyState>
          {t("empty")} <TextLink href={`/${org}/assessments/templates/new`}>{t("build")}</TextLink>
          {t("or")} <TextLink href={`/${org}/coachees/${coachee.id}/assessments/questions`}>{t("assign")}</TextLink>{" "}
          {t("writtenFor", { name })}
        </EmptyState>
      )}
    </section>
  );
}
