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
// People read days as they write them, "Mon 14 Dec 2026", and times as "Mon 14 Dec 2026, 09:00"
// (24-hour), the zone said once per table or line rather than in every cell: the display* functions.
// The iso* functions ("2026-12-14", "2026-12-14 09:00") are for what machines and logic read: day
// arithmetic, CSV cells, file names, URLs and date inputs' values; never put them in front of people.
// Client-safe: Intl only.

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

// The names come from this table, not from Intl: ICU versions disagree on en-GB ("Sep" or "Sept", a
// comma after the weekday or not), and a day must read the same from Node, a browser and a test.
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const dayFormats = new Map<string, Intl.DateTimeFormat>();

// Other languages' names come from Intl: their readers' own ICU writes them as they expect
// ("lun. 14 déc. 2026", "Mo., 14. Dez. 2026").
function dayFormat(locale: string): Intl.DateTimeFormat {
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" });
    dayFormats.set(locale, f);
  }
  return f;
}

/** A calendar day by its numbers (month 1-12) as people write it in their language: "Mon 14 Dec 2026". */
function dayText(year: number, month: number, day: number, locale: string): string {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0-99 as 1900-1999
  if (locale !== "en") return dayFormat(locale).format(date);
  return `${WEEKDAYS[date.getUTCDay()]} ${day} ${MONTHS[month - 1]} ${year}`;
}

const partsDay = (p: Parts, locale: string) => dayText(Number(p.year), Number(p.month), Number(p.day), locale);

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---- For people ----------------------------------------------------------------------------------

/**
 * A calendar day stored as a DATE (midnight UTC), or named as "2026-12-14" (a series' first day, a
 * notification's due day): "Mon 14 Dec 2026", the same day wherever it is read; `none` when there is
 * no day. Text that is not a day is shown as it is rather than hidden.
 */
export function displayDay(day: Date | string | null | undefined, none = "–", locale: string = "en"): string {
  if (day === null || day === undefined || day === "") return none;
  if (typeof day === "string") {
    const m = ISO_DAY.exec(day);
    return m ? dayText(Number(m[1]), Number(m[2]), Number(m[3]), locale) : day;
  }
  return dayText(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), locale);
}

/** The day a moment falls on in a zone, as people read it: "Mon 14 Dec 2026". */
export function displayDate(instant: Date, timeZone: string, locale: string = "en"): string {
  return partsDay(parts(instant, timeZone), locale);
}

/** A moment's day and time of day (24-hour) in a zone, as people read it: "Mon 14 Dec 2026, 09:00". */
export function displayTime(instant: Date, timeZone: string, locale: string = "en"): string {
  const p = parts(instant, timeZone);
  return `${partsDay(p, locale)}, ${p.hour}:${p.minute}`;
}

/** A moment's time of day (24-hour) in a zone, beside a day already written: "09:00". */
export function displayClock(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.hour}:${p.minute}`;
}

// English reads day-month-year as en-GB writes it; the other languages as their own ICU does.
const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : locale);

/** A calendar day named as "2026-12-14", at midnight UTC, for Intl to write without shifting it. */
function utcDay(day: string): Date {
  const m = ISO_DAY.exec(day)!;
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date;
}

/** A run of calendar days (a week) as people write it in their language: "14–20 Dec 2026", "28 Dec 2026 – 3 Jan 2027". */
export function displayDayRange(first: string, last: string, locale: string = "en"): string {
  const f = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
  return f.formatRange(utcDay(first), utcDay(last));
}

/** The month a calendar day is in, as people write it in their language: "December 2026", "Dezember 2026". */
export function displayMonth(day: string, locale: string = "en"): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "UTC", month: "long", year: "numeric" }).format(utcDay(day));
}

/** A calendar day's weekday, short, in the reader's language: "Mon", "lun.", "Mo.". */
export function displayWeekday(day: string, locale: string = "en"): string {
  const date = utcDay(day);
  if (locale === "en") return WEEKDAYS[date.getUTCDay()];
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "short" }).format(date);
}

/** The zone's short name at that moment, which tells the two 02:30s of an autumn night apart: "CEST", "CET", "GMT+5:45". */
export function zoneName(instant: Date, timeZone: string): string {
  return parts(instant, timeZone).zone;
}

// ---- For machines and logic (never shown as such) -------------------------------------------------

/** A stored DATE as ISO: "2026-12-14", for day arithmetic, CSV cells and URLs. */
export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** A stored day as a date input's value: "2026-12-14", or "" for none. */
export function dayInputValue(day: Date | null | undefined): string {
  return day ? isoDay(day) : "";
}

/** The day a moment falls on in a zone, as ISO: "2026-03-29", for day arithmetic, CSV cells and file names. */
export function isoDate(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A moment's wall-clock reading in a zone, as ISO: "2026-03-29 03:30", for logic that compares readings. */
export function isoTime(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

// ---- Clocks --------------------------------------------------------------------------------------

/** A clock: how one reader's page shows moments, and the zone it says they are in. */
export type Clock = {
  zone: string;
  /** "Mon 14 Dec 2026, 09:00" */
  time: (instant: Date) => string;
  /** "Mon 14 Dec 2026" */
  date: (instant: Date) => string;
  /** A column header or note that says which zone: "When (Europe/Berlin)". */
  label: (text: string) => string;
};

function clock(timeZone: string | null | undefined, locale: string): Clock {
  const zone = knownZone(timeZone);
  return {
    zone,
    time: (instant) => displayTime(instant, zone, locale),
    date: (instant) => displayDate(instant, zone, locale),
    label: (text) => `${text} (${zone})`,
  };
}

/** Moments as the signed-in person reads them: in their own time zone (and language, `locale`). */
export function viewerClock(viewer: { timezone: string | null | undefined }, locale: string = "en"): Clock {
  return clock(viewer.timezone, locale);
}

/** A pathway's sessions as everyone reads them: in the pathway's time zone, whoever looks. */
export function pathwayClock(pathway: { timezone: string }, locale: string = "en"): Clock {
  return clock(pathway.timezone, locale);
}
