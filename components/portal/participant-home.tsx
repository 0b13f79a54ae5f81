import { useLocale, useTranslations } from "next-intl";
import { DueBadge, ProgressBar } from "@/components/goals/progress-bar";
import { PathwayStatusBadge } from "@/components/ui/badge";
import { LinkButton, TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { coachingRequestsPath } from "@/lib/notifications/kinds";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Time } from "@/components/ui/time";
import type { Member } from "@/lib/auth/member";
import { displayDay } from "@/lib/format/dates";
import type { participantHome } from "@/lib/portal/home";
import { SessionLocation } from "../sessions/session-location";

type Home = Awaited<ReturnType<typeof participantHome>>;

/** A participant's own home: their coaches, their next sessions, their pathways, and their goals and actions in short. */
export function ParticipantHome({
  org,
  member,
  zone,
  home,
  requests = 0,
}: {
  org: string;
  member: Member;
  zone: string;
  home: Home;
  /** Coaches waiting for the participant's answer. */
  requests?: number;
}) {
  const t = useTranslations("Portal");
  const locale = useLocale();
  return (
    <section className="space-y-8">
      <PageHeader
        title={t("title")}
        description={t("welcome", { name: member.user.firstName || member.user.email, organisation: member.organization.name })}
      />
      <Section id="coaches-heading" title={t("coaches")}>
        {requests > 0 ? (
          <Notice tone="info">
            {t.rich("requests", { count: requests, link: (chunks) => <TextLink href={coachingRequestsPath(org)}>{chunks}</TextLink> })}
          </Notice>
        ) : null}
        {home.coaches.length === 0 ? (
          <EmptyState inline>{t("noCoach")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {home.coaches.map((coach) => (
              <li key={coach.id} className="flex flex-wrap items-center gap-x-4 gap-y-2">
                <span className="min-w-0 font-medium">{coach.name}</span>
                <LinkButton href={`/${org}/messages/${coach.id}`} variant="secondary" size="sm">
                  {t("message", { name: coach.name })}
                </LinkButton>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="upcoming-heading" title={t("sessions")}>
        {home.sessions.length === 0 ? (
          <EmptyState inline>{t("noSessions")}</EmptyState>
        ) : (
          <>
            <ul className="space-y-3">
              {home.sessions.map((s) => (
                <li key={s.id} className="text-sm">
                  <span className="block [overflow-wrap:anywhere]">
                    <TextLink href={`/${org}/sessions/${s.id}`} strong>
                      {s.title}
                    </TextLink>
                  </span>
                  <span className="block text-body">
                    {t.rich("session", {
                      time: () => <Time at={s.scheduledAt} zone={zone} />,
                      zone,
                      count: s.durationMinutes,
                      coach: s.coachName,
                    })}
                  </span>
                  <span className="block">
                    <SessionLocation location={s.location} />
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-3 text-sm">
              <TextLink href={`/${org}/sessions`}>{t("allSessions")}</TextLink>
            </p>
          </>
        )}
        <p className="mt-3 text-sm">
          <TextLink href={`/${org}/book`}>{t("bookSession")}</TextLink>
        </p>
      </Section>
      <Section id="pathways-heading" title={t("pathways")}>
        {home.pathways.length === 0 ? (
          <EmptyState inline>{t("noPathways")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {home.pathways.map((p) => (
              <li key={p.id} className="text-sm">
                <TextLink href={`/${org}/pathways/${p.id}`} strong>
                  {p.programme} › {p.cohort}
                </TextLink>{" "}
                {p.status === "ARCHIVED" ? <PathwayStatusBadge pathway={p} /> : null}
                <span className="block text-body">
                  {t("pathway", { coach: p.coachName, count: p.used, left: p.left, included: p.included })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <div className="grid gap-8 md:grid-cols-2">
        <Section id="goals-heading" title={t("goals")}>
          {home.goals.total === 0 ? (
            <EmptyState inline>{t.rich("noGoals", { link: (chunks) => <TextLink href={`/${org}/goals`}>{chunks}</TextLink> })}</EmptyState>
          ) : (
            <>
              <ul className="space-y-2">
                {home.goals.first.map((g) => (
                  <li key={g.id} className="text-sm">
                    <TextLink href={`/${org}/goals#goal-${g.id}`}>{g.title}</TextLink>
                    <span className="block">
                      <ProgressBar value={g.progress} label={t("goalProgress", { title: g.title })} complete={g.completedAt !== null} />
                    </span>
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-sm">
                <TextLink href={`/${org}/goals`}>
                  {home.goals.total > home.goals.first.length ? t("allGoals", { count: home.goals.total }) : t("yourGoals")}
                </TextLink>
              </p>
            </>
          )}
        </Section>
        <Section id="actions-heading" title={t("actions")}>
          {home.actions.open === 0 ? (
            <EmptyState inline>
              {t.rich("noActions", { link: (chunks) => <TextLink href={`/${org}/actions`}>{chunks}</TextLink> })}
            </EmptyState>
          ) : (
            <>
              <p className="mb-2 text-sm text-body">
                {t("openActions", { count: home.actions.open })}
                {home.actions.overdue ? (
                  <>
                    {" "}
                    · <TextLink href={`/${org}/actions?status=overdue`}>{t("overdue", { count: home.actions.overdue })}</TextLink>
                  </>
                ) : null}
              </p>
              <ul className="space-y-2">
                {home.actions.next.map((a) => (
                  <li key={a.id} className="text-sm">
                    <TextLink href={`/${org}/actions#action-${a.id}`}>{a.title}</TextLink>{" "}
                    <span className="text-muted">
                      {a.dueDate
                        ? t("actionDue", { progress: a.progress, day: displayDay(a.dueDate, undefined, locale) })
                        : t("actionProgress", { progress: a.progress })}
                    </span>{" "}
                    <DueBadge due={a.due} />
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-sm">
                <TextLink href={`/${org}/actions`}>{t("allActions")}</TextLink>
              </p>
            </>
          )}
        </Section>
      </div>
    </section>
  );
}
