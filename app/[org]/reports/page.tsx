import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { pathwayReport, type ReportRow } from "@/lib/reports/pathway-report";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Reports"))("title") };
}

function ReportTable({ caption, rows, first }: { caption: string; rows: ReportRow[]; first: "cohort" | "programme" }) {
  const t = useTranslations("Reports");
  const tl = useTranslations("Labels");
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => `${r.programme}-${r.cohort}`}
      columns={[
        { header: t("programme"), cell: (r) => r.programme },
        first === "cohort" && { header: t("cohort"), cell: (r) => r.cohort },
        { header: tl("outcome.active"), cell: (r) => r.active },
        { header: tl("outcome.COMPLETED"), cell: (r) => r.completed },
        { header: tl("outcome.DNF"), cell: (r) => r.dnf },
        { header: tl("outcome.DNS"), cell: (r) => r.dns },
        { header: t("sessionsIncluded"), cell: (r) => r.sessionsIncluded },
        { header: t("used"), cell: (r) => r.sessionsUsed },
        { header: t("credited"), cell: (r) => r.sessionsCredited },
      ]}
    />
  );
}

export default async function ReportsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "programmes:view");
  const report = await pathwayReport(db(), memberActor(member));
  const t = await getTranslations("Reports");
  return (
    <section className="space-y-8">
      <PageHeader
        title={t("title")}
        actions={
          <LinkButton variant="secondary" href={`/${org}/reports/export`} download>
            {t("export")}
          </LinkButton>
        }
      />
      {report.cohorts.length === 0 ? (
        <EmptyState inline>{t("empty")}</EmptyState>
      ) : (
        <>
          <ReportTable caption={t("byProgramme")} rows={report.programmes} first="programme" />
          <ReportTable caption={t("byCohort")} rows={report.cohorts} first="cohort" />
        </>
      )}
    </section>
  );
}
