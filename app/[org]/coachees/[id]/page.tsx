import type { Metadata } from "next";
import { z } from "zod";
import { ActivityFeed } from "@/components/activity/activity-feed";
import { ActionsView } from "@/components/goals/actions-view";
import { Disclosure } from "@/components/goals/disclosure";
import { ActionForm } from "@/components/goals/goal-forms";
import { GoalTree, placeOptions } from "@/components/goals/goal-tree";
import { CoacheeFilesTab } from "@/components/files/coachee-files-tab";
import { PROFILE_TABS, profileTabHref, ProfileTabs } from "@/components/coachees/profile-tabs";
import { QuickMenu } from "@/components/coachees/quick-menu";
import { SessionActions } from "@/components/pathways/session-actions";
import { MembershipStatusBadge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { listActivity } from "@/lib/activity/list";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import type { Actor } from "@/lib/authz/actor";
import { getCoacheeProfile } from "@/lib/coaching/profile";
import { coacheeSessions } from "@/lib/coaching/sessions";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { actionFilterSchema, listActions } from "@/lib/goals/list-actions";
import { listCoacheeComments } from "@/lib/goals/comments";
import { goalsView, placesOf, shownSubjects } from "@/lib/goals/views";
import { displayName } from "@/lib/users/display-name";
import { firstValues, pageNumber, type RawSearchParams } from "@/lib/web/search-params";
import { GOAL_ACTIONS } from "../../goals/goal-actions";
import { goalLinks, goalsQuerySchema } from "../../goals/goal-links";
import { NotesTab } from "../../notes/notes-tab";
import { deleteFileAction, shareFileAction } from "../../files/file-actions";
import { coacheeSessionStatusAction } from "./actions";
import { AssessmentsTab } from "./assessments-tab";

export const metadata: Metadata = { title: "Coachee" };

const FILE_ACTIONS = { share: shareFileAction, remove: deleteFileAction };

const querySchema = z.object({
  tab: z.enum(PROFILE_TABS).catch("activity").default("activity"),
  page: pageNumber(100_000),
  ...goalsQuerySchema.shape,
});

export default async function CoacheeProfilePage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org, "coachees:manage");
  const actor = memberActor(member);
  const coachee = await orNotFound(getCoacheeProfile(db(), actor, id));
  const query = firstValues(await searchParams);
  const { tab, page, goal, thread } = querySchema.parse(query);
  const name = displayName(coachee.user);
  const zone = viewerClock(member.user).zone;

  return (
    <section>
      <PageHeader
        back={{ href: `/${org}/coachees`, label: "Coachees" }}
        title={name}
        description={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="[overflow-wrap:anywhere]">{coachee.user.email}</span>
            <MembershipStatusBadge status={coachee.status} />
            <span>{coachee.programmes.length ? coachee.programmes.join(", ") : "No programme"}</span>
          </span>
        }
        actions={<QuickMenu org={org} coacheeId={coachee.id} />}
      />
      <ProfileTabs org={org} coacheeId={coachee.id} current={tab}>
        {tab === "activity" ? (
          <ActivityTab org={org} actor={actor} coacheeId={coachee.id} name={name} page={page} zone={zone} />
        ) : tab === "goals" ? (
          <GoalsTab org={org} actor={actor} coacheeId={coachee.id} name={name} goal={goal} thread={thread} zone={zone} />
        ) : tab === "actions" ? (
          <ActionsTab org={org} actor={actor} coacheeId={coachee.id} name={name} query={query} />
        ) : tab === "notes" ? (
          <NotesTab org={org} actor={actor} coacheeId={coachee.id} zone={zone} name={name} query={query} />
        ) : tab === "files" ? (
          <CoacheeFilesTab org={org} actor={actor} coacheeId={coachee.id} name={name} query={query} zone={zone} actions={FILE_ACTIONS} />
        ) : tab === "sessions" ? (
          <SessionsTab org={org} actor={actor} coacheeId={coachee.id} name={name} page={page} zone={zone} />
        ) : (
          <AssessmentsTab org={org} actor={actor} coacheeId={coachee.id} name={name} zone={zone} />
        )}
      </ProfileTabs>
    </section>
  );
}

/** The coachee's goals (beside ?tab=goals), one open, folded to what a page shows. */
async function GoalsTab({ org, actor, coacheeId, name, goal, thread, zone }: Omit<TabProps, "page"> & { goal?: string; thread?: string }) {
  const view = await goalsView(db(), actor, coacheeId, { goal });
  const comments = await listCoacheeComments(db(), actor, coacheeId, { ...shownSubjects(view), full: thread });
  const profile = `/${org}/coachees/${coacheeId}`;
  return (
    <GoalTree
      org={org}
      coacheeId={coacheeId}
      own={false}
      view={view}
      actions={GOAL_ACTIONS}
      name={`${name}'s`}
      comments={comments}
      links={goalLinks({ goals: `${profile}?tab=goals`, actions: `${profile}?tab=actions` })}
      viewerZone={zone}
    />
  );
}

