import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Programme" };

export default async function ProgrammePage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "programmes:view");
  const programme = (await listProgrammesWithCounts(db(), memberActor(member))).find((p) => p.id === id);
  if (!programme) notFound();
  const canManage = can(member.role, "programmes:manage");
  return (
    <section className="space-y-8">
      <PageHeader
        back={{ href: `/${org}/programmes`, label: "Programmes" }}
        title={programme.name}
        description={programme.description || undefined}
      >
        <p className="mt-1 text-sm">{programme.sessionsIncluded} sessions included</p>
        <Counts counts={programme.counts} />
      </PageHeader>
      <DataTable
        caption="Cohorts"
        rows={programme.cohorts}
        rowKey={(c) => c.id}
        empty={
          <EmptyState>
            {canManage ? "This programme has no cohorts yet. Add the first one with the form below." : "This programme has no cohorts yet."}
          </EmptyState>
        }
        columns={[
          { header: "Cohort", cell: (c) => <TextLink href={`/${org}/cohorts/${c.id}`}>{c.name}</TextLink> },
          { header: "Client", cell: (c) => c.clientName },
          { header: "Dates", cell: (c) => `${displayDay(c.startDate)} to ${displayDay(c.endDate)}` },
          { header: "Pathways", cell: (c) => <Counts counts={c.counts} /> },
          { header: "Credit balance", cell: (c) => c.creditBalance },
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
