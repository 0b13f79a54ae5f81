import { FilterForm, ResultCount, SortLinks } from "@/components/ui/list-controls";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { MembershipStatusBadge } from "@/components/ui/badge";
import { LinkButton, TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, SelectField } from "@/components/ui/field";
import { OptionsItem, OptionsMenu } from "@/components/ui/options-menu";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { AddToGroupForm } from "@/components/coachees/coachee-forms";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { coacheeFilterSchema, listCoachees, type CoacheeRow } from "@/lib/coachees/coachees";
import { listGroups } from "@/lib/coachees/groups";
import { listWaitingRequests } from "@/lib/coaching/requests";
import { Section } from "@/components/ui/section";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { MembershipStatus } from "@/lib/db/generated/enums";
import { displayName } from "@/lib/users/display-name";
import { firstValues, queryWith, type RawSearchParams } from "@/lib/web/search-params";
import { addToGroupAction, inviteCoacheeAction, resendCoacheeInvitationAction, withdrawRequestAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Coachees.list"))("title") };
}

const DEFAULTS = { sort: "name", dir: "asc", page: 1 };

export default async function CoacheesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const [t, tl] = await Promise.all([getTranslations("Coachees.list"), getTranslations("Labels")]);
  const member = await requireMember(org, "coachees:manage");
  const actor = memberActor(member);
  const filter = coacheeFilterSchema.parse(firstValues(await searchParams));
  const [{ rows, total, pages, page }, groups, waiting] = await Promise.all([
    listCoachees(db(), actor, filter),
    listGroups(db(), actor),
    listWaitingRequests(db(), actor),
  ]);
  const zone = viewerClock(member.user).zone;
  const filtered = Boolean(filter.q || filter.status || filter.group);
  const groupOptions = groups.map((g) => ({ value: g.id, label: g.name }));

  const nameOf = (r: CoacheeRow) => displayName(r);

  return (
    <section>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <LinkButton href={`/${org}/coachees/new`} variant="primary">
              {t("new")}
            </LinkButton>
            <LinkButton href={`/${org}/coachees/groups`} variant="secondary">
              {t("groups")}
            </LinkButton>
          </>
        }
      />

      <FilterForm
        label={t("filter")}
        filter={filter}
        filtered={filtered}
        className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-5 md:items-end"
      >
        <div className="col-span-2">
          <Field id="coachees-q" name="q" type="search" label={t("search")} defaultValue={filter.q ?? ""} />
        </div>
        <SelectField
          id="coachees-status"
          name="status"
          label={t("status")}
          defaultValue={filter.status ?? ""}
          empty={t("any")}
          options={Object.values(MembershipStatus).map((s) => ({ value: s, label: tl(`membershipState.${s}`) }))}
        />
        <SelectField
          id="coachees-group"
          name="group"
          label={t("group")}
          defaultValue={filter.group ?? ""}
          empty={t("any")}
          options={groupOptions}
        />
      </FilterForm>

      <SortLinks
        filter={filter}
        defaults={DEFAULTS}
        columns={[
          ["name", t("name")],
          ["lastActivity", t("lastActivity")],
          ["status", t("status")],
        ]}
      />

      {rows.length > 0 ? <ResultCount total={total} noun="coachee" filtered={filtered} /> : null}

      <DataTable
        caption={t("title")}
        captionHidden
        rows={rows}
        rowKey={(r) => r.id}
        empty={
          <EmptyState>
            {filtered ? (
              <>
                {t("noMatch")} <TextLink href="?">{t("clearFilters")}</TextLink> {t("noMatchHint")}
              </>
            ) : (
              <>
                {t("empty")} <TextLink href={`/${org}/coachees/new`}>{t("emptyAdd")}</TextLink> {t("emptyAddHint")}
              </>
            )}
          </EmptyState>
        }
        columns={[
          {
            header: t("name"),
            cell: (r) => (
              <TextLink href={`/${org}/coachees/${r.id}`} strong>
                {nameOf(r)}
              </TextLink>
            ),
          },
          { header: t("email"), cell: (r) => r.email },
          { header: t("status"), cell: (r) => <MembershipStatusBadge status={r.status} /> },
          { header: t("programmes"), cell: (r) => (r.programmes.length ? r.programmes.join(", ") : "–") },
          {
            header: t("lastActivity"),
            nowrap: true,
            cell: (r) => (r.lastActivityAt ? <Time at={r.lastActivityAt} zone={zone} dateOnly /> : t("noActivity")),
          },
          {
            header: t("nextSession"),
            nowrap: true,
            cell: (r) => (r.nextSessionAt ? <Time at={r.nextSessionAt} zone={zone} /> : t("noSession")),
          },
          {
            header: t("options"),
            cell: (r) => (
              <OptionsMenu label={t("optionsFor", { name: nameOf(r) })}>
                <OptionsItem>
                  <TextLink href={`/${org}/coachees/${r.id}`}>{t("openProfile")}</TextLink>
                </OptionsItem>
                {r.status === "NOT_INVITED" ? (
                  <OptionsItem>
                    <ActionButton action={inviteCoacheeAction} fields={{ org, coacheeId: r.id }} label={t("invite")} quiet />
                  </OptionsItem>
                ) : null}
                {r.status === "INVITED" ? (
                  <OptionsItem>
                    <ActionButton action={resendCoacheeInvitationAction} fields={{ org, coacheeId: r.id }} label={t("resend")} quiet />
                  </OptionsItem>
                ) : null}
                <OptionsItem>
                  {groupOptions.length ? (
                    <AddToGroupForm org={org} coacheeId={r.id} name={nameOf(r)} groups={groupOptions} action={addToGroupAction} />
                  ) : (
                    <TextLink href={`/${org}/coachees/groups/new`}>{t("newGroup")}</TextLink>
                  )}
                </OptionsItem>
                {r.joinedAt === null ? (
                  <OptionsItem>
                    <TextLink href={`/${org}/coachees/${r.id}/edit`}>{t("edit")}</TextLink>
                  </OptionsItem>
                ) : null}
              </OptionsMenu>
            ),
          },
        ]}
      />
      <Pagination page={page} pages={pages} href={(to) => queryWith(filter, { page: to }, DEFAULTS)} />

      {waiting.length ? (
        // People already in the organisation, asked to accept this coach: only what the coach typed,
        // nothing of theirs, until they accept (lib/coaching/requests.ts).
        <div className="mt-8">
          <Section id="waiting-heading" title={t("waiting")}>
            <p className="mb-2 text-sm text-muted">{t("waitingExplain")}</p>
            <DataTable
              caption={t("waiting")}
              captionHidden
              rows={waiting}
              rowKey={(r) => r.id}
              columns={[
                { header: t("nameEntered"), cell: (r) => displayName(r) },
                { header: t("email"), cell: (r) => r.email },
                { header: t("asked"), nowrap: true, cell: (r) => <Time at={r.createdAt} zone={zone} dateOnly /> },
                {
                  header: t("options"),
                  cell: (r) => (
                    <ActionButton
                      action={withdrawRequestAction}
                      fields={{ org, requestId: r.id }}
                      label={t("withdraw", { name: displayName(r) })}
                      quiet
                    />
                  ),
                },
              ]}
            />
          </Section>
        </div>
      ) : null}
    </section>
  );
}
