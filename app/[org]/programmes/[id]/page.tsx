import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { notFound } from "next/navigation";
import { CohortForm, ProgrammeForm } from "@/components/programmes/forms";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { listProgrammesWithCounts } from "@/lib/programmes/programmes";
import { Counts } from "@/components/pathways/counts";
import { createCohortAction } from "../../cohorts/actions";
import { updateProgrammeAction } from "../actions";
import { TextLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { displayDay } from "@/lib/format/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Programmes"))("metaTitleOne") };
}

export default async function ProgrammePage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "programmes:view");
  const programme = (await listProgrammesWithCounts(db(), memberActor(member))).find((p) => p.id === id);
  if (!programme) notFound();
  const canManage = can(member.role, "programmes:manage");
  const t = await getTranslations("Programmes");
  const locale = await getLocale();
  const day = (d: Date | null) => displayDay(d, undefined, locale);
  return (
    <section className="space-y-8">
      <PageHeader
        back={{ href: `/${org}/programmes`, label: t("title") }}
        title={programme.name}
        description={programme.description || undefined}
      >
        <p className="mt-1 text-sm">{t("sessionsIncluded", { count: programme.sessionsIncluded })}</p>
        <Counts counts={programme.counts} />
      </PageHeader>
      <DataTable
        caption={t("cohorts")}
        rows={programme.cohorts}
        rowKey={(c) => c.id}
        empty={<EmptyState>{canManage ? t("noCohortsYetManage") : t("noCohortsYet")}</EmptyState>}
        columns={[
          { header: t("cohort"), cell: (c) => <TextLink href={`/${org}/cohorts/${c.id}`}>{c.name}</TextLink> },
          { header: t("client"), cell: (c) => c.clientName },
          { header: t("dates"), cell: (c) => t("dateRange", { start: day(c.startDate), end: day(c.endDate) }) },
          { header: t("pathways"), cell: (c) => <Counts counts={c.counts} /> },
          { header: t("creditBalanceHeader"), cell: (c) => c.creditBalance },
        ]}
      />
      {canManage ? (
        <div className="grid gap-8 md:grid-cols-2">
          <CohortForm org={org} programmeId={programme.id} action={createCohortAction} />
          <ProgrammeForm org={org} programme={programme} action={updateProgrammeAction} />
        </div>
      ) : null}
    </section>
  );
}
