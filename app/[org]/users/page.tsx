import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { UsersTable } from "@/components/users/users-table";
import { SeatCounter } from "@/components/users/seat-counter";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can, ROLE_LABELS } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { unitsForPickers, unitTree } from "@/lib/units/units";
import { listUsers, STATUS_LABELS, userFilterSchema, type UserFilter } from "@/lib/users/list";
import { firstValues, queryWith, type RawSearchParams } from "@/lib/web/search-params";
import { bulkUsersAction } from "./actions";
import { displayName } from "@/lib/users/display-name";

export const metadata: Metadata = { title: "Users" };

const DEFAULTS = { sort: "name", dir: "asc", page: 1 };
const date = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "Never");
const SELECT = "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export default async function UsersPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawSearchParams> }) {
  const { org } = await params;
  const member = await requireMember(org, "users:view");
  const actor = memberActor(member);
  const filter = userFilterSchema.parse(firstValues(await searchParams));
  const [{ rows, total, pages, seats }, units] = await Promise.all([listUsers(db(), actor, filter), unitsForPickers(db(), actor)]);
  const canManage = can(member.role, "users:manage");
  const filtered = Boolean(filter.q || filter.role || filter.status || filter.invitation || filter.unit || filter.joined);
  const { page: _page, ...withoutPage } = filter;
  const listQuery = queryWith(withoutPage, {}, DEFAULTS).slice(1);

  const sortLink = (sort: UserFilter["sort"], label: string) => {
    const active = filter.sort === sort;
    const dir = active && filter.dir === "asc" ? "desc" : "asc";
    return (
      <Link
        href={queryWith(filter, { sort, dir, page: 1 }, DEFAULTS)}
        className="underline"
        aria-label={`Sort by ${label.toLowerCase()}${active ? `, now ${filter.dir === "asc" ? "ascending" : "descending"}` : ""}`}
      >
        {label}
        {active ? (filter.dir === "asc" ? " ↑" : " ↓") : ""}
      </Link>
    );
  };

  return (
    <section>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Users</h1>
        <div className="flex flex-wrap gap-3 text-sm">
          {can(member.role, "invitations:send") ? (
            <Link href={`/${org}/invitations/new`} className="rounded-md bg-indigo-700 px-3 py-2 font-medium text-white hover:bg-indigo-800">
              Invite users
            </Link>
          ) : null}
          {can(member.role, "imports:run") ? (
            <Link href={`/${org}/users/import`} className="rounded-md border border-slate-300 bg-white px-3 py-2 hover:bg-slate-100">
              Upload users
            </Link>
          ) : null}
          {can(member.role, "units:manage") ? (
            <Link href={`/${org}/units`} className="rounded-md border border-slate-300 bg-white px-3 py-2 hover:bg-slate-100">
              Organisational units
            </Link>
          ) : null}
          <a
            href={`/${org}/users/export${queryWith(withoutPage, {}, DEFAULTS)}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 hover:bg-slate-100"
            download
          >
            Export CSV
          </a>
        </div>
      </div>

      <form method="get" role="search" aria-label="Search and filter users" className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-8 lg:items-end">
        <input type="hidden" name="sort" value={filter.sort} />
        <input type="hidden" name="dir" value={filter.dir} />
        <div className="col-span-2">
          <label htmlFor="users-q" className="mb-1 block text-sm font-medium text-slate-700">
            Search name or email
          </label>
          <input id="users-q" name="q" type="search" defaultValue={filter.q ?? ""} className={SELECT} />
        </div>
        <SelectField id="users-role" name="role" label="Role" defaultValue={filter.role ?? ""} empty="Any" options={options(ROLE_LABELS)} />
        <SelectField id="users-status" name="status" label="Status" defaultValue={filter.status ?? ""} empty="Any" options={options(STATUS_LABELS)} />
        <SelectField
          id="users-invitation"
          name="invitation"
          label="Invitation"
          defaultValue={filter.invitation ?? ""}
          empty="Any"
          options={options({ accepted: "Accepted", pending: "Pending" })}
        />
        <SelectField
          id="users-unit"
          name="unit"
          label="Unit"
          defaultValue={filter.unit ?? ""}
          empty="Any"
          options={unitTree(units).map((u) => ({ value: u.id, label: `${"\u00a0\u00a0".repeat(u.depth)}${u.name}${u.archivedAt ? " (archived)" : ""}` }))}
        />
        <SelectField
          id="users-joined"
          name="joined"
          label="Joined in"
          defaultValue={filter.joined ?? ""}
          empty="Any"
          options={options({ week: "The last week", month: "The last month", year: "The last year" })}
        />
        <div className="flex gap-2">
          <button type="submit" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white">
            Filter
          </button>
          {filtered ? (
            <Link href="?" className="px-2 py-2 text-sm text-indigo-700 underline">
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      <p className="mb-3 text-sm text-slate-600">
        Sort by {sortLink("name", "Name")} · {sortLink("lastActive", "Last active")} · {sortLink("joined", "Joined")}
      </p>

      {rows.length > 0 ? (
        <p className="mb-2 text-sm text-slate-600" aria-live="polite">
          {total.toLocaleString("en")} user{total === 1 ? "" : "s"}
          {filtered ? " match" : ""}
        </p>
      ) : null}
      {/* A new filter or page is a new list: the selection starts afresh (keyed by the query). */}
      <UsersTable
        key={`${listQuery}&page=${filter.page}`}
        org={org}
        rows={rows.map((r) => ({
          id: r.id,
          name: displayName(r.user),
          email: r.user.email,
          role: ROLE_LABELS[r.role],
          unit: r.unit?.name ?? "",
          status: STATUS_LABELS[r.status],
          timezone: r.user.timezone ?? "",
          joined: r.joinedAt ? date(r.joinedAt) : "",
          lastActive: date(r.lastActiveAt),
        }))}
        total={total}
        query={listQuery}
        canManage={canManage}
        action={bulkUsersAction}
        // A page past the end of the list: the pagination below says so and links back.
        empty={
          filter.page > pages ? null : (
            <EmptyState>
              {filtered ? (
                <>
                  No users match these filters.{" "}
                  <Link href="?" className="text-indigo-700 underline">
                    Clear the filters
                  </Link>{" "}
                  or search for part of a name or email.
                </>
              ) : (
                "Nobody is here yet. Invite your coaches and participants to get started."
              )}
            </EmptyState>
          )
        }
      />
      <Pagination page={filter.page} pages={pages} href={(page) => queryWith(filter, { page }, DEFAULTS)} />
      <SeatCounter used={seats.used} limit={seats.limit} canManagePlan={can(member.role, "plan:manage")} org={org} />
    </section>
  );
}