/** Every action of the coachee's, filtered and paged through the URL (beside ?tab=actions). */
async function ActionsTab({
  org,
  actor,
  coacheeId,
  name,
  query,
}: {
  org: string;
  actor: Actor;
  coacheeId: string;
  name: string;
  query: Record<string, string | undefined>;
}) {
  const filter = actionFilterSchema.parse(query);
  const [list, places] = await Promise.all([listActions(db(), actor, coacheeId, filter), placesOf(db(), actor, coacheeId)]);
  const comments = await listCoacheeComments(db(), actor, coacheeId, { goalIds: [], actionIds: [], countIds: list.rows.map((r) => r.id) });
  return (
    <ActionsView
      org={org}
      coacheeId={coacheeId}
      own={false}
      list={list}
      filter={filter}
      base={{ tab: "actions" }}
      actions={GOAL_ACTIONS}
      name={`${name}'s`}
      comments={comments}
      newAction={
        <Disclosure summary={`New action for ${name}`}>
          <ActionForm org={org} coacheeId={coacheeId} ownGoals={false} places={placeOptions(places)} action={GOAL_ACTIONS.createAction} />
        </Disclosure>
      }
    />
  );
}

type TabProps = { org: string; actor: Actor; coacheeId: string; name: string; page: number; zone: string };

async function ActivityTab({ org, actor, coacheeId, name, page, zone }: TabProps) {
  const { events, pages, page: shown } = await listActivity(db(), actor, coacheeId, { page });
  return (
    <>
      <p className="mb-3 text-sm text-muted">Newest first; times in your time zone ({zone}).</p>
      <ActivityFeed
        events={events}
        zone={zone}
        empty={`Nothing has happened with ${name} yet. Schedule a session from the Quick menu: sessions, messages and their joining show up here.`}
      />
      <Pagination page={shown} pages={pages} href={(p) => profileTabHref(org, coacheeId, "activity", p)} />
    </>
  );
}

async function SessionsTab({ org, actor, coacheeId, name, page, zone }: TabProps) {
  const { open, log, pages, page: shown } = await coacheeSessions(db(), actor, coacheeId, { page });
  const base = `/${org}/coachees/${coacheeId}`;
  const pathwayOf = (s: (typeof log)[number]) => (s.pathway ? `${s.pathway.programme.name} › ${s.pathway.cohort.name}` : "None");
  const when = (s: (typeof log)[number]) => (
    <>
      <Time at={s.scheduledAt} zone={s.timezone} /> <span className="text-xs text-faint">{s.timezone}</span>
    </>
  );
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap gap-3">
        <LinkButton href={`${base}/sessions/new`} variant="primary">
          Add an appointment
        </LinkButton>
        <LinkButton href={`${base}/sessions/now`} variant="secondary">
          Start a session now
        </LinkButton>
      </div>
      <Section id="upcoming-heading" title="Upcoming appointments">
        <DataTable
          caption={`Upcoming appointments with ${name}`}
          captionHidden
          rows={open}
          rowKey={(s) => s.id}
          empty={<EmptyState inline>No appointments with {name}: add one above.</EmptyState>}
          columns={[
            { header: "When", cell: when, nowrap: true },
            { header: "Title", cell: (s) => s.title },
            { header: "Length", cell: (s) => `${s.durationMinutes} min` },
            { header: "Where", cell: (s) => s.location || "–" },
            { header: "Pathway", cell: pathwayOf },
            {
              header: "Actions",
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
      <Section id="log-heading" title="Session log">
        <DataTable
          caption={`Sessions attended by ${name}`}
          captionHidden
          rows={log}
          rowKey={(s) => s.id}
          empty={<EmptyState inline>No attended sessions yet: mark a session attended once it has taken place.</EmptyState>}
          columns={[
            { header: "Date", cell: when, nowrap: true },
            { header: "Title", cell: (s) => s.title },
            { header: "Duration", cell: (s) => `${s.durationMinutes} min` },
            { header: "Pathway", cell: pathwayOf },
          ]}
        />
        <Pagination page={shown} pages={pages} href={(p) => profileTabHref(org, coacheeId, "sessions", p)} />
      </Section>
      <p className="text-sm text-muted">Each session shows in the time zone it was arranged in; your time zone is {zone}.</p>
    </div>
  );
}
