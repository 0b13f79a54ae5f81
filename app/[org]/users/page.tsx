import { FilterForm, ResultCount, SortLinks } from "@/components/ui/list-controls";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
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
import { db } from "@/lib/db/client";
import { Role } from "@/lib/db/generated/enums";
import { unitsForPickers, unitTree } from "@/lib/units/units";
import { JOINED_WINDOWS, listUsers, userFilterSchema } from "@/lib/users/list";
import { firstValues, queryWith, type RawSearchParams } from "@/lib/web/search-params";
import { bulkUsersAction } from "./actions";
import { displayName } from "@/lib/users/display-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Users"))("title") };
}

const DEFAULTS = { sort: "name", dir: "asc", page: 1 };
// The status filter's choices, in the order people read them.
const STATUSES = ["ACTIVE", "INVITED", "NOT_INVITED", "DEACTIVATED"] as const;

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
  const [t, tl, tr] = await Promise.all([getTranslations("Users"), getTranslations("Labels"), getTranslations("Roles")]);
  const zone = viewerClock(member.user, await getLocale()).zone;
  const filtered = Boolean(filter.q || filter.role || filter.status || filter.invitation || filter.unit || filter.joined);
  const { page: _page, ...withoutPage } = filter;
  const listQuery = queryWith(withoutPage, {}, DEFAULTS).slice(1);

  return (
    <section>
      <PageHeader
        title={t("title")}
        actions={
          <>
            {can(member.role, "invitations:send") ? (
              <LinkButton href={`/${org}/invitations/new`} variant="primary">
                {t("invite")}
              </LinkButton>
            ) : null}
            {can(member.role, "imports:run") ? (
              <LinkButton variant="secondary" href={`/${org}/users/import`}>
                {t("upload")}
              </LinkButton>
            ) : null}
            {can(member.role, "units:manage") ? (
              <LinkButton variant="secondary" href={`/${org}/units`}>
                {t("units")}
              </LinkButton>
            ) : null}
            <LinkButton variant="secondary" href={`/${org}/users/export${queryWith(withoutPage, {}, DEFAULTS)}`} download>
              {t("exportCsv")}
            </LinkButton>
          </>
        }
      />

      <FilterForm
        label={t("filterLabel")}
        filter={filter}
        filtered={filtered}
        className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-8 lg:items-end"
      >
        <div className="col-span-2">
          <Field id="users-q" name="q" type="search" label={t("search")} defaultValue={filter.q ?? ""} />
        </div>
        <SelectField
          id="users-role"
          name="role"
          label={t("columns.role")}
          defaultValue={filter.role ?? ""}
          empty={t("any")}
          options={Object.values(Role).map((r) => ({ value: r, label: tr(r) }))}
        />
        <SelectField
          id="users-status"
          name="status"
          label={t("columns.status")}
          defaultValue={filter.status ?? ""}
          empty={t("any")}
          options={STATUSES.map((s) => ({ value: s, label: tl(`membershipState.${s}`) }))}
        />
        <SelectField
          id="users-invitation"
          name="invitation"
          label={t("columns.invitation")}
          defaultValue={filter.invitation ?? ""}
          empty={t("any")}
          options={(["accepted", "pending"] as const).map((s) => ({ value: s, label: tl(`invitationStatus.${s}`) }))}
        />
        <SelectField
          id="users-unit"
          name="unit"
          label={t("columns.unit")}
          defaultValue={filter.unit ?? ""}
          empty={t("any")}
          options={unitTree(units).map((u) => ({
            value: u.id,
            label: `${"\u00a0\u00a0".repeat(u.depth)}${u.archivedAt ? t("archivedUnit", { name: u.name }) : u.name}`,
          }))}
        />
        <SelectField
          id="users-joined"
          name="joined"
          label={t("joinedIn")}
          defaultValue={filter.joined ?? ""}
          empty={t("any")}
          options={(Object.keys(JOINED_WINDOWS) as (keyof typeof JOINED_WINDOWS)[]).map((w) => ({
            value: w,
            label: tl(`joinedWindow.${w}`),
          }))}
        />
      </FilterForm>

      <SortLinks
        filter={filter}
        defaults={DEFAULTS}
        columns={[
          ["name", t("columns.name")],
          ["lastActive", t("columns.lastActive")],
          ["joined", t("columns.joined")],
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
          lastActive: r.lastActiveAt ? <Time at={r.lastActiveAt} zone={zone} dateOnly /> : t("never"),
        }))}
        total={total}
        query={listQuery}
        canManage={canManage}
        action={bulkUsersAction}
        empty={
          <EmptyState>
            {filtered ? t.rich("emptyFiltered", { link: (chunks) => <TextLink href="?">{chunks}</TextLink> }) : t("empty")}
          </EmptyState>
        }
      />
      <Pagination page={page} pages={pages} href={(to) => queryWith(filter, { page: to }, DEFAULTS)} />
      <SeatCounter used={seats.used} limit={seats.limit} canManagePlan={can(member.role, "plan:manage")} org={org} />
    </section>
  );
}
