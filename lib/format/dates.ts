// Dates and times as people read them, and the one rule of which time zone they are read in:
//
// - A moment something happened or will happen (an audit event, an invitation sent or expiring, a
//   member's last visit, a credit) is shown in the viewer's time zone: the signed-in person's own
//   `timezone`, so every time on their screen is on their clock.
// - A pathway's dates and times (its sessions) are shown in the pathway's time zone, the one its
//   participant and coach meet in, whoever looks: a 10:00 session in Berlin reads 10:00 in Tokyo too.
// - A calendar day stored as a DATE (a cohort's dates, a pathway's start) is the same day everywhere:
//   it is shown as stored, in no zone.
//
// Days read YYYY-MM-DD and times YYYY-MM-DD HH:mm (24-hour), the zone said once per table or line
// rather than in every cell. Client-safe: Intl only.

/** The zone a stored zone that the runtime does not know falls back to, rather than failing the page. */
export const FALLBACK_ZONE = "UTC";

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building an Intl.DateTimeFormat costs far more than using one (an export formats 100,000 rows): one
// formatter per zone name asked for, kept for the life of the process.
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone: knownZone(timeZone),
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone a stored name stands for here: itself, or FALLBACK_ZONE when the runtime does not know it. */
export function knownZone(timeZone: string | null | undefined): string {
  if (!timeZone) return FALLBACK_ZONE;
  let known = knownZones.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone });
      known = timeZone;
    } catch {
      known = FALLBACK_ZONE;
    }
    knownZones.set(timeZone, known);
  }
  return known;
}
const knownZones = new Map<string, string>();

type Parts = { year: string; month: string; day: string; hour: string; minute: string; zone: string };

function parts(instant: Date, timeZone: string): Parts {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  return { year: p.year.padStart(4, "0"), month: p.month, day: p.day, hour: p.hour, minute: p.minute, zone: p.timeZoneName };
}

/** A calendar day stored as a DATE (midnight UTC): "2026-01-31", the same day wherever it is read; `none` when there is no day. */
export function formatDay(day: Date | null | undefined, none = "–"): string {
  return day ? day.toISOString().slice(0, 10) : none;
}

/** A stored day as a date input's value: "2026-01-31", or "" for none. */
export function dayInputValue(day: Date | null | undefined): string {
  return formatDay(day, "");
}

/** The day a moment falls on in a zone: "2026-03-29". */
export function formatDate(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A moment's day and time of day in a zone: "2026-03-29 03:30". */
export function formatTime(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The zone's short name at that moment, which tells the two 02:30s of an autumn night apart: "CEST", "CET", "GMT+5:45". */
export function zoneName(instant: Date, timeZone: string): string {
  return parts(instant, timeZone).zone;
}

/** A clock: how one reader's page shows moments, and the zone it says they are in. */
export type Clock = {
  zone: string;
  /** "2026-03-29 03:30" */
  time: (instant: Date) => string;
  /** "2026-03-29" */
  date: (instant: Date) => string;
  /** A column header or note that says which zone: "When (Europe/Berlin)". */
  label: (text: string) => string;
};

function clock(timeZone: string | null | undefined): Clock {
  const zone = knownZone(timeZone);
  return {
    zone,
    time: (instant) => formatTime(instant, zone),
    date: (instant) => formatDate(instant, zone),
    label: (text) => `${text} (${zone})`,
  };
}

/** Moments as the signed-in person reads them: in their own time zone. */
export function viewerClock(viewer: { timezone: string | null | undefined }): Clock {
  return clock(viewer.timezone);
}

/** A pathway's sessions as everyone reads them: in the pathway's time zone, whoever looks. */
export function pathwayClock(pathway: { timezone: string }): Clock {
  return clock(pathway.timezone);
}
