import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { OUTCOME_LABELS } from "@/lib/labels";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { pathwayReport, type ReportRow } from "@/lib/reports/pathway-report";

export const metadata: Metadata = { title: "Reports" };

function ReportTable({ caption, rows, first }: { caption: string; rows: ReportRow[]; first: "cohort" | "programme" }) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => `${r.programme}-${r.cohort}`}
      columns={[
        { header: "Programme", cell: (r) => r.programme },
        first === "cohort" && { header: "Cohort", cell: (r) => r.cohort },
        { header: OUTCOME_LABELS.active, cell: (r) => r.active },
        { header: OUTCOME_LABELS.COMPLETED, cell: (r) => r.completed },
        { header: OUTCOME_LABELS.DNF, cell: (r) => r.dnf },
        { header: OUTCOME_LABELS.DNS, cell: (r) => r.dns },
        { header: "Sessions included", cell: (r) => r.sessionsIncluded },
        { header: "Used", cell: (r) => r.sessionsUsed },
        { header: "Credited", cell: (r) => r.sessionsCredited },
      ]}
    />
  );
}

export default async function ReportsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "programmes:view");
  const report = await pathwayReport(db(), memberActor(member));
  return (
    <section className="space-y-8">
      <PageHeader
        title="Reports"
        actions={
          <LinkButton variant="secondary" href={`/${org}/reports/export`} download>
            Export CSV
          </LinkButton>
        }
      />
      {report.cohorts.length === 0 ? (
        <EmptyState inline>Nothing to report yet: outcomes appear here once cohorts have pathways.</EmptyState>
      ) : (
        <>
          <ReportTable caption="By programme" rows={report.programmes} first="programme" />
          <ReportTable caption="By cohort" rows={report.cohorts} first="cohort" />
        </>
      )}
    </section>
  );
}
