import Link from "next/link";
import type { FormAction } from "@/components/ui/use-form-action";
import { ArchiveForm } from "./forms";
import { ARCHIVE_REASON_LABELS } from "@/lib/pathways/labels";
import { displayName } from "@/lib/users/display-name";

type Person = { user: { email: string; firstName: string; lastName: string } };
type Row = {
  id: string;
  status: string;
  archiveReason: keyof typeof ARCHIVE_REASON_LABELS | null;
  startDate: Date;
  participant?: Person;
  coach: Person;
  programme: { name: string; sessionsIncluded?: number };
  _count?: { sessions: number };
  cohort: { id: string; name: string };
};

/** A short list of pathways with links: for the dashboard and a user's page. */
export function PathwayList({
  org,
  rows,
  empty,
  showParticipant = true,
  archive,
}: {
  org: string;
  rows: Row[];
  empty: string;
  showParticipant?: boolean;
  /** Offer "archive" on active rows (the user's page), with the name it shows. */
  archive?: { action: FormAction; name: string };
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {rows.map((p) => (
        <li key={p.id} className={p.status === "ARCHIVED" ? "text-slate-500" : ""}>
          <Link href={`/${org}/pathways/${p.id}`} className="text-indigo-700 underline">
            {showParticipant && p.participant ? displayName(p.participant.user) : `${p.programme.name} › ${p.cohort.name}`}
          </Link>
          {showParticipant ? ` · ${p.programme.name} › ${p.cohort.name}` : ""} · coach {displayName(p.coach.user)} · starts {p.startDate.toISOString().slice(0, 10)}
          {p.status === "ARCHIVED" ? ` · archived: ${ARCHIVE_REASON_LABELS[p.archiveReason ?? "COMPLETED"].toLowerCase()}` : ""}
          {archive ? (
            <ArchiveForm
              archived={p.status !== "ACTIVE"}
              org={org}
              pathwayId={p.id}
              name={`${archive.name} (${p.programme.name})`}
              unused={Math.max(0, (p.programme.sessionsIncluded ?? 0) - (p._count?.sessions ?? 0))}
              action={archive.action}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
