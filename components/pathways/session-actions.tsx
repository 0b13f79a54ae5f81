"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/ui/action-button";
import type { FormAction } from "@/components/ui/use-form-action";
import type { Messages } from "@/lib/i18n/messages";
import { SESSION_OUTCOMES } from "@/lib/pathways/session-outcomes";

// Each change's button by its message key, which names the session it changes.
type ChangeLabel = Exclude<keyof Messages["Pathways"]["sessionActions"], "held">;

const NEXT: Record<string, { status: string; label: ChangeLabel }[]> = {
  SCHEDULED: [
    { status: "ATTENDED", label: "markAttended" },
    { status: "CANCELLED", label: "markCancelled" },
    { status: "NO_SHOW", label: "markNoShow" },
  ],
  ATTENDED: [{ status: "SCHEDULED", label: "undoAttended" }],
  CANCELLED: [{ status: "SCHEDULED", label: "undoCancelled" }],
  NO_SHOW: [{ status: "SCHEDULED", label: "undoNoShow" }],
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
  const t = useTranslations("Pathways.sessionActions");
  const next = NEXT[status].filter((n) => started || !SESSION_OUTCOMES.has(n.status));
  const held = NEXT[status].length > next.length;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {next.map((n) => (
        <ActionButton key={n.status} action={action} fields={{ org, sessionId, status: n.status }} label={t(n.label, { title })} quiet />
      ))}
      {held ? <p className="text-sm text-muted">{t("held")}</p> : null}
    </div>
  );
}
