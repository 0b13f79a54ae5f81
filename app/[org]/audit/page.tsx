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
import { ChangeList } from "@/components/audit/change-list";

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
        {[
          { name: "actor", label: "Actor email", value: filter.actor, type: "search" },
          { name: "action", label: "Action", value: filter.action, type: "search" },
          { name: "target", label: "Target", value: filter.target, type: "search" },
          { name: "from", label: "From", value: filter.from, type: "date" },
          { name: "to", label: "To", value: filter.to, type: "date" },
        ].map((f) => (
          <div key={f.name}>
            <label htmlFor={`audit-${f.name}`} className="mb-1 block text-sm font-medium text-slate-700">
              {f.label}
            </label>
            <input id={`audit-${f.name}`} name={f.name} type={f.type} defaultValue={f.value ?? ""} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
          </div>
        ))}
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
                <HeaderCells labels={["When (UTC)", "Actor", "Action", "Target", "Address"]} />
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className="border-b border-slate-100 align-top">
                  <td className="p-2 whitespace-nowrap">{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
                  <td className="p-2">{e.actor?.email ?? "system"}</td>
                  <td className="p-2">
                    <span className="font-mono">{e.action}</span>
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs text-slate-500">Before and after</summary>
                      <ChangeList before={e.before} after={e.after} />
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
