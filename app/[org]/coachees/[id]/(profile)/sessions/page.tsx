import { TextLink } from "@/components/ui/button";
import { getTranslations } from "next-intl/server";
import { SessionActions } from "@/components/pathways/session-actions";
import { SessionLocation } from "@/components/sessions/session-location";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { profileTabHref } from "@/lib/coachees/profile-tabs";
import { coacheeSessions } from "@/lib/coachees/sessions";
import { db } from "@/lib/db/client";
import { firstValues, pageNumber, type RawSearchParams } from "@/lib/web/search-params";
import { coacheeProfile, type ProfileParams } from "../profile";
import { coacheeSessionStatusAction } from "../../actions";

/** The coachee's upcoming appointments and the log of attended sessions (paged in the URL). */
export default async function CoacheeSessionsPage({ params, searchParams }: ProfileParams & { searchParams: Promise<RawSearchParams> }) {
  const { org, id } = await params;
  const { actor, coacheeId, name, zone } = await coacheeProfile(org, id);
  const page = pageNumber(100_000).parse(firstValues(await searchParams).page);
  const { open, log, pages, page: shown } = await coacheeSessions(db(), actor, coacheeId, { page });
  const t = await getTranslations("Coachees.sessions");
  const base = `/${org}/coachees/${coacheeId}`;
  const pathwayOf = (s: (typeof log)[number]) => (s.pathway ? `${s.pathway.programme.name} › ${s.pathway.cohort.name}` : t("noPathway"));
  const when = (s: (typeof log)[number]) => (
    <>
      <Time at={s.scheduledAt} zone={s.timezone} /> <span className="text-xs text-faint">{s.timezone}</span>
    </>
  );
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap gap-3">
        <LinkButton href={`${base}/sessions/new`} variant="primary">
          {t("addAppointment")}
        </LinkButton>
        <LinkButton href={`${base}/sessions/now`} variant="secondary">
          {t("startNow")}
        </LinkButton>
      </div>
      <Section id="upcoming-heading" title={t("upcoming")}>
        <DataTable
          caption={t("upcomingWith", { name })}
          captionHidden
          rows={open}
          rowKey={(s) => s.id}
          empty={<EmptyState inline>{t("noUpcoming", { name })}</EmptyState>}
          columns={[
            { header: t("when"), cell: when, nowrap: true },
            { header: t("title"), cell: (s) => <TextLink href={`/${org}/sessions/${s.id}`}>{s.title}</TextLink> },
            { header: t("length"), cell: (s) => t("minutes", { minutes: s.durationMinutes }) },
            { header: t("where"), cell: (s) => <SessionLocation location={s.location} /> },
            { header: t("pathway"), cell: pathwayOf },
            {
              header: t("actions"),
              cell: (s) => (
                <SessionActions
                  org={org}
                  sessionId={s.id}
                  title={s.title}
                  status={s.status}
                  started={s.started}
                  action={coacheeSessionStatusAction}
                />
              ),
            },
          ]}
        />
      </Section>
      <Section id="log-heading" title={t("log")}>
        <DataTable
          caption={t("attendedBy", { name })}
          captionHidden
          rows={log}
          rowKey={(s) => s.id}
          empty={<EmptyState inline>{t("noAttended")}</EmptyState>}
          columns={[
            { header: t("date"), cell: when, nowrap: true },
            { header: t("title"), cell: (s) => <TextLink href={`/${org}/sessions/${s.id}`}>{s.title}</TextLink> },
            { header: t("duration"), cell: (s) => t("minutes", { minutes: s.durationMinutes }) },
            { header: t("pathway"), cell: pathwayOf },
            {
              header: t("notes"),
              cell: (s) => (
                <TextLink href={`/${org}/sessions/${s.id}/notepad`} aria-label={t("openNotes", { title: s.title })}>
                  {t("notes")}
                </TextLink>
              ),
            },
          ]}
        />
        <Pagination page={shown} pages={pages} href={(p) => profileTabHref(org, coacheeId, "sessions", p)} />
      </Section>
      <p className="text-sm text-muted">{t("zones", { zone })}</p>
    </div>
  );
}
