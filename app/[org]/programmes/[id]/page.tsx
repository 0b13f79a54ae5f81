import type { Metadata } from "next";
import { Table } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CohortForm, ProgrammeForm } from "@/components/pathways/forms";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { listProgrammesWithCounts } from "@/lib/programmes/programmes";
import { Counts } from "@/components/pathways/counts";
import { createCohortAction } from "../../cohorts/actions";
import { updateProgrammeAction } from "../actions";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Programme" };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "–");

export default async function ProgrammePage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "programmes:view");
  const programme = (await listProgrammesWithCounts(db(), memberActor(member))).find((p) => p.id === id);
  if (!programme) notFound();
  const canManage = can(member.role, "programmes:manage");
  return (
    <section className="space-y-8">
      <div>
        <BackLink href={`/${org}/programmes`}>Programmes</BackLink>
        <h1 className="mt-1 text-2xl font-semibold">{programme.name}</h1>
        {programme.description ? <p className="mt-1 text-slate-700">{programme.description}</p> : null}
        <p className="mt-1 text-sm">{programme.sessionsIncluded} sessions included</p>
        <Counts counts={programme.counts} />
      </div>
      {programme.cohorts.length === 0 ? (
        <EmptyState>{canManage ? "This programme has no cohorts yet. Add the first one with the form below." : "This programme has no cohorts yet."}</EmptyState>
      ) : (
        <Table>
          <caption className="mb-2 text-left font-medium">Cohorts</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="p-2">Cohort</th>
              <th scope="col" className="p-2">Client</th>
              <th scope="col" className="p-2">Dates</th>
              <th scope="col" className="p-2">Pathways</th>
              <th scope="col" className="p-2">Credit balance</th>
            </tr>
          </thead>
          <tbody>
            {programme.cohorts.map((c) => (
              <tr key={c.id} className="border-b border-slate-100">
                <td className="p-2">
                  <Link href={`/${org}/cohorts/${c.id}`} className="text-indigo-700 underline">
                    {c.name}
                  </Link>
                </td>
                <td className="p-2">{c.clientName}</td>
                <td className="p-2">
                  {day(c.startDate)} to {day(c.endDate)}
                </td>
                <td className="p-2">
                  <Counts counts={c.counts} />
                </td>
                <td className="p-2">{c.creditBalance}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canManage ? (
        <div className="grid gap-8 md:grid-cols-2">
          <CohortForm org={org} programmeId={programme.id} action={createCohortAction} />
          <ProgrammeForm org={org} programme={programme} action={updateProgrammeAction} />
        </div>
      ) : null}
    </section>
  );
}
