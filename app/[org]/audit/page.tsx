import { FilterForm } from "@/components/ui/list-controls";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { TextLink } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { auditFilterSchema, listAuditEvents } from "@/lib/audit/list";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { firstValues, queryWith, type RawSearchParams } from "@/lib/web/search-params";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/table";
import { AuditEvent } from "@/components/audit/audit-event";
import { AUDIT_AREAS } from "@/lib/audit/sentence";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Audit"))("title") };
}

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const member = await requireMember((await params).org, "audit:view");
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(firstValues(raw));
  const { events, total, pages, page } = await listAuditEvents(db(), memberActor(member), filter);
  const t = await getTranslations("Audit");
  const clock = viewerClock(member.user, await getLocale());
  const filtered = Boolean(filter.actor || filter.action || filter.target || filter.from || filter.to);
  return (
    <section>
      <PageHeader title={t("title")} />
      <FilterForm
        label={t("filterLabel")}
        filter={filter}
        filtered={filtered}
        className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-6 md:items-end"
      >
        <Field id="audit-actor" name="actor" type="search" label={t("actorEmail")} defaultValue={filter.actor ?? ""} />
        {/* Areas by name; a value from an older link that names no area stays, so the filter shown is the one applied. */}
        <SelectField
          id="audit-action"
          name="action"
          label={t("action")}
          defaultValue={filter.action ?? ""}
          empty={t("everyAction")}
          options={[
            ...AUDIT_AREAS.map((a) => ({ value: `${a}.`, label: t(`area.${a}`) })),
            ...(filter.action && !AUDIT_AREAS.some((a) => `${a}.` === filter.action)
              ? [{ value: filter.action, label: t("otherAction", { action: filter.action }) }]
              : []),
          ]}
        />
        {[
          { name: "target", label: t("target"), value: filter.target, type: "search" },
          { name: "from", label: t("from"), value: filter.from, type: "date" },
          { name: "to", label: t("to"), value: filter.to, type: "date" },
        ].map((f) => (
          <Field key={f.name} id={`audit-${f.name}`} name={f.name} type={f.type} label={f.label} defaultValue={f.value ?? ""} />
        ))}
      </FilterForm>
      {events.length === 0 ? (
        <EmptyState>
          {filtered ? t.rich("emptyFiltered", { link: (chunks) => <TextLink href="?">{chunks}</TextLink> }) : t("empty")}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={<span className="font-normal text-muted">{t("caption", { count: total })}</span>}
            rows={events}
            rowKey={(e) => e.id}
            columns={[
              { header: clock.label(t("when")), nowrap: true, cell: (e) => <Time at={e.createdAt} zone={clock.zone} /> },
              { header: t("whatHappened"), wide: true, cell: (e) => <AuditEvent event={e} zone={clock.zone} folded /> },
            ]}
          />
          <Pagination page={page} pages={pages} href={(to) => queryWith(filter, { page: to }, { page: 1 })} />
        </>
      )}
    </section>
  );
}
