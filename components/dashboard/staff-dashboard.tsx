import { useLocale, useTranslations } from "next-intl";
import { Counts } from "@/components/pathways/counts";
import { PathwayList } from "@/components/pathways/pathway-list";
import { Badge } from "@/components/ui/badge";
import { LinkButton, TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import type { Member } from "@/lib/auth/member";
import { can } from "@/lib/authz/permissions";
import { displayDate, viewerClock } from "@/lib/format/dates";
import { QUIET_DAYS, type coacheesNeedingAttention } from "@/lib/goals/attention";
import { profileTabPath } from "@/lib/coachees/profile-tabs";
import type { pathwaysInReach, pathwayWatchlist } from "@/lib/pathways/read";
import type { listProgrammesWithCounts } from "@/lib/programmes/programmes";

export type StaffDashboardData = {
  programmes: Awaited<ReturnType<typeof listProgrammesWithCounts>> | null;
  watchlist: Awaited<ReturnType<typeof pathwayWatchlist>> | null;
  /** Coaches' and sponsors' own pathways, for those without programme pages. */
  mine: Awaited<ReturnType<typeof pathwaysInReach>> | null;
  /** A coach's coachees with overdue actions or no activity for QUIET_DAYS. */
  attention: Awaited<ReturnType<typeof coacheesNeedingAttention>> | null;
};

/** The dashboard of everyone who works in the organisation (all but participants, who have their home). */
export function StaffDashboard({
  org,
  member,
  programmes,
  watchlist,
  mine,
  attention,
}: { org: string; member: Member } & StaffDashboardData) {
  const t = useTranslations("Dashboard");
  return (
    <section className="space-y-8">
      <PageHeader
        title={t("title")}
        description={t("welcome", {
          name: member.user.firstName || member.user.email,
          organisation: member.organization.name,
          role: member.role,
        })}
        actions={
          can(member.role, "pathways:manage") && can(member.role, "invitations:send") ? (
            <LinkButton href={`/${org}/pathways/new`} variant="primary" aria-label={t("addParticipantLabel")}>
              {t("addParticipant")}
            </LinkButton>
          ) : null
        }
      />
      {programmes ? (
        <Section id="programmes-heading" title={t("programmes")}>
          {programmes.length === 0 ? (
            <EmptyState inline>
              {t.rich("noProgrammes", { link: (chunks) => <TextLink href={`/${org}/programmes`}>{chunks}</TextLink> })}
            </EmptyState>
          ) : (
            <ul className="space-y-3">
              {programmes.map((p) => (
                <li key={p.id}>
                  <TextLink href={`/${org}/programmes/${p.id}`} strong>
                    {p.name}
                  </TextLink>{" "}
                  <Counts counts={p.counts} />
                  <ul className="ms-4 list-disc text-sm">
                    {p.cohorts.map((c) => (
                      <li key={c.id}>
                        <TextLink href={`/${org}/cohorts/${c.id}`}>{c.name}</TextLink>: <Counts counts={c.counts} />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}
      {attention ? <CoacheesNeedingAttention org={org} zone={viewerClock(member.user).zone} attention={attention} /> : null}
      {mine ? (
        <Section id="mine-heading" title={t("pathways")}>
          <PathwayList org={org} rows={mine} empty={t("noPathways")} />
        </Section>
      ) : null}
      {watchlist ? (
        <div className="grid gap-8 md:grid-cols-2">
          <Section id="soon-heading" title={t("startingSoon")}>
            <PathwayList org={org} rows={watchlist.startingSoon} empty={t("startingSoonEmpty")} />
          </Section>
          <Section id="quiet-heading" title={t("quietPathways")}>
            <PathwayList org={org} rows={watchlist.quiet} empty={t("quietPathwaysEmpty")} />
          </Section>
        </div>
      ) : null}
    </section>
  );
}

/** How many coachees each attention list shows: a coach of hundreds gets a short page and a way to the rest. */
const ATTENTION_SHOWN = 10;

/** The coach's coachees to look at: overdue actions (on the coachee's own calendar), and no activity in QUIET_DAYS. */
export function CoacheesNeedingAttention({
  org,
  zone,
  attention,
}: {
  org: string;
  zone: string;
  attention: NonNullable<StaffDashboardData["attention"]>;
}) {
  const profile = (id: string, tab: "actions" | "activity", query = "") => `${profileTabPath(org, id, tab)}${query}`;
  const t = useTranslations("Dashboard.attention");
  const locale = useLocale();
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <Section id="overdue-heading" title={t("overdue")}>
        {attention.overdue.length === 0 ? (
          <EmptyState inline>{t("overdueEmpty")}</EmptyState>
        ) : (
          <ul className="space-y-2 text-sm">
            {attention.overdue.slice(0, ATTENTION_SHOWN).map((c) => (
              <li key={c.id}>
                <TextLink href={profile(c.id, "actions", "?status=overdue")} strong>
                  {c.name}
                </TextLink>{" "}
                <Badge tone="danger">{t("overdueCount", { count: c.count })}</Badge>
              </li>
            ))}
            {attention.overdue.length > ATTENTION_SHOWN ? (
              <li className="text-muted">{t("more", { count: attention.overdue.length - ATTENTION_SHOWN })}</li>
            ) : null}
          </ul>
        )}
      </Section>
      <Section id="quiet-coachees-heading" title={t("quiet", { days: QUIET_DAYS })}>
        {attention.quiet.length === 0 ? (
          <EmptyState inline>{t("quietEmpty", { days: QUIET_DAYS })}</EmptyState>
        ) : (
          <ul className="space-y-2 text-sm">
            {attention.quiet.slice(0, ATTENTION_SHOWN).map((c) => (
              <li key={c.id}>
                <TextLink href={profile(c.id, "activity")} strong>
                  {c.name}
                </TextLink>{" "}
                <span className="text-muted">
                  {c.lastActivityAt ? t("lastActivity", { day: displayDate(c.lastActivityAt, zone, locale) }) : t("noActivity")}
                </span>
              </li>
            ))}
            {attention.quiet.length > ATTENTION_SHOWN ? (
              <li>
                <TextLink href={`/${org}/coachees?sort=lastActivity&dir=asc`}>
                  {t("moreOldestFirst", { count: attention.quiet.length - ATTENTION_SHOWN })}
                </TextLink>
              </li>
            ) : null}
          </ul>
        )}
      </Section>
    </div>
  );
}
