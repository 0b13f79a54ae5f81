import { FilterForm, SortLinks } from "@/components/ui/list-controls";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { localize, type Translate } from "@/lib/i18n/msg";
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
import { ArchiveReason, PathwayStatus } from "@/lib/db/generated/enums";
import { cohortFilterSchema, getCohort } from "@/lib/programmes/cohorts";
import { displayDay, viewerClock } from "@/lib/format/dates";
import { displayName } from "@/lib/users/display-name";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { archivePathwayAction } from "../../pathways/actions";
import { updateCohortAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Cohorts"))("metaTitle") };
}

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
  const locale = await getLocale();
  const clock = viewerClock(member.user, locale);
  const day = (d: Date | null) => displayDay(d, undefined, locale);
  const t = await getTranslations("Cohorts");
  // Ledger entries' notes are kept in message keys (lib/pathways/archive.ts).
  const say = (await getTranslations()) as unknown as Translate;
  const tl = await getTranslations("Labels");

  return (
    <section className="space-y-6">
      <PageHeader
        back={{ href: `/${org}/programmes/${cohort.programme.id}`, label: cohort.programme.name }}
        title={cohort.name}
        description={
          <span className="text-sm">
            {cohort.clientName ? `${cohort.clientName} · ` : ""}
            {t("dates", { start: day(cohort.startDate), end: day(cohort.endDate), count: cohort.programme.sessionsIncluded })}
          </span>
        }
        actions={
          <>
            {can(member.role, "imports:run") ? (
              <LinkButton variant="secondary" href={`/${org}/cohorts/${cohort.id}/import`}>
                {t("uploadUsers")}
              </LinkButton>
            ) : null}
            {canManage ? (
              <LinkButton variant="secondary" href={`/${org}/pathways/new?cohort=${cohort.id}`}>
                {t("addParticipant")}
              </LinkButton>
            ) : null}
          </>
        }
      >
        <p className="mt-2 text-lg" role="status" aria-label={t("creditBalanceLabel")}>
          {t.rich("creditBalance", { balance: cohort.creditBalance, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      </PageHeader>

      <FilterForm label={t("filterLabel")} filter={filter} filtered={filtered} className="flex flex-wrap items-end gap-3">
        <SelectField
          label={t("status")}
          name="status"
          defaultValue={filter.status ?? ""}
          empty={t("any")}
          options={Object.values(PathwayStatus).map((s) => ({ value: s, label: tl(`pathwayStatus.${s}`) }))}
        />
        <SelectField
          label={t("reason")}
          name="reason"
          defaultValue={filter.reason ?? ""}
          empty={t("any")}
          options={Object.values(ArchiveReason).map((r) => ({ value: r, label: tl(`archiveReason.${r}`) }))}
        />
        <SelectField
          label={t("coach")}
          name="coach"
          defaultValue={filter.coach ?? ""}
          empty={t("any")}
          options={coaches.map((c) => ({ value: c.id, label: displayName(c.user) }))}
        />
      </FilterForm>

      <SortLinks
        filter={filter}
        defaults={DEFAULTS}
        columns={[
          ["participant", t("participant")],
          ["coach", t("coach")],
          ["start", t("startDate")],
        ]}
      />
      <DataTable
        caption={t("pathways")}
        captionHidden
        rows={pathways}
        rowKey={(p) => p.id}
        muted={(p) => p.status === "ARCHIVED"}
        empty={
          <EmptyState>
            {filtered ? t.rich("noMatch", { link: (chunks) => <TextLink href="?">{chunks}</TextLink> }) : t("nobody")}
          </EmptyState>
        }
        columns={[
          {
            header: t("participant"),
            cell: (p) => <TextLink href={`/${org}/pathways/${p.id}`}>{displayName(p.participant.user)}</TextLink>,
          },
          { header: t("coach"), cell: (p) => displayName(p.coach.user) },
          { header: t("programme"), cell: (p) => p.programme.name },
          { header: t("start"), cell: (p) => day(p.startDate), nowrap: true },
          { header: t("sessionsUsed"), cell: (p) => `${p.used} / ${p.programme.sessionsIncluded}` },
          { header: t("status"), cell: (p) => <PathwayStatusBadge pathway={p} /> },
          {
            header: t("actions"),
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

      <Section id="ledger-heading" title={t("ledger")}>
        <DataTable
          caption={t("ledger")}
          captionHidden
          narrow
          rows={ledger}
          rowKey={(e) => e.id}
          empty={<EmptyState inline>{t("ledgerEmpty")}</EmptyState>}
          columns={[
            { header: clock.label(t("when")), cell: (e) => <Time at={e.createdAt} zone={clock.zone} />, nowrap: true },
            { header: t("who"), cell: (e) => localize(e.who, say) },
            { header: t("sessions"), cell: (e) => (e.amount > 0 ? `+${e.amount}` : e.amount) },
            { header: t("what"), cell: (e) => localize(e.note, say) },
          ]}
        />
      </Section>
      {can(member.role, "programmes:manage") ? <CohortForm org={org} cohort={cohort} action={updateCohortAction} /> : null}
    </section>
  );
}
