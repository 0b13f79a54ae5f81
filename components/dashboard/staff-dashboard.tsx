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
import { roleInSentence } from "@/lib/labels";
import { plural } from "@/lib/words";
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
  return (
    <section className="space-y-8">
      <PageHeader
        title="Dashboard"
        description={`Welcome, ${member.user.firstName || member.user.email}. You are signed in to ${member.organization.name} as ${roleInSentence(member.role)}.`}
        actions={
          can(member.role, "pathways:manage") && can(member.role, "invitations:send") ? (
            <LinkButton href={`/${org}/pathways/new`} variant="primary" aria-label="Add a participant with a pathway">
              + Participant
            </LinkButton>
          ) : null
        }
      />
      {programmes ? (
        <Section id="programmes-heading" title="Programmes and cohorts">
          {programmes.length === 0 ? (
            <EmptyState inline>
              No programmes yet. <TextLink href={`/${org}/programmes`}>Set up programmes</TextLink>.
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
        <Section id="mine-heading" title="Pathways">
          <PathwayList org={org} rows={mine} empty="No pathways yet: they appear here when someone puts you on one." />
        </Section>
      ) : null}
      {watchlist ? (
        <div className="grid gap-8 md:grid-cols-2">
          <Section id="soon-heading" title="Starting in the next two weeks">
            <PathwayList org={org} rows={watchlist.startingSoon} empty="No pathways start in the next two weeks." />
          </Section>
          <Section id="quiet-heading" title="No session attended in 30 days">
            <PathwayList org={org} rows={watchlist.quiet} empty="Every started pathway had a session in the last 30 days." />
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
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <Section id="overdue-heading" title="Coachees with overdue actions">
        {attention.overdue.length === 0 ? (
          <EmptyState inline>No overdue actions: every coachee is on time.</EmptyState>
        ) : (
          <ul className="space-y-2 text-sm">
            {attention.overdue.slice(0, ATTENTION_SHOWN).map((c) => (
              <li key={c.id}>
                <TextLink href={profile(c.id, "actions", "?status=overdue")} strong>
                  {c.name}
                </TextLink>{" "}
                <Badge tone="danger">{plural(c.count, "overdue action")}</Badge>
              </li>
            ))}
            {attention.overdue.length > ATTENTION_SHOWN ? (
              <li className="text-muted">and {plural(attention.overdue.length - ATTENTION_SHOWN, "more coachee")}</li>
            ) : null}
          </ul>
        )}
      </Section>
      <Section id="quiet-coachees-heading" title={`No activity in ${QUIET_DAYS} days`}>
        {attention.quiet.length === 0 ? (
          <EmptyState inline>No coachee has gone {QUIET_DAYS} days without activity.</EmptyState>
        ) : (
          <ul className="space-y-2 text-sm">
            {attention.quiet.slice(0, ATTENTION_SHOWN).map((c) => (
              <li key={c.id}>
                <TextLink href={profile(c.id, "activity")} strong>
                  {c.name}
                </TextLink>{" "}
                <span className="text-muted">
                  {c.lastActivityAt ? `last activity ${displayDate(c.lastActivityAt, zone)}` : "no activity yet"}
                </span>
              </li>
            ))}
            {attention.quiet.length > ATTENTION_SHOWN ? (
              <li>
                <TextLink href={`/${org}/coachees?sort=lastActivity&dir=asc`}>
                  and {plural(attention.quiet.length - ATTENTION_SHOWN, "more coachee")}, oldest activity first
                </TextLink>
              </li>
            ) : null}
          </ul>
        )}
      </Section>
    </div>
  );
}
