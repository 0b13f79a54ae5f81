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
import { plural } from "@/lib/words";
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
  return (
    <section className="space-y-8">
      <PageHeader
        title="Home"
        description={`Welcome, ${member.user.firstName || member.user.email}. This is your coaching in ${member.organization.name}.`}
      />
      <Section id="coaches-heading" title="Your coaches">
        {requests > 0 ? (
          <Notice tone="info">
            {requests === 1 ? "A coach has" : `${plural(requests, "coach", "coaches")} have`} asked to coach you.{" "}
            <TextLink href={coachingRequestsPath(org)}>Accept or decline</TextLink>
          </Notice>
        ) : null}
        {home.coaches.length === 0 ? (
          <EmptyState inline>No coach yet. Your coach appears here when your programme team assigns one to you.</EmptyState>
        ) : (
          <ul className="space-y-3">
            {home.coaches.map((coach) => (
              <li key={coach.id} className="flex flex-wrap items-center gap-x-4 gap-y-2">
                <span className="min-w-0 font-medium">{coach.name}</span>
                <LinkButton href={`/${org}/messages/${coach.id}`} variant="secondary" size="sm">
                  Message {coach.name}
                </LinkButton>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="upcoming-heading" title="Upcoming sessions">
        {home.sessions.length === 0 ? (
          <EmptyState inline>No sessions booked. Your coach schedules them with you; they appear here when they do.</EmptyState>
        ) : (
          <>
            <ul className="space-y-3">
              {home.sessions.map((s) => (
                <li key={s.id} className="text-sm">
                  <span className="block font-medium [overflow-wrap:anywhere]">{s.title}</span>
                  <span className="block text-body">
                    <Time at={s.scheduledAt} zone={zone} /> ({zone}) · {plural(s.durationMinutes, "minute")} · with {s.coachName}
                  </span>
                  <span className="block">
                    <SessionLocation location={s.location} />
                  </span>
                </li>
              ))}
            </ul>
            <p className="mt-3 text-sm">
              <TextLink href={`/${org}/sessions`}>All your sessions</TextLink>
            </p>
          </>
        )}
      </Section>
      <Section id="pathways-heading" title="Your pathways">
        {home.pathways.length === 0 ? (
          <EmptyState inline>No pathways yet: a pathway appears here when your programme team puts you on one.</EmptyState>
        ) : (
          <ul className="space-y-3">
            {home.pathways.map((p) => (
              <li key={p.id} className="text-sm">
                <TextLink href={`/${org}/pathways/${p.id}`} strong>
                  {p.programme} › {p.cohort}
                </TextLink>{" "}
                {p.status === "ARCHIVED" ? <PathwayStatusBadge pathway={p} /> : null}
                <span className="block text-body">
                  Coach {p.coachName} · {plural(p.used, "session")} used, {p.left} left of {p.included}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <div className="grid gap-8 md:grid-cols-2">
        <Section id="goals-heading" title="Goals">
          {home.goals.total === 0 ? (
            <EmptyState inline>
              No goals yet. <TextLink href={`/${org}/goals`}>Add your first goal</TextLink>, or set one with your coach at your next
              session.
            </EmptyState>
          ) : (
            <>
              <ul className="space-y-2">
                {home.goals.first.map((g) => (
                  <li key={g.id} className="text-sm">
                    <TextLink href={`/${org}/goals#goal-${g.id}`}>{g.title}</TextLink>
                    <span className="block">
                      <ProgressBar value={g.progress} label={`Progress of goal ${g.title}`} complete={g.completedAt !== null} />
                    </span>
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-sm">
                <TextLink href={`/${org}/goals`}>
                  {home.goals.total > home.goals.first.length ? `All ${home.goals.total} goals` : "Your goals"}
                </TextLink>
              </p>
            </>
          )}
        </Section>
        <Section id="actions-heading" title="Actions">
          {home.actions.open === 0 ? (
            <EmptyState inline>
              Nothing open. <TextLink href={`/${org}/actions`}>Add an action</TextLink> for the next thing you mean to do.
            </EmptyState>
          ) : (
            <>
              <p className="mb-2 text-sm text-body">
                {plural(home.actions.open, "open action")}
                {home.actions.overdue ? (
                  <>
                    {" "}
                    · <TextLink href={`/${org}/actions?status=overdue`}>{home.actions.overdue} overdue</TextLink>
                  </>
                ) : null}
              </p>
              <ul className="space-y-2">
                {home.actions.next.map((a) => (
                  <li key={a.id} className="text-sm">
                    <TextLink href={`/${org}/actions#action-${a.id}`}>{a.title}</TextLink>{" "}
                    <span className="text-muted">
                      {a.progress}%{a.dueDate ? ` · due ${displayDay(a.dueDate)}` : ""}
                    </span>{" "}
                    <DueBadge due={a.due} />
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-sm">
                <TextLink href={`/${org}/actions`}>All your actions</TextLink>
              </p>
            </>
          )}
        </Section>
      </div>
    </section>
  );
}
