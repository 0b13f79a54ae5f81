import type { Metadata } from "next";
import { Button, TextLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
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
import { HeaderCells, Table } from "@/components/ui/table";
import { ChangeList } from "@/components/audit/change-list";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawSearchParams> }) {
  const member = await requireMember((await params).org, "audit:view");
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(firstValues(raw));
  const { events, total, pages } = await listAuditEvents(db(), memberActor(member), filter);
  const clock = viewerClock(member.user);
  const filtered = Boolean(filter.actor || filter.action || filter.target || filter.from || filter.to);
  return (
    <section>
      <PageHeader title="Audit log" />
      <form method="get" role="search" aria-label="Filter the audit log" className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-6 md:items-end">
        {[
          { name: "actor", label: "Actor email", value: filter.actor, type: "search" },
          { name: "action", label: "Action", value: filter.action, type: "search" },
          { name: "target", label: "Target", value: filter.target, type: "search" },
          { name: "from", label: "From", value: filter.from, type: "date" },
          { name: "to", label: "To", value: filter.to, type: "date" },
        ].map((f) => (
          <Field key={f.name} id={`audit-${f.name}`} name={f.name} type={f.type} label={f.label} defaultValue={f.value ?? ""} />
        ))}
        <div className="mb-4">
          <Button type="submit" variant="primary">
            Filter
          </Button>
        </div>
      </form>
      {filter.page > pages ? (
        // Past the end of the list: the pagination says so and links back.
        <Pagination page={filter.page} pages={pages} href={(page) => queryWith(filter, { page }, { page: 1 })} />
      ) : events.length === 0 ? (
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
          <Table>
            <caption className="mb-2 text-left text-slate-600">
              {total} event{total === 1 ? "" : "s"}, newest first
            </caption>
            <thead>
              <tr className="border-b border-slate-200">
                <HeaderCells labels={[clock.label("When"), "Actor", "Action", "Target", "Address"]} />
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className="border-b border-slate-100 align-top">
                  <td className="p-2 whitespace-nowrap">
                    <Time at={e.createdAt} zone={clock.zone} />
                  </td>
                  <td className="p-2">{e.actor?.email ?? "system"}</td>
                  <td className="p-2">
                    <span className="font-mono">{e.action}</span>
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs text-slate-500">Before and after</summary>
                      <ChangeList before={e.before} after={e.after} zone={clock.zone} />
                    </details>
                  </td>
                  <td className="p-2">
                    {e.targetType} <span className="font-mono text-xs text-slate-500">{e.targetId}</span>
                  </td>
                  <td className="p-2">{e.ipAddress ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={filter.page} pages={pages} href={(page) => queryWith(filter, { page }, { page: 1 })} />
        </>
      )}
    </section>
  );
}
