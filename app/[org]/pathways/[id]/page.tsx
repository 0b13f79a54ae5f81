import { TextLink } from "@/components/ui/button";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { localize, type Translate } from "@/lib/i18n/msg";
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
import { getPathway } from "@/lib/pathways/read";
import { displayName } from "@/lib/users/display-name";
import { archivePathwayAction, scheduleSessionAction, sessionStatusAction, unarchivePathwayAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Pathways.page"))("metaTitle") };
}

export default async function PathwayPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "pathways:view");
  const pathway = await orNotFound(getPathway(db(), memberActor(member), id));
  const name = displayName(pathway.participant.user);
  const archived = pathway.status === "ARCHIVED";
  // The pathway is in reach (getPathway found it), so the permission decides.
  const runsSessions = can(member.role, "sessions:manage");
  // The rule (lib/format/dates.ts): sessions on the pathway's clock, everything else on the viewer's.
  const locale = await getLocale();
  const local = pathwayClock(pathway, locale);
  const viewer = viewerClock(member.user, locale);
  const t = await getTranslations("Pathways.page");
  // Ledger entries' notes are kept in message keys (lib/pathways/archive.ts).
  const say = (await getTranslations()) as unknown as Translate;
  const tl = await getTranslations("Labels");
  const status = archived ? tl(`pathwayStatus.archived${pathway.archiveReason ?? "COMPLETED"}`) : tl("pathwayStatus.ACTIVE");
  const runsOpenSessions = runsSessions && !archived;
  return (
    <section className="space-y-6">
      <PageHeader
        back={
          can(member.role, "programmes:view")
            ? { href: `/${org}/cohorts/${pathway.cohort.id}`, label: `${pathway.programme.name} › ${pathway.cohort.name}` }
            : { href: `/${org}`, label: t("dashboard") }
        }
        title={t("title", { name })}
        actions={
          // The pathway's own coach works with the participant on their coachee profile.
          can(member.role, "coachees:manage") && pathway.coach.id === member.membershipId ? (
            <LinkButton href={`/${org}/coachees/${pathway.participant.id}`}>{t("coacheeProfile", { name })}</LinkButton>
          ) : null
        }
        description={
          <>
            {status} · {t("primaryCoach", { name: displayName(pathway.coach.user) })} ·{" "}
            {t("starts", { day: displayDay(pathway.startDate, undefined, locale) })} · {pathway.timezone}
            {pathway.tags.length ? ` · ${pathway.tags.join(", ")}` : ""}
          </>
        }
      >
        <p className="mt-2" role="status" aria-label={t("sessions")}>
          {t("sessionCount", { used: pathway.used, included: pathway.programme.sessionsIncluded, unused: pathway.unused })}
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
          <ActionButton action={unarchivePathwayAction} fields={{ org, pathwayId: pathway.id }} label={t("reopen")} />
        ) : null}
      </div>

      <Section id="sessions-heading" title={t("coachingSessions")}>
        <DataTable
          caption={t("coachingSessions")}
          captionHidden
          rows={pathway.sessions}
          rowKey={(s) => s.id}
          empty={<EmptyState inline>{runsOpenSessions ? t("noSessionsSchedule") : t("noSessions")}</EmptyState>}
          dimmed={archived}
          describedBy={archived ? "archived-note" : undefined}
          columns={[
            { header: local.label(t("when")), cell: (s) => <Time at={s.scheduledAt} zone={local.zone} />, nowrap: true },
            { header: t("sessionTitle"), cell: (s) => <TextLink href={`/${org}/sessions/${s.id}`}>{s.title}</TextLink> },
            { header: t("length"), cell: (s) => t("minutes", { minutes: s.durationMinutes }) },
            { header: t("status"), cell: (s) => <SessionStatusBadge status={s.status} /> },
            runsOpenSessions && {
              header: t("actions"),
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
            {t("archivedNote")}
          </p>
        ) : null}
      </Section>
      {runsOpenSessions ? <SessionForm org={org} pathwayId={pathway.id} action={scheduleSessionAction} /> : null}
      {pathway.credits.length ? (
        <Section id="credits-heading" title={t("credits")}>
          <DataTable
            caption={t("credits")}
            captionHidden
            narrow
            rows={pathway.credits}
            rowKey={(c) => c.id}
            columns={[
              { header: viewer.label(t("when")), cell: (c) => <Time at={c.createdAt} zone={viewer.zone} />, nowrap: true },
              { header: t("sessions"), cell: (c) => (c.amount > 0 ? `+${c.amount}` : c.amount) },
              { header: t("what"), cell: (c) => localize(c.note, say) },
            ]}
          />
        </Section>
      ) : null}
    </section>
  );
}
