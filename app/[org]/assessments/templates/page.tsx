import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkButton, TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { listTemplates, type TemplateView } from "@/lib/assessments/templates";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Assessments"))("templates.title") };
}

// Templates: a coach's own and the organisation's (which admins build, and every coach may use).
export default async function TemplatesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "assessments:build");
  const coach = can(member.role, "coachees:manage");
  const { own, organisation } = await listTemplates(db(), memberActor(member));
  const zone = viewerClock(member.user).zone;
  const t = await getTranslations("Assessments");
  const table = (rows: TemplateView[], caption: string, empty: React.ReactNode) => (
    <DataTable
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(template) => template.id}
      empty={<EmptyState inline>{empty}</EmptyState>}
      columns={[
        {
          header: t("templates.template"),
          cell: (template) => <TextLink href={`/${org}/assessments/templates/${template.id}`}>{template.title}</TextLink>,
        },
        { header: t("templates.questions"), cell: (template) => template.questions.length },
        {
          header: t("templates.changed", { zone }),
          cell: (template) => <Time at={template.updatedAt} zone={zone} dateOnly />,
          nowrap: true,
        },
        ...(coach
          ? [
              {
                header: t("templates.use"),
                cell: (template: TemplateView) => (
                  <TextLink
                    href={`/${org}/assessments/assign?template=${template.id}`}
                    aria-label={t("templates.assignLabel", { title: template.title })}
                  >
                    {t("templates.assign")}
                  </TextLink>
                ),
              },
            ]
          : []),
      ]}
    />
  );
  return (
    <section className="space-y-8">
      <PageHeader
        back={coach ? { href: `/${org}/assessments`, label: t("title") } : undefined}
        title={t("templates.title")}
        description={coach ? t("templates.coachDescription") : t("templates.adminDescription")}
        actions={
          <LinkButton href={`/${org}/assessments/templates/new`} variant="primary">
            {t("templates.new")}
          </LinkButton>
        }
      />
      {coach ? (
        <Section id="own-heading" title={t("templates.own")}>
          {table(own, t("templates.own"), t("templates.ownEmpty"))}
        </Section>
      ) : null}
      <Section id="organisation-heading" title={t("templates.organisation")}>
        {table(
          organisation,
          t("templates.organisation"),
          coach ? t("templates.organisationEmptyCoach") : t("templates.organisationEmptyAdmin"),
        )}
      </Section>
    </section>
  );
}
