import { formatDate, formatTime, zoneName } from "@/lib/format/dates";

/**
 * A moment on the page, in the zone the rule of lib/format/dates.ts gives (the viewer's, or a
 * pathway's): "2026-03-29 03:30", or only its day with `dateOnly`. The exact moment is in `dateTime`
 * and the zone's name at that moment (CEST or CET) in the title. Rendered on the server: pass it to a
 * client component as an element, not as a date.
 */
export function Time({ at, zone, dateOnly = false }: { at: Date; zone: string; dateOnly?: boolean }) {
  return (
    <time dateTime={at.toISOString()} title={`${formatTime(at, zone)} ${zoneName(at, zone)}`}>
      {dateOnly ? formatDate(at, zone) : formatTime(at, zone)}
    </time>
  );
}
