"use client";

import { ActionButton } from "@/components/ui/action-button";
import type { FormAction } from "@/components/ui/use-form-action";
import { SESSION_OUTCOMES } from "@/lib/pathways/session-outcomes";

const NEXT: Record<string, { status: string; label: string }[]> = {
  SCHEDULED: [
    { status: "ATTENDED", label: "Mark attended" },
    { status: "CANCELLED", label: "Mark cancelled" },
    { status: "NO_SHOW", label: "Mark no-show" },
  ],
  ATTENDED: [{ status: "SCHEDULED", label: "Undo attended" }],
  CANCELLED: [{ status: "SCHEDULED", label: "Undo cancelled" }],
  NO_SHOW: [{ status: "SCHEDULED", label: "Undo no-show" }],
};

/** The status changes a session offers, each one button; attended and no-show only once it has started. */
export function SessionActions({
  org,
  sessionId,
  title,
  status,
  started,
  action,
}: {
  org: string;
  sessionId: string;
  title: string;
  status: string;
  started: boolean;
  action: FormAction;
}) {
  const next = NEXT[status].filter((n) => started || !SESSION_OUTCOMES.has(n.status));
  const held = NEXT[status].length > next.length;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {next.map((n) => (
        <ActionButton key={n.status} action={action} fields={{ org, sessionId, status: n.status }} label={`${n.label}: ${title}`} quiet />
      ))}
      {held ? <p className="text-sm text-muted">Attended and no-show can be marked once the session has started.</p> : null}
    </div>
  );
}
