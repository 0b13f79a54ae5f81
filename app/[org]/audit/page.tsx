import type { Metadata } from "next";
import Link from "next/link";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { auditFilterSchema, listAuditEvents } from "@/lib/audit/list";
import { db } from "@/lib/db/client";
import { firstValues, queryWith, type RawSearchParams } from "@/lib/web/search-params";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { HeaderCells, Table } from "@/components/ui/table";
import { AuditEvent } from "@/components/audit/audit-event";
import { AUDIT_AREAS } from "@/lib/audit/sentence";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawSearchParams> }) {
  const member = await requireMember((await params).org, "audit:view");
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(firstValues(raw));
  const { events, total, pages } = await listAuditEvents(db(), memberActor(member), filter);
  const filtered = Boolean(filter.actor || filter.action || filter.target || filter.from || filter.to);
  return (
    <section>
      <h1 className="mb-6 text-2xl font-semibold">Audit log</h1>
      <form method="get" role="search" aria-label="Filter the audit log" className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-6 md:items-end">
        <TextFilter name="actor" label="Actor email" value={filter.actor} type="search" />
        <div>
          <label htmlFor="audit-action" className="mb-1 block text-sm font-medium text-slate-700">
            Action
          </label>
          {/* Areas by name; a value from an older link that names no area stays, so the filter shown is the one applied. */}
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">Every action</option>
            {AUDIT_AREAS.map((a) => (
              <option key={a.prefix} value={a.prefix}>
                {a.label}
              </option>
            ))}
            {filter.action && !AUDIT_AREAS.some((a) => a.prefix === filter.action) ? <option value={filter.action}>Other: {filter.action}</option> : null}
          </select>
        </div>
        <TextFilter name="target" label="Target" value={filter.target} type="search" />
        <TextFilter name="from" label="From" value={filter.from} type="date" />
        <TextFilter name="to" label="To" value={filter.to} type="date" />
        <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white">
          Filter
        </button>
      </form>
      {filter.page > pages ? (
        // Past the end of the list: the pagination says so and links back.
        <Pagination page={filter.page} pages={pages} href={(page) => queryWith(filter, { page }, { page: 1 })} />
      ) : events.length === 0 ? (
        <EmptyState>
          {filtered ? (
            <>
              No events match these filters. <Link href="?" className="text-indigo-700 underline">Clear the filters</Link> to see every event.
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
                <HeaderCells labels={["When (UTC)", "What happened"]} />
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className="border-b border-slate-100 align-top">
                  <td className="p-2 whitespace-nowrap">{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
                  <td className="max-w-none p-2">
                    <AuditEvent event={e} folded />
                  </td>
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

function TextFilter({ name, label, value, type }: { name: string; label: string; value: string | undefined; type: "search" | "date" }) {
  return (
    <div>
      <label htmlFor={`audit-${name}`} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input id={`audit-${name}`} name={name} type={type} defaultValue={value ?? ""} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
    </div>
  );
}
