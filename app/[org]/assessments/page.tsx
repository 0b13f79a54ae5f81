import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
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
import { COACH_ASSESSMENTS_DEFAULTS, COACH_FILTERS, coachAssessmentsSchema, listCoachAssessments } from "@/lib/assessments/coach-list";
import { memberActor } from "@/lib/auth/member";
import { profileTabPath } from "@/lib/coachees/profile-tabs";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { displayDay, viewerClock } from "@/lib/format/dates";
import { firstValues, queryWith, type RawSearchParams } from "@/lib/web/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Assessments"))("title") };
}

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
  const t = await getTranslations("Assessments");

  if (can(member.role, "goals:own")) {
    const { todo, done } = await listCoacheeAssessments(db(), actor, member.membershipId);
    return (
      <section>
        <PageHeader title={t("title")} description={t("list.mineDescription")} />
        <MyAssessments org={org} todo={todo} done={done} zone={zone} />
      </section>
    );
  }
  if (!can(member.role, "coachees:manage")) redirect(`/${org}/assessments/templates`);

  const filter = coachAssessmentsSchema.parse(firstValues(await searchParams));
  const list = await listCoachAssessments(db(), actor, filter);
  const defaults = { ...COACH_ASSESSMENTS_DEFAULTS };
  const filtered = filter.status !== "open" || Boolean(filter.coachee);
  const [tl, locale] = await Promise.all([getTranslations("Labels"), getLocale()]);
  const statusOptions = COACH_FILTERS.map((code) => ({ value: code, label: tl(`assessmentFilter.${code}`) }));
  return (
    <section className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("list.coachDescription")}
        actions={
          <>
            <LinkButton href={`/${org}/assessments/assign`} variant="primary">
              {t("assign.title")}
            </LinkButton>
            <LinkButton href={`/${org}/assessments/templates`} variant="secondary">
              {t("templates.short")}
            </LinkButton>
          </>
        }
      />
      <FilterForm label={t("list.filter")} filter={filter} filtered={filtered} className="grid gap-3 sm:grid-cols-3 sm:items-end">
        <SelectField id="assessments-status" name="status" label={t("list.show")} defaultValue={filter.status} options={statusOptions} />
      </FilterForm>
      <SortLinks
        filter={filter}
        defaults={defaults}
        columns={[
          ["due", t("list.sortDue")],
          ["assigned", t("list.sortAssigned")],
          ["coachee", t("list.coachee")],
        ]}
      />
      {list.rows.length ? <ResultCount total={list.total} noun="assessment" filtered={filtered} /> : null}
      <DataTable
        caption={t("list.caption")}
        captionHidden
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={
          <EmptyState>
            {filtered
              ? t.rich("list.noMatch", { link: (chunks) => <TextLink href="?">{chunks}</TextLink> })
              : t.rich("list.empty", {
                  assign: (chunks) => <TextLink href={`/${org}/assessments/assign`}>{chunks}</TextLink>,
                  template: (chunks) => <TextLink href={`/${org}/assessments/templates/new`}>{chunks}</TextLink>,
                })}
          </EmptyState>
        }
        columns={[
          {
            header: t("list.assessment"),
            cell: (r) => (
              <TextLink href={`${profileTabPath(org, r.coacheeMembershipId, "assessments")}#assessment-${r.id}`}>{r.title}</TextLink>
            ),
          },
          { header: t("list.coachee"), cell: (r) => r.coacheeName },
          {
            header: t("list.status"),
            cell: (r) => (
              <span className="flex flex-wrap gap-1">
                <AssessmentStatusBadge status={r.status} />
                {r.overdue ? <Badge tone="danger">{tl("dueState.overdue")}</Badge> : null}
              </span>
            ),
          },
          { header: t("list.due"), cell: (r) => displayDay(r.dueDate, undefined, locale), nowrap: true },
          { header: t("list.assigned", { zone }), cell: (r) => <Time at={r.assignedAt} zone={zone} dateOnly />, nowrap: true },
        ]}
      />
      <Pagination page={list.page} pages={list.pages} href={(page) => queryWith(filter, { page }, defaults)} />
    </section>
  );
}
