"use client";

import { ActionButton } from "@/components/ui/action-button";
import type { FormAction } from "@/components/ui/use-form-action";

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

/** The status changes a session offers, each one button. */
export function SessionActions({ org, sessionId, title, status, action }: { org: string; sessionId: string; title: string; status: string; action: FormAction }) {
  return (
    <div className="flex flex-wrap gap-3">
      {NEXT[status].map((n) => (
        <ActionButton key={n.status} action={action} fields={{ org, sessionId, status: n.status }} label={`${n.label}: ${title}`} quiet />
      ))}
    </div>
  );
}
