import { useTranslations } from "next-intl";
import { actionPath } from "@/components/goals/goal-entry";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { NoteView } from "@/lib/notes/notes";

/** A session's notes as plain text with their line breaks (never HTML), each with its author. */
export function SessionNoteList({ notes, empty }: { notes: readonly NoteView[]; empty: string }) {
  const t = useTranslations("Sessions.notepad");
  if (!notes.length) return <EmptyState inline>{empty}</EmptyState>;
  return (
    <ul className="space-y-3">
      {notes.map((n) => (
        <li key={n.id} id={`note-${n.id}`} className="rounded-md border border-line bg-surface p-4">
          <h3 className="font-medium [overflow-wrap:anywhere]">{n.title || t("untitled")}</h3>
          <p className="text-xs text-muted">{t("by", { name: n.authorName })}</p>
          {n.body ? <p className="mt-2 text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">{n.body}</p> : null}
        </li>
      ))}
    </ul>
  );
}

type SessionAction = { id: string; title: string; dueDate: Date | null; completedAt: Date | null };

/** The actions agreed in a session, each leading to its own page; `day` writes a due day in the reader's language. */
export function SessionActionList({
  org,
  actions,
  empty,
  day,
}: {
  org: string;
  actions: readonly SessionAction[];
  empty: string;
  day: (d: Date) => string;
}) {
  const t = useTranslations("Sessions.notepad");
  if (!actions.length) return <EmptyState inline>{empty}</EmptyState>;
  return (
    <ul className="list-disc space-y-1 ps-5 text-sm">
      {actions.map((a) => (
        <li key={a.id} className="[overflow-wrap:anywhere]">
          <TextLink href={actionPath(org, a.id)}>{a.title}</TextLink>
          {a.dueDate ? <span className="text-muted"> · {t("due", { day: day(a.dueDate) })}</span> : null}
          {a.completedAt ? <span className="text-muted"> · {t("done")}</span> : null}
        </li>
      ))}
    </ul>
  );
}
