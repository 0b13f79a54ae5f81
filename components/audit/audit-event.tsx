import { useLocale, useTranslations } from "next-intl";
import { readerOf, type Translator } from "@/lib/i18n/translator";
import { describeChanges } from "@/lib/audit/changes";
import { auditSentence, type NamedAuditEvent } from "@/lib/audit/sentence";
import { ChangeList } from "./change-list";

type Event = NamedAuditEvent & { actor?: { email: string } | null; ipAddress?: string | null };

/**
 * One audit event as people read it: a sentence with names, who was signed in and from where, and the
 * fields it changed (folded away in the audit log, where many events stand together).
 */
export function AuditEvent({ event, zone, folded = false }: { event: Event; zone: string; folded?: boolean }) {
  const t = useTranslations("Audit");
  const reader = readerOf(useLocale(), useTranslations() as unknown as Translator);
  const changed = describeChanges(reader, event.before, event.after, zone, event.names).length > 0;
  const changes = <ChangeList before={event.before} after={event.after} zone={zone} names={event.names} />;
  const by = [
    event.actor ? t("signedInAs", { email: event.actor.email }) : event.actorName === null ? t("byPathwise") : null,
    event.ipAddress ? t("fromIp", { ip: event.ipAddress }) : null,
  ].filter(Boolean);
  return (
    <>
      <p className="[overflow-wrap:anywhere]">{auditSentence(reader, event)}</p>
      {by.length ? <p className="text-xs text-muted">{by.join(" · ")}</p> : null}
      {changed && folded ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-muted">{t("whatChanged")}</summary>
          {changes}
        </details>
      ) : changed ? (
        changes
      ) : null}
    </>
  );
}
