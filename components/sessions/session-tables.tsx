import { useTranslations } from "next-intl";
import { SessionStatusBadge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { coachUpcomingSessions, participantSessions } from "@/lib/sessions/lists";
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
  const t = useTranslations("Sessions.table");
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(r) => r.id}
      empty={<EmptyState inline>{empty}</EmptyState>}
      columns={[
        { header: t("session"), cell: (r) => <TextLink href={`/${org}/sessions/${r.id}`}>{r.title}</TextLink> },
        { header: t("starts", { zone }), cell: (r) => <Time at={r.scheduledAt} zone={zone} />, nowrap: true },
        { header: t("duration"), cell: (r) => t("minutes", { count: r.durationMinutes }), nowrap: true },
        { header: t("coach"), cell: (r) => r.coachName },
        {
          header: t("pathway"),
          cell: (r) => (r.pathwayId ? <TextLink href={`/${org}/pathways/${r.pathwayId}`}>{r.pathway}</TextLink> : t("noPathway")),
        },
        { header: t("where"), cell: (r) => <SessionLocation location={r.location} /> },
        { header: t("status"), cell: (r) => <SessionStatusBadge status={r.status} /> },
      ]}
    />
  );
}

/** A coach's upcoming sessions across their coachees, each leading to the coachee's sessions. */
export function CoachSessionTable({ org, rows, zone }: { org: string; rows: readonly CoachRow[]; zone: string }) {
  const t = useTranslations("Sessions.table");
  return (
    <DataTable
      caption={t("coachCaption")}
      captionHidden
      rows={rows}
      rowKey={(r) => r.id}
      empty={<EmptyState>{t.rich("coachEmpty", { link: (chunks) => <TextLink href={`/${org}/coachees`}>{chunks}</TextLink> })}</EmptyState>}
      columns={[
        { header: t("session"), cell: (r) => <TextLink href={`/${org}/sessions/${r.id}`}>{r.title}</TextLink> },
        { header: t("starts", { zone }), cell: (r) => <Time at={r.scheduledAt} zone={zone} />, nowrap: true },
        { header: t("duration"), cell: (r) => t("minutes", { count: r.durationMinutes }), nowrap: true },
        {
          header: t("coachee"),
          cell: (r) => <TextLink href={profileTabPath(org, r.coacheeId, "sessions")}>{r.coacheeName}</TextLink>,
        },
        { header: t("pathway"), cell: (r) => r.pathway ?? t("noPathway") },
        { header: t("where"), cell: (r) => <SessionLocation location={r.location} /> },
      ]}
    />
  );
}
