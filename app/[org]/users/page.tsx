import { FilterForm, ResultCount, SortLinks } from "@/components/ui/list-controls";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton, TextLink } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { Pagination } from "@/components/ui/pagination";
import { UsersTable } from "@/components/users/users-table";
import { SeatCounter } from "@/components/users/seat-counter";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { viewerClock } from "@/lib/format/dates";
import { INVITATION_STATUS_LABELS, JOINED_WINDOW_LABELS, MEMBERSHIP_STATUS_LABELS, ROLE_LABELS, optionsOf } from "@/lib/labels";
import { db } from "@/lib/db/client";
import { unitsForPickers, unitTree } from "@/lib/units/units";
import { listUsers, userFilterSchema } from "@/lib/users/list";
import { firstValues, queryWith, type RawSearchParams } from "@/lib/web/search-params";
import { bulkUsersAction } from "./actions";
import { displayName } from "@/lib/users/display-name";

export const metadata: Metadata = { title: "Users" };

const DEFAULTS = { sort: "name", dir: "asc", page: 1 };

export default async function UsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const member = await requireMember(org, "users:view");
  const actor = memberActor(member);
  const filter = userFilterSchema.parse(firstValues(await searchParams));
  const [{ rows, total, pages, page, seats }, units] = await Promise.all([listUsers(db(), actor, filter), unitsForPickers(db(), actor)]);
  const canManage = can(member.role, "users:manage");
  const zone = viewerClock(member.user).zone;
  const filtered = Boolean(filter.q || filter.role || filter.status || filter.invitation || filter.unit || filter.joined);
  const { page: _page, ...withoutPage } = filter;
  const listQuery = queryWith(withoutPage, {}, DEFAULTS).slice(1);

  return (
    <section>
      <PageHeader
        title="Users"
        actions={
          <>
            {can(member.role, "invitations:send") ? (
              <LinkButton href={`/${org}/invitations/new`} variant="primary">
                Invite users
              </LinkButton>
            ) : null}
            {can(member.role, "imports:run") ? (
              <LinkButton variant="secondary" href={`/${org}/users/import`}>
                Upload users
              </LinkButton>
            ) : null}
            {can(member.role, "units:manage") ? (
              <LinkButton variant="secondary" href={`/${org}/units`}>
                Organisational units
              </LinkButton>
            ) : null}
            <LinkButton variant="secondary" href={`/${org}/users/export${queryWith(withoutPage, {}, DEFAULTS)}`} download>
              Export CSV
            </LinkButton>
          </>
        }
      />

      <FilterForm
        label="Search and filter users"
        filter={filter}
        filtered={filtered}
        className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-8 lg:items-end"
      >
        <div className="col-span-2">
          <Field id="users-q" name="q" type="search" label="Search name or email" defaultValue={filter.q ?? ""} />
        </div>
        <SelectField
          id="users-role"
          name="role"
          label="Role"
          defaultValue={filter.role ?? ""}
          empty="Any"
          options={optionsOf(ROLE_LABELS)}
        />
        <SelectField
          id="users-status"
          name="status"
          label="Status"
          defaultValue={filter.status ?? ""}
          empty="Any"
          options={optionsOf(MEMBERSHIP_STATUS_LABELS)}
        />
        <SelectField
          id="users-invitation"
          name="invitation"
          label="Invitation"
          defaultValue={filter.invitation ?? ""}
          empty="Any"
          options={optionsOf({ accepted: INVITATION_STATUS_LABELS.accepted, pending: INVITATION_STATUS_LABELS.pending })}
        />
        <SelectField
          id="users-unit"
          name="unit"
          label="Unit"
          defaultValue={filter.unit ?? ""}
          empty="Any"
          options={unitTree(units).map((u) => ({
            value: u.id,
            label: `${"\u00a0\u00a0".repeat(u.depth)}${u.name}${u.archivedAt ? " (archived)" : ""}`,
          }))}
        />
        <SelectField
          id="users-joined"
          name="joined"
          label="Joined in"
          defaultValue={filter.joined ?? ""}
          empty="Any"
          options={optionsOf(JOINED_WINDOW_LABELS)}
        />
      </FilterForm>

      <SortLinks
        filter={filter}
        defaults={DEFAULTS}
        columns={[
          ["name", "Name"],
          ["lastActive", "Last active"],
          ["joined", "Joined"],
        ]}
      />

      {rows.length > 0 ? <ResultCount total={total} noun="user" filtered={filtered} /> : null}
      {/* A new filter or page is a new list: the selection starts afresh (keyed by the query). */}
      <UsersTable
        key={`${listQuery}&page=${page}`}
        org={org}
        rows={rows.map((r) => ({
          id: r.id,
          name: displayName(r.user),
          email: r.user.email,
          role: r.role,
          unit: r.unit?.name ?? "",
          status: r.status,
          timezone: r.user.timezone ?? "",
          joined: r.joinedAt ? <Time at={r.joinedAt} zone={zone} dateOnly /> : "",
          lastActive: r.lastActiveAt ? <Time at={r.lastActiveAt} zone={zone} dateOnly /> : "Never",
        }))}
        total={total}
        query={listQuery}
        canManage={canManage}
        action={bulkUsersAction}
        empty={
          <EmptyState>
            {filtered ? (
              <>
                No users match these filters. <TextLink href="?">Clear the filters</TextLink> or search for part of a name or email.
              </>
            ) : (
              "Nobody is here yet. Invite your coaches and participants to get started."
            )}
          </EmptyState>
        }
      />
      <Pagination page={page} pages={pages} href={(to) => queryWith(filter, { page: to }, DEFAULTS)} />
      <SeatCounter used={seats.used} limit={seats.limit} canManagePlan={can(member.role, "plan:manage")} org={org} />
    </section>
  );
}
