import type { Metadata } from "next";
import { ArchiveForm } from "@/components/pathways/forms";
import { SessionForm } from "@/components/sessions/session-form";
import { SessionActions } from "@/components/pathways/session-actions";
import { ActionButton } from "@/components/ui/action-button";
import { LinkButton } from "@/components/ui/button";
import { SessionStatusBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { displayDay, pathwayClock, viewerClock } from "@/lib/format/dates";
import { pathwayStatusLabel } from "@/lib/labels";
import { getPathway } from "@/lib/pathways/read";
import { displayName } from "@/lib/users/display-name";
import { archivePathwayAction, scheduleSessionAction, sessionStatusAction, unarchivePathwayAction } from "../actions";

export const metadata: Metadata = { title: "Pathway" };

export default async function PathwayPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "pathways:view");
  const pathway = await orNotFound(getPathway(db(), memberActor(member), id));
  const name = displayName(pathway.participant.user);
  const archived = pathway.status === "ARCHIVED";
  // The pathway is in reach (getPathway found it), so the permission decides.
  const runsSessions = can(member.role, "sessions:manage");
  // The rule (lib/format/dates.ts): sessions on the pathway's clock, everything else on the viewer's.
  const local = pathwayClock(pathway);
  const viewer = viewerClock(member.user);
  const runsOpenSessions = runsSessions && !archived;
  return (
    <section className="space-y-6">
      <PageHeader
        back={
          can(member.role, "programmes:view")
            ? { href: `/${org}/cohorts/${pathway.cohort.id}`, label: `${pathway.programme.name} › ${pathway.cohort.name}` }
            : { href: `/${org}`, label: "Dashboard" }
        }
        title={`Pathway of ${name}`}
        actions={
          // The pathway's own coach works with the participant on their coachee profile.
          can(member.role, "coachees:manage") && pathway.coach.id === member.membershipId ? (
            <LinkButton href={`/${org}/coachees/${pathway.participant.id}`}>Coachee profile of {name}</LinkButton>
          ) : null
        }
        description={
          <>
            {pathwayStatusLabel(pathway)} · primary coach {displayName(pathway.coach.user)} · starts {displayDay(pathway.startDate)} ·{" "}
            {pathway.timezone}
            {pathway.tags.length ? ` · ${pathway.tags.join(", ")}` : ""}
          </>
        }
      >
        <p className="mt-2" role="status" aria-label="Sessions">
          Sessions: {pathway.used} used of {pathway.programme.sessionsIncluded} included, {pathway.unused} unused
        </p>
      </PageHeader>
      <div className="flex flex-wrap gap-4">
        {can(member.role, "pathways:manage") ? (
          <ArchiveForm
            org={org}
            pathwayId={pathway.id}
            name={name}
            unused={pathway.unused}
            archived={archived}
            action={archivePathwayAction}
          />
        ) : null}
        {archived && can(member.role, "pathways:restore") ? (
          <ActionButton
            action={unarchivePathwayAction}
            fields={{ org, pathwayId: pathway.id }}
            label="Reopen this pathway (reverses any credit)"
          />
        ) : null}
      </div>

      <Section id="sessions-heading" title="Coaching sessions">
        <DataTable
          caption="Coaching sessions"
          captionHidden
          rows={pathway.sessions}
          rowKey={(s) => s.id}
          empty={<EmptyState inline>No sessions yet{runsOpenSessions ? ": schedule the first one below." : "."}</EmptyState>}
          dimmed={archived}
          describedBy={archived ? "archived-note" : undefined}
          columns={[
            { header: local.label("When"), cell: (s) => <Time at={s.scheduledAt} zone={local.zone} />, nowrap: true },
            { header: "Title", cell: (s) => s.title },
            { header: "Length", cell: (s) => `${s.durationMinutes} min` },
            { header: "Status", cell: (s) => <SessionStatusBadge status={s.status} /> },
            runsOpenSessions && {
              header: "Actions",
              cell: (s) => (
                <SessionActions
                  org={org}
                  sessionId={s.id}
                  title={s.title}
                  status={s.status}
                  started={s.started}
                  action={sessionStatusAction}
                />
              ),
            },
          ]}
        />
        {archived ? (
          <p id="archived-note" className="mt-2 text-sm text-muted">
            This pathway is archived: its sessions are kept for the record and no longer change.
          </p>
        ) : null}
      </Section>
      {runsOpenSessions ? <SessionForm org={org} pathwayId={pathway.id} action={scheduleSessionAction} /> : null}
      {pathway.credits.length ? (
        <Section id="credits-heading" title="Credits to the cohort">
          <DataTable
            caption="Credits to the cohort"
            captionHidden
            narrow
            rows={pathway.credits}
            rowKey={(c) => c.id}
            columns={[
              { header: viewer.label("When"), cell: (c) => <Time at={c.createdAt} zone={viewer.zone} />, nowrap: true },
              { header: "Sessions", cell: (c) => (c.amount > 0 ? `+${c.amount}` : c.amount) },
              { header: "What", cell: (c) => c.note },
            ]}
          />
        </Section>
      ) : null}
    </section>
  );
}
