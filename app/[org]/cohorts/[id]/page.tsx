import { FilterForm, SortLinks } from "@/components/ui/list-controls";
import type { Metadata } from "next";
import { ArchiveForm } from "@/components/pathways/forms";
import { CohortForm } from "@/components/programmes/forms";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { PathwayStatusBadge } from "@/components/ui/badge";
import { LinkButton, TextLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { cohortFilterSchema, getCohort } from "@/lib/programmes/cohorts";
import { displayDay, viewerClock } from "@/lib/format/dates";
import { ARCHIVE_REASON_LABELS, PATHWAY_STATUS_LABELS, optionsOf } from "@/lib/labels";
import { displayName } from "@/lib/users/display-name";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { archivePathwayAction } from "../../pathways/actions";
import { updateCohortAction } from "../actions";

export const metadata: Metadata = { title: "Cohort" };

const DEFAULTS = { sort: "participant", dir: "asc", page: 1 };

export default async function CohortPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org, "programmes:view");
  const filter = cohortFilterSchema.parse(firstValues(await searchParams));
  const data = await orNotFound(getCohort(db(), memberActor(member), id, filter));
  const { cohort, pathways, ledger, coaches } = data;
  const canManage = can(member.role, "pathways:manage");
  const filtered = Boolean(filter.status || filter.reason || filter.coach);
  const clock = viewerClock(member.user);

  return (
    <section className="space-y-6">
      <PageHeader
        back={{ href: `/${org}/programmes/${cohort.programme.id}`, label: cohort.programme.name }}
        title={cohort.name}
        description={
          <span className="text-sm">
            {cohort.clientName ? `${cohort.clientName} · ` : ""}
            {displayDay(cohort.startDate)} to {displayDay(cohort.endDate)} · {cohort.programme.sessionsIncluded} sessions included per
            pathway
          </span>
        }
        actions={
          <>
            {can(member.role, "imports:run") ? (
              <LinkButton variant="secondary" href={`/${org}/cohorts/${cohort.id}/import`}>
                Upload users
              </LinkButton>
            ) : null}
            {canManage ? (
              <LinkButton variant="secondary" href={`/${org}/pathways/new?cohort=${cohort.id}`}>
                + Participant
              </LinkButton>
            ) : null}
          </>
        }
      >
        <p className="mt-2 text-lg" role="status" aria-label="Credit balance">
          Session credit balance: <strong>{cohort.creditBalance}</strong>
        </p>
      </PageHeader>

      <FilterForm label="Filter pathways" filter={filter} filtered={filtered} className="flex flex-wrap items-end gap-3">
        <SelectField
          label="Status"
          name="status"
          defaultValue={filter.status ?? ""}
          empty="Any"
          options={optionsOf(PATHWAY_STATUS_LABELS)}
        />
        <SelectField
          label="Reason"
          name="reason"
          defaultValue={filter.reason ?? ""}
          empty="Any"
          options={optionsOf(ARCHIVE_REASON_LABELS)}
        />
        <SelectField
          label="Coach"
          name="coach"
          defaultValue={filter.coach ?? ""}
          empty="Any"
          options={coaches.map((c) => ({ value: c.id, label: displayName(c.user) }))}
        />
      </FilterForm>

      <SortLinks
        filter={filter}
        defaults={DEFAULTS}
        columns={[
          ["participant", "Participant"],
          ["coach", "Coach"],
          ["start", "Start date"],
        ]}
      />
      <DataTable
        caption="Pathways"
        captionHidden
        rows={pathways}
        rowKey={(p) => p.id}
        muted={(p) => p.status === "ARCHIVED"}
        empty={
          <EmptyState>
            {filtered ? (
              <>
                No pathways match these filters. <TextLink href="?">Clear the filters</TextLink>.
              </>
            ) : (
              "Nobody is on this cohort yet. Add a participant with + Participant."
            )}
          </EmptyState>
        }
        columns={[
          { header: "Participant", cell: (p) => <TextLink href={`/${org}/pathways/${p.id}`}>{displayName(p.participant.user)}</TextLink> },
          { header: "Coach", cell: (p) => displayName(p.coach.user) },
          { header: "Programme", cell: (p) => p.programme.name },
          { header: "Start", cell: (p) => displayDay(p.startDate), nowrap: true },
          { header: "Sessions used / included", cell: (p) => `${p.used} / ${p.programme.sessionsIncluded}` },
          { header: "Status", cell: (p) => <PathwayStatusBadge pathway={p} /> },
          {
            header: "Actions",
            cell: (p) =>
              canManage ? (
                <ArchiveForm
                  org={org}
                  pathwayId={p.id}
                  name={displayName(p.participant.user)}
                  unused={Math.max(0, p.programme.sessionsIncluded - p.used)}
                  archived={p.status !== "ACTIVE"}
                  action={archivePathwayAction}
                />
              ) : null,
          },
        ]}
      />

      <Section id="ledger-heading" title="Credit ledger">
        <DataTable
          caption="Credit ledger"
          captionHidden
          narrow
          rows={ledger}
          rowKey={(e) => e.id}
          empty={<EmptyState inline>No credits yet. Archiving a pathway can credit its unused sessions here.</EmptyState>}
          columns={[
            { header: clock.label("When"), cell: (e) => <Time at={e.createdAt} zone={clock.zone} />, nowrap: true },
            { header: "Who", cell: (e) => e.who },
            { header: "Sessions", cell: (e) => (e.amount > 0 ? `+${e.amount}` : e.amount) },
            { header: "What", cell: (e) => e.note },
          ]}
        />
      </Section>
      {can(member.role, "programmes:manage") ? <CohortForm org={org} cohort={cohort} action={updateCohortAction} /> : null}
    </section>
  );
}
