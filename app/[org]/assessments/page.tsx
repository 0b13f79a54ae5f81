import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AssessmentStatusBadge, MyAssessments } from "@/components/assessments/assessment-items";
import { Badge } from "@/components/ui/badge";
import { LinkButton, TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { FilterForm, ResultCount, SortLinks } from "@/components/ui/list-controls";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { listCoacheeAssessments } from "@/lib/assessments/assignments";
import { COACH_ASSESSMENTS_DEFAULTS, coachAssessmentsSchema, listCoachAssessments } from "@/lib/assessments/coach-list";
import { memberActor } from "@/lib/auth/member";
import { profileTabPath } from "@/lib/coachees/profile-tabs";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { displayDay, viewerClock } from "@/lib/format/dates";
import { ASSESSMENT_FILTER_LABELS, DUE_STATE_LABELS, optionsOf } from "@/lib/labels";
import { firstValues, queryWith, type RawSearchParams } from "@/lib/web/search-params";

export const metadata: Metadata = { title: "Assessments" };

const STATUS_OPTIONS = optionsOf(ASSESSMENT_FILTER_LABELS);

// A participant's own assessments (to do, done); a coach's assessments across all their coachees
// (filtered, sorted and paged through the URL). Admins build the organisation's templates only.
export default async function AssessmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const member = await requireMember(org, ["goals:own", "coachees:manage", "assessments:build"]);
  const actor = memberActor(member);
  const zone = viewerClock(member.user).zone;

  if (can(member.role, "goals:own")) {
    const { todo, done } = await listCoacheeAssessments(db(), actor, member.membershipId);
    return (
      <section>
        <PageHeader
          title="Assessments"
          description="Questions from your coach. Save your answers and come back, then submit them when you are ready."
        />
        <MyAssessments org={org} todo={todo} done={done} zone={zone} />
      </section>
    );
  }
  if (!can(member.role, "coachees:manage")) redirect(`/${org}/assessments/templates`);

  const filter = coachAssessmentsSchema.parse(firstValues(await searchParams));
  const list = await listCoachAssessments(db(), actor, filter);
  const defaults = { ...COACH_ASSESSMENTS_DEFAULTS };
  const filtered = filter.status !== "open" || Boolean(filter.coachee);
  return (
    <section className="space-y-4">
      <PageHeader
        title="Assessments"
        description="What your coachees have been asked to fill in: waiting for them, submitted for your review, reviewed."
        actions={
          <>
            <LinkButton href={`/${org}/assessments/assign`} variant="primary">
              Assign an assessment
            </LinkButton>
            <LinkButton href={`/${org}/assessments/templates`} variant="secondary">
              Templates
            </LinkButton>
          </>
        }
      />
      <FilterForm label="Filter assessments" filter={filter} filtered={filtered} className="grid gap-3 sm:grid-cols-3 sm:items-end">
        <SelectField id="assessments-status" name="status" label="Show" defaultValue={filter.status} options={STATUS_OPTIONS} />
      </FilterForm>
      <SortLinks
        filter={filter}
        defaults={defaults}
        columns={[
          ["due", "Due date"],
          ["assigned", "Assigned"],
          ["coachee", "Coachee"],
        ]}
      />
      {list.rows.length ? <ResultCount total={list.total} noun="assessment" filtered={filtered} /> : null}
      <DataTable
        caption="Your coachees' assessments"
        captionHidden
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={
          <EmptyState>
            {filtered ? (
              <>
                No assessments match this filter. <TextLink href="?">Show the ones not reviewed yet</TextLink>.
              </>
            ) : (
              <>
                Nothing waiting. <TextLink href={`/${org}/assessments/assign`}>Assign an assessment</TextLink> to a coachee or a group, or
                build a <TextLink href={`/${org}/assessments/templates/new`}>template</TextLink> first.
              </>
            )}
          </EmptyState>
        }
        columns={[
          {
            header: "Assessment",
            cell: (r) => (
              <TextLink href={`${profileTabPath(org, r.coacheeMembershipId, "assessments")}#assessment-${r.id}`}>{r.title}</TextLink>
            ),
          },
          { header: "Coachee", cell: (r) => r.coacheeName },
          {
            header: "Status",
            cell: (r) => (
              <span className="flex flex-wrap gap-1">
                <AssessmentStatusBadge status={r.status} />
                {r.overdue ? <Badge tone="danger">{DUE_STATE_LABELS.overdue}</Badge> : null}
              </span>
            ),
          },
          { header: "Due", cell: (r) => displayDay(r.dueDate), nowrap: true },
          { header: `Assigned (${zone})`, cell: (r) => <Time at={r.assignedAt} zone={zone} dateOnly />, nowrap: true },
        ]}
      />
      <Pagination page={list.page} pages={list.pages} href={(page) => queryWith(filter, { page }, defaults)} />
    </section>
  );
}
