import type { Metadata } from "next";
import { DeleteSeriesButton, SeriesForm } from "@/components/goals/series-fields";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/table";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { displayDay } from "@/lib/format/dates";
import { getSeries } from "@/lib/goals/series";
import { profileTabPath } from "@/lib/coachees/profile-tabs";
import { recurrenceSummary } from "@/lib/labels";
import { deleteSeriesAndLeaveAction, updateSeriesAction } from "../../series-actions";

export const metadata: Metadata = { title: "Recurring action" };

/** A recurring action: its rule, its occurrences, editing it (the times not done yet) and deleting it. */
export default async function SeriesPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, ["coachees:manage", "goals:own"]);
  const series = await orNotFound(getSeries(db(), memberActor(member), id));
  // Back to the goals it belongs to: the coachee's own page, or the coach's tab on the coachee's profile.
  const back = can(member.role, "goals:own") ? `/${org}/goals` : profileTabPath(org, series.coacheeMembershipId, "goals");
  return (
    <section className="space-y-8">
      <PageHeader
        back={{ href: back, label: "Goals" }}
        title={series.title}
        description={`${recurrenceSummary(series)}, from ${displayDay(series.startDate)}, in ${series.timezone}.`}
      />
      <Section id="occurrences-heading" title="Occurrences">
        <DataTable
          caption={`Occurrences of ${series.title}`}
          captionHidden
          rows={series.occurrences}
          rowKey={(o) => o.id}
          empty="No occurrences left: every time of this series was deleted."
          columns={[
            { header: "Due", cell: (o) => displayDay(o.dueDate), nowrap: true },
            { header: "Progress", cell: (o) => `${o.progress}%` },
            { header: "Status", cell: (o) => (o.completedAt ? <Badge tone="success">Done</Badge> : "Open") },
          ]}
        />
      </Section>
      <Section id="edit-heading" title="Edit the recurring action">
        <SeriesForm
          action={updateSeriesAction}
          fields={{ org, seriesId: series.id }}
          initial={{ ...series, until: series.until ?? undefined, count: series.count ?? undefined }}
          submitLabel="Save recurring action"
        />
      </Section>
      <DeleteSeriesButton action={deleteSeriesAndLeaveAction} org={org} seriesId={series.id} back={back} />
    </section>
  );
}
