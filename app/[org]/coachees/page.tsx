import { FilterForm, ResultCount, SortLinks } from "@/components/ui/list-controls";
import type { Metadata } from "next";
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
import { MEMBERSHIP_STATUS_LABELS, optionsOf } from "@/lib/labels";
import { displayName } from "@/lib/users/display-name";
import { firstValues, queryWith, type RawSearchParams } from "@/lib/web/search-params";
import { addToGroupAction, inviteCoacheeAction, resendCoacheeInvitationAction, withdrawRequestAction } from "./actions";

export const metadata: Metadata = { title: "Coachees" };

const DEFAULTS = { sort: "name", dir: "asc", page: 1 };
const STATUS_OPTIONS = optionsOf(MEMBERSHIP_STATUS_LABELS);

export default async function CoacheesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
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
        title="Coachees"
        description="Everyone you coach here: through a pathway, or added by you."
        actions={
          <>
            <LinkButton href={`/${org}/coachees/new`} variant="primary">
              New coachee
            </LinkButton>
            <LinkButton href={`/${org}/coachees/groups`} variant="secondary">
              Groups
            </LinkButton>
          </>
        }
      />

      <FilterForm
        label="Search and filter coachees"
        filter={filter}
        filtered={filtered}
        className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-5 md:items-end"
      >
        <div className="col-span-2">
          <Field id="coachees-q" name="q" type="search" label="Search name or email" defaultValue={filter.q ?? ""} />
        </div>
        <SelectField
          id="coachees-status"
          name="status"
          label="Status"
          defaultValue={filter.status ?? ""}
          empty="Any"
          options={STATUS_OPTIONS}
        />
        <SelectField id="coachees-group" name="group" label="Group" defaultValue={filter.group ?? ""} empty="Any" options={groupOptions} />
      </FilterForm>

      <SortLinks
        filter={filter}
        defaults={DEFAULTS}
        columns={[
          ["name", "Name"],
          ["lastActivity", "Last activity"],
          ["status", "Status"],
        ]}
      />

      {rows.length > 0 ? <ResultCount total={total} noun="coachee" filtered={filtered} /> : null}

      <DataTable
        caption="Coachees"
        captionHidden
        rows={rows}
        rowKey={(r) => r.id}
        empty={
          <EmptyState>
            {filtered ? (
              <>
                No coachees match these filters. <TextLink href="?">Clear the filters</TextLink> or search for part of a name or email.
              </>
            ) : (
              <>
                You have no coachees yet. Participants whose pathway you coach appear here by themselves;{" "}
                <TextLink href={`/${org}/coachees/new`}>add a coachee</TextLink> to bring in someone new.
              </>
            )}
          </EmptyState>
        }
        columns={[
          {
            header: "Name",
            cell: (r) => (
              <TextLink href={`/${org}/coachees/${r.id}`} strong>
                {nameOf(r)}
              </TextLink>
            ),
          },
          { header: "Email", cell: (r) => r.email },
          { header: "Status", cell: (r) => <MembershipStatusBadge status={r.status} /> },
          { header: "Programmes", cell: (r) => (r.programmes.length ? r.programmes.join(", ") : "–") },
          {
            header: "Last activity",
            nowrap: true,
            cell: (r) => (r.lastActivityAt ? <Time at={r.lastActivityAt} zone={zone} dateOnly /> : "None yet"),
          },
          {
            header: "Next session",
            nowrap: true,
            cell: (r) => (r.nextSessionAt ? <Time at={r.nextSessionAt} zone={zone} /> : "None planned"),
          },
          {
            header: "Options",
            cell: (r) => (
              <OptionsMenu label={`Options for ${nameOf(r)}`}>
                <OptionsItem>
                  <TextLink href={`/${org}/coachees/${r.id}`}>Open profile</TextLink>
                </OptionsItem>
                {r.status === "NOT_INVITED" ? (
                  <OptionsItem>
                    <ActionButton action={inviteCoacheeAction} fields={{ org, coacheeId: r.id }} label="Send invitation" quiet />
                  </OptionsItem>
                ) : null}
                {r.status === "INVITED" ? (
                  <OptionsItem>
                    <ActionButton
                      action={resendCoacheeInvitationAction}
                      fields={{ org, coacheeId: r.id }}
                      label="Resend invitation"
                      quiet
                    />
                  </OptionsItem>
                ) : null}
                <OptionsItem>
                  {groupOptions.length ? (
                    <AddToGroupForm org={org} coacheeId={r.id} name={nameOf(r)} groups={groupOptions} action={addToGroupAction} />
                  ) : (
                    <TextLink href={`/${org}/coachees/groups/new`}>Add to a new group</TextLink>
                  )}
                </OptionsItem>
                {r.joinedAt === null ? (
                  <OptionsItem>
                    <TextLink href={`/${org}/coachees/${r.id}/edit`}>Edit name and email</TextLink>
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
          <Section id="waiting-heading" title="Waiting for them to accept">
            <p className="mb-2 text-sm text-muted">
              They already have an account here, so they decide: they become your coachees when they accept.
            </p>
            <DataTable
              caption="Waiting for them to accept"
              captionHidden
              rows={waiting}
              rowKey={(r) => r.id}
              columns={[
                { header: "Name you entered", cell: (r) => displayName(r) },
                { header: "Email", cell: (r) => r.email },
                { header: "Asked", nowrap: true, cell: (r) => <Time at={r.createdAt} zone={zone} dateOnly /> },
                {
                  header: "Options",
                  cell: (r) => (
                    <ActionButton
                      action={withdrawRequestAction}
                      fields={{ org, requestId: r.id }}
                      label={`Withdraw request to ${displayName(r)}`}
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
