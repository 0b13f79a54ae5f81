import type { Metadata } from "next";
import { HeaderCells, Table } from "@/components/ui/table";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { pathwayReport, type ReportRow } from "@/lib/reports/pathway-report";

export const metadata: Metadata = { title: "Reports" };

function ReportTable({ caption, rows, first }: { caption: string; rows: ReportRow[]; first: "cohort" | "programme" }) {
  return (
    <Table>
      <caption className="mb-2 text-left font-medium">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200">
          <HeaderCells labels={[...(first === "cohort" ? ["Programme", "Cohort"] : ["Programme"]), "Active", "Completed", "Did not finish", "Did not start", "Sessions included", "Used", "Credited"]} />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.programme}-${r.cohort}`} className="border-b border-slate-100">
            <td className="p-2">{r.programme}</td>
            {first === "cohort" ? <td className="p-2">{r.cohort}</td> : null}
            <td className="p-2">{r.active}</td>
            <td className="p-2">{r.completed}</td>
            <td className="p-2">{r.dnf}</td>
            <td className="p-2">{r.dns}</td>
            <td className="p-2">{r.sessionsIncluded}</td>
            <td className="p-2">{r.sessionsUsed}</td>
            <td className="p-2">{r.sessionsCredited}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export default async function ReportsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "programmes:view");
  const report = await pathwayReport(db(), memberActor(member));
  return (
    <section className="space-y-8">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Reports</h1>
        <a href={`/${org}/reports/export`} download className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100">
          Export CSV
        </a>
      </div>
      {report.cohorts.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing to report yet: outcomes appear here once cohorts have pathways.</p>
      ) : (
        <>
          <ReportTable caption="By programme" rows={report.programmes} first="programme" />
          <ReportTable caption="By cohort" rows={report.cohorts} first="cohort" />
        </>
      )}
    </section>
  );
}
