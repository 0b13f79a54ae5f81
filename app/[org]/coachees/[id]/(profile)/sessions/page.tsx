import { SessionActions } from "@/components/pathways/session-actions";
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
