import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveForm, CohortForm } from "@/components/pathways/forms";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { HeaderCells, Table } from "@/components/ui/table";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { cohortFilterSchema, getCohort, type CohortFilter } from "@/lib/programmes/cohorts";
import { ARCHIVE_REASON_LABELS } from "@/lib/pathways/labels";
import { displayName } from "@/lib/users/display-name";
import { firstValues, queryWith, type RawSearchParams } from "@/lib/web/search-params";
import { archivePathwayAction } from "../../pathways/actions";
import { updateCohortAction } from "../actions";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Cohort" };

const DEFAULTS = { sort: "participant", dir: "asc" };
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "–");

export default async function CohortPage({ params, searchParams }: { params: Promise<{ org: string; id: string }>; searchParams: Promise<RawSearchParams> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "programmes:view");
  const filter = cohortFilterSchema.parse(firstValues(await searchParams));
  const data = await orNotFound(getCohort(db(), memberActor(member), id, filter));
  const { cohort, pathways, ledger, coaches } = data;
  const canManage = can(member.role, "pathways:manage");
  const filtered = Boolean(filter.status || filter.reason || filter.coach);
  const sortLink = (sort: CohortFilter["sort"], label: string) => {
    const active = filter.sort === sort;
    return (
      <Link href={queryWith(filter, { sort, dir: active && filter.dir === "asc" ? "desc" : "asc" }, DEFAULTS)} className="underline" aria-label={`Sort by ${label.toLowerCase()}`}>
        {label}
        {active ? (filter.dir === "asc" ? " ↑" : " ↓") : ""}
      </Link>
    );
  };

  return (
    <section className="space-y-6">
      <div>
        <BackLink href={`/${org}/programmes/${cohort.programme.id}`}>{cohort.programme.name}</BackLink>
        <h1 className="mt-1 text-2xl font-semibold">{cohort.name}</h1>
        <p className="text-sm text-slate-600">
          {cohort.clientName ? `${cohort.clientName} · ` : ""}
          {day(cohort.startDate)} to {day(cohort.endDate)} · {cohort.programme.sessionsIncluded} sessions included per pathway
        </p>
        <p className="mt-2 text-lg" role="status" aria-label="Credit balance">
          Session credit balance: <strong>{cohort.creditBalance}</strong>
        </p>
      </div>

      <div className="flex flex-wrap items-end justify-between gap-4">
        <form method="get" role="search" aria-label="Filter pathways" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="sort" value={filter.sort} />
          <input type="hidden" name="dir" value={filter.dir} />
          <SelectField label="Status" name="status" defaultValue={filter.status ?? ""} empty="Any" options={[{ value: "ACTIVE", label: "Active" }, { value: "ARCHIVED", label: "Archived" }]} />
          <SelectField label="Reason" name="reason" defaultValue={filter.reason ?? ""} empty="Any" options={Object.entries(ARCHIVE_REASON_LABELS).map(([value, label]) => ({ value, label }))} />
          <SelectField label="Coach" name="coach" defaultValue={filter.coach ?? ""} empty="Any" options={coaches.map((c) => ({ value: c.id, label: displayName(c.user) }))} />
          <button type="submit" className="mb-4 rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white">
            Filter
          </button>
        </form>
        <div className="mb-4 flex gap-3">
          {can(member.role, "imports:run") ? (
            <Link href={`/${org}/cohorts/${cohort.id}/import`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100">
              Upload users
            </Link>
          ) : null}
          {canManage ? (
            <Link href={`/${org}/pathways/new?cohort=${cohort.id}`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100">
              + Participant
            </Link>
          ) : null}
        </div>
      </div>

      <p className="text-sm text-slate-600">
        Sort by {sortLink("participant", "Participant")} · {sortLink("coach", "Coach")} · {sortLink("start", "Start date")}
      </p>
      {pathways.length === 0 ? (
        <EmptyState>
          {filtered ? (
            <>
              No pathways match these filters. <Link href="?" className="text-indigo-700 underline">Clear the filters</Link>.
            </>
          ) : (
            "Nobody is on this cohort yet. Add a participant with + Participant."
          )}
        </EmptyState>
      ) : (
        <Table>
          <caption className="sr-only">Pathways</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <HeaderCells labels={["Participant", "Coach", "Programme", "Start", "Sessions used / included", "Status", "Actions"]} />
            </tr>
          </thead>
          <tbody>
            {pathways.map((p) => {
              const name = displayName(p.participant.user);
              return (
                <tr key={p.id} className={`border-b border-slate-100 align-top ${p.status === "ARCHIVED" ? "text-slate-500" : ""}`}>
                  <td className="p-2">
                    <Link href={`/${org}/pathways/${p.id}`} className="text-indigo-700 underline">
                      {name}
                    </Link>
                  </td>
                  <td className="p-2">{displayName(p.coach.user)}</td>
                  <td className="p-2">{p.programme.name}</td>
                  <td className="p-2 whitespace-nowrap">{day(p.startDate)}</td>
                  <td className="p-2">
                    {p.used} / {p.programme.sessionsIncluded}
                  </td>
                  <td className="p-2">{p.status === "ACTIVE" ? "Active" : `Archived: ${ARCHIVE_REASON_LABELS[p.archiveReason ?? "COMPLETED"].toLowerCase()}`}</td>
                  <td className="p-2">
                    {canManage ? (
                      <ArchiveForm
                        org={org}
                        pathwayId={p.id}
                        name={name}
                        unused={Math.max(0, p.programme.sessionsIncluded - p.used)}
                        archived={p.status !== "ACTIVE"}
                        action={archivePathwayAction}
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}

      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading" className="mb-2 text-lg font-semibold">
          Credit ledger
        </h2>
        {ledger.length === 0 ? (
          <p className="text-sm text-slate-600">No credits yet. Archiving a pathway can credit its unused sessions here.</p>
        ) : (
          <Table className="max-w-3xl">
            <thead>
              <tr className="border-b border-slate-200">
                <HeaderCells labels={["When (UTC)", "Who", "Sessions", "What"]} />
              </tr>
            </thead>
            <tbody>
              {ledger.map((e) => (
                <tr key={e.id} className="border-b border-slate-100">
                  <td className="p-2 whitespace-nowrap">{e.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                  <td className="p-2">{e.actor?.email ?? ""}</td>
                  <td className="p-2">{e.amount > 0 ? `+${e.amount}` : e.amount}</td>
                  <td className="p-2">{e.note}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      {can(member.role, "programmes:manage") ? <CohortForm org={org} cohort={cohort} action={updateCohortAction} /> : null}
    </section>
  );
}
