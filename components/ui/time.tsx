import { useLocale } from "next-intl";
import { displayDate, displayTime, zoneName } from "@/lib/format/dates";

/**
 * A moment on the page, in the zone the rule of lib/format/dates.ts gives (the viewer's, or a
 * pathway's): "Mon 14 Dec 2026, 09:00", or only its day with `dateOnly`. The exact moment stays in
 * `dateTime` for machines, and the zone's name at that moment (CEST or CET) is in the title. Rendered
 * on the server: pass it to a client component as an element, not as a date.
 */
export function Time({ at, zone, dateOnly = false }: { at: Date; zone: string; dateOnly?: boolean }) {
  const locale = useLocale();
  return (
    <time dateTime={at.toISOString()} title={`${displayTime(at, zone, locale)} ${zoneName(at, zone)}`}>
      {dateOnly ? displayDate(at, zone, locale) : displayTime(at, zone, locale)}
    </time>
  );
}
