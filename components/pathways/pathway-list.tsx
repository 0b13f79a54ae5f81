import { useLocale, useTranslations } from "next-intl";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { FormAction } from "@/components/ui/use-form-action";
import type { ArchiveReason } from "@/lib/db/generated/enums";
import { displayDay } from "@/lib/format/dates";
import { displayName } from "@/lib/users/display-name";
import { ArchiveForm } from "./forms";

type Person = { user: { email: string; firstName: string; lastName: string } };
type Row = {
  id: string;
  status: string;
  archiveReason: ArchiveReason | null;
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
  const t = useTranslations("Pathways.list");
  const locale = useLocale();
  if (rows.length === 0) return <EmptyState inline>{empty}</EmptyState>;
  return (
    <ul className="space-y-1 text-sm">
      {rows.map((p) => (
        <li key={p.id} className={p.status === "ARCHIVED" ? "text-faint" : ""}>
          <TextLink href={`/${org}/pathways/${p.id}`}>
            {showParticipant && p.participant ? displayName(p.participant.user) : `${p.programme.name} › ${p.cohort.name}`}
          </TextLink>
          {showParticipant ? ` · ${p.programme.name} › ${p.cohort.name}` : ""} · {t("coach", { name: displayName(p.coach.user) })} ·{" "}
          {t("starts", { day: displayDay(p.startDate, undefined, locale) })}
          {p.status === "ARCHIVED" ? ` · ${t("archived", { reason: p.archiveReason ?? "COMPLETED" })}` : ""}
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
