import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AssignForm } from "@/components/assessments/assign-form";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { assignees } from "@/lib/assessments/assignments";
import { templateOptions } from "@/lib/assessments/template-options";
import { listTemplates } from "@/lib/assessments/templates";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { assignTemplateAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Assessments"))("assign.title") };
}

/** Assign a template to one of the coach's coachees, or to each coachee of one of their groups. */
export default async function AssignPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const member = await requireMember(org, "coachees:manage");
  const actor = memberActor(member);
  const { template } = firstValues(await searchParams);
  const [templates, to] = await Promise.all([listTemplates(db(), actor), assignees(db(), actor)]);
  const t = await getTranslations("Assessments");
  const options = templateOptions(templates, (title) => t("server.organisationTemplate", { title }));
  const people = [
    ...to.coachees.map((c) => ({ value: `coachee:${c.id}`, label: c.name })),
    ...to.groups.map((g) => ({ value: `group:${g.id}`, label: t("assign.group", { name: g.name, count: g.members }) })),
  ];
  return (
    <section>
      <PageHeader
        back={{ href: `/${org}/assessments`, label: t("title") }}
        title={t("assign.title")}
        description={t("assign.description")}
      />
      {options.length && people.length ? (
        <AssignForm
          org={org}
          templates={options}
          template={options.some((o) => o.value === template) ? template : undefined}
          assignees={people}
          action={assignTemplateAction}
          done={`/${org}/assessments`}
        />
      ) : (
        <EmptyState>
          {options.length
            ? t.rich("assign.noCoachees", { link: (chunks) => <TextLink href={`/${org}/coachees/new`}>{chunks}</TextLink> })
            : t.rich("assign.noTemplates", { link: (chunks) => <TextLink href={`/${org}/assessments/templates/new`}>{chunks}</TextLink> })}
        </EmptyState>
      )}
    </section>
  );
}
