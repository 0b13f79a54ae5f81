import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Assessment templates" };

// Templates: a coach's own and the organisation's (which admins build, and every coach may use).
export default async function TemplatesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "assessments:build");
  const coach = can(member.role, "coachees:manage");
  const { own, organisation } = await listTemplates(db(), memberActor(member));
  const zone = viewerClock(member.user).zone;
  const table = (rows: TemplateView[], caption: string, empty: React.ReactNode) => (
    <DataTable
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(t) => t.id}
      empty={<EmptyState inline>{empty}</EmptyState>}
      columns={[
        { header: "Template", cell: (t) => <TextLink href={`/${org}/assessments/templates/${t.id}`}>{t.title}</TextLink> },
        { header: "Questions", cell: (t) => t.questions.length },
        { header: `Changed (${zone})`, cell: (t) => <Time at={t.updatedAt} zone={zone} dateOnly />, nowrap: true },
        ...(coach
          ? [
              {
                header: "Use",
                cell: (t: TemplateView) => (
                  <TextLink href={`/${org}/assessments/assign?template=${t.id}`} aria-label={`Assign: ${t.title}`}>
                    Assign
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
        back={coach ? { href: `/${org}/assessments`, label: "Assessments" } : undefined}
        title="Assessment templates"
        description={
          coach
            ? "Your own templates, and the organisation's that every coach may use. Changing a template never changes what was already assigned."
            : "The organisation's templates: every coach may assign them. Changing one never changes what was already assigned."
        }
        actions={
          <LinkButton href={`/${org}/assessments/templates/new`} variant="primary">
            New template
          </LinkButton>
        }
      />
      {coach ? (
        <Section id="own-heading" title="Your templates">
          {table(own, "Your templates", "No templates of your own yet: build one with New template.")}
        </Section>
      ) : null}
      <Section id="organisation-heading" title="The organisation's templates">
        {table(
          organisation,
          "The organisation's templates",
          coach ? "None yet: your organisation's admins build them." : "None yet: build one with New template, and every coach can use it.",
        )}
      </Section>
    </section>
  );
}
