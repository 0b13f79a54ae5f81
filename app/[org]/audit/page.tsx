import { FilterForm } from "@/components/ui/list-controls";
import type { Metadata } from "next";
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
import { plural } from "@/lib/words";

export const metadata: Metadata = { title: "Audit log" };

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
  const clock = viewerClock(member.user);
  const filtered = Boolean(filter.actor || filter.action || filter.target || filter.from || filter.to);
  return (
    <section>
      <PageHeader title="Audit log" />
      <FilterForm
        label="Filter the audit log"
        filter={filter}
        filtered={filtered}
        className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-6 md:items-end"
      >
        <Field id="audit-actor" name="actor" type="search" label="Actor email" defaultValue={filter.actor ?? ""} />
        {/* Areas by name; a value from an older link that names no area stays, so the filter shown is the one applied. */}
        <SelectField
          id="audit-action"
          name="action"
          label="Action"
          defaultValue={filter.action ?? ""}
          empty="Every action"
          options={[
            ...AUDIT_AREAS.map((a) => ({ value: a.prefix, label: a.label })),
            ...(filter.action && !AUDIT_AREAS.some((a) => a.prefix === filter.action)
              ? [{ value: filter.action, label: `Other: ${filter.action}` }]
              : []),
          ]}
        />
        {[
          { name: "target", label: "Target", value: filter.target, type: "search" },
          { name: "from", label: "From", value: filter.from, type: "date" },
          { name: "to", label: "To", value: filter.to, type: "date" },
        ].map((f) => (
          <Field key={f.name} id={`audit-${f.name}`} name={f.name} type={f.type} label={f.label} defaultValue={f.value ?? ""} />
        ))}
      </FilterForm>
      {events.length === 0 ? (
        <EmptyState>
          {filtered ? (
            <>
              No events match these filters. <TextLink href="?">Clear the filters</TextLink> to see every event.
            </>
          ) : (
            "No administrative changes yet. Changes to settings, users and invitations appear here."
          )}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={<span className="font-normal text-muted">{plural(total, "event")}, newest first</span>}
            rows={events}
            rowKey={(e) => e.id}
            columns={[
              { header: clock.label("When"), nowrap: true, cell: (e) => <Time at={e.createdAt} zone={clock.zone} /> },
              { header: "What happened", wide: true, cell: (e) => <AuditEvent event={e} zone={clock.zone} folded /> },
            ]}
          />
          <Pagination page={page} pages={pages} href={(to) => queryWith(filter, { page: to }, { page: 1 })} />
        </>
      )}
    </section>
  );
}
