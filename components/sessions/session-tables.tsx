import { SessionStatusBadge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { coachUpcomingSessions, participantSessions } from "@/lib/sessions/lists";
import { plural } from "@/lib/words";
import { SessionLocation } from "./session-location";
import { profileTabPath } from "@/lib/coachees/profile-tabs";

type ParticipantRow = Awaited<ReturnType<typeof participantSessions>>["upcoming"]["rows"][number];
type CoachRow = Awaited<ReturnType<typeof coachUpcomingSessions>>["rows"][number];

/** A participant's sessions: when, how long, with whom, on which pathway, and where things stand. */
export function ParticipantSessionTable({
  org,
  caption,
  rows,
  zone,
  empty,
}: {
  org: string;
  caption: string;
  rows: readonly ParticipantRow[];
  zone: string;
  empty: string;
}) {
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(r) => r.id}
      empty={<EmptyState inline>{empty}</EmptyState>}
      columns={[
        { header: "Session", cell: (r) => r.title },
        { header: `Starts (${zone})`, cell: (r) => <Time at={r.scheduledAt} zone={zone} />, nowrap: true },
        { header: "Duration", cell: (r) => plural(r.durationMinutes, "minute"), nowrap: true },
        { header: "Coach", cell: (r) => r.coachName },
        {
          header: "Pathway",
          cell: (r) => (r.pathwayId ? <TextLink href={`/${org}/pathways/${r.pathwayId}`}>{r.pathway}</TextLink> : "None"),
        },
        { header: "Where", cell: (r) => <SessionLocation location={r.location} /> },
        { header: "Status", cell: (r) => <SessionStatusBadge status={r.status} /> },
      ]}
    />
  );
}

/** A coach's upcoming sessions across their coachees, each leading to the coachee's sessions. */
export function CoachSessionTable({ org, rows, zone }: { org: string; rows: readonly CoachRow[]; zone: string }) {
  return (
    <DataTable
      caption="Your upcoming sessions"
      captionHidden
      rows={rows}
      rowKey={(r) => r.id}
      empty={
        <EmptyState>
          No sessions coming up. Schedule one from a coachee&apos;s profile: open them from{" "}
          <TextLink href={`/${org}/coachees`}>Coachees</TextLink>.
        </EmptyState>
      }
      columns={[
        { header: "Session", cell: (r) => r.title },
        { header: `Starts (${zone})`, cell: (r) => <Time at={r.scheduledAt} zone={zone} />, nowrap: true },
        { header: "Duration", cell: (r) => plural(r.durationMinutes, "minute"), nowrap: true },
        {
          header: "Coachee",
          cell: (r) => <TextLink href={profileTabPath(org, r.coacheeId, "sessions")}>{r.coacheeName}</TextLink>,
        },
        { header: "Pathway", cell: (r) => r.pathway ?? "None" },
        { header: "Where", cell: (r) => <SessionLocation location={r.location} /> },
      ]}
    />
  );
}
