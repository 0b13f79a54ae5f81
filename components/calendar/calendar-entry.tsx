import { useTranslations } from "next-intl";
import { SessionStatusBadge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/button";
import { displayClock } from "@/lib/format/dates";
import type { CalendarSession } from "@/lib/sessions/calendar";

/**
 * One session in a day: its time range in the viewer's zone, its title leading to the session, the other
 * person and its status in words. A cancelled one stays listed, struck through, with its status saying so.
 */
export function CalendarEntry({ org, session, zone }: { org: string; session: CalendarSession; zone: string }) {
  const t = useTranslations("Calendar");
  const cancelled = session.status === "CANCELLED";
  const title = (
    <TextLink href={`/${org}/sessions/${session.id}`} strong>
      {session.title}
    </TextLink>
  );
  return (
    <li className="rounded-md border border-line bg-surface p-2 text-sm">
      <p className="text-xs text-muted">
        <time dateTime={session.start.toISOString()}>{displayClock(session.start, zone)}</time>–
        <time dateTime={session.end.toISOString()}>{displayClock(session.end, zone)}</time>
      </p>
      <p>{cancelled ? <s>{title}</s> : title}</p>
      <p className="text-xs text-muted">{t("with", { name: session.withName })}</p>
      <SessionStatusBadge status={session.status} />
    </li>
  );
}
