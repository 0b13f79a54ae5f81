// Dates as the app shows them ("Mon 14 Dec 2026, 09:00"), worked out here independently of
// lib/format/dates.ts, so an e2e expectation does not simply repeat the code it checks: from en-US's
// parts (whose short months are three letters in every runtime), put in the order people write them.

function partsOf(moment: Date | string, timeZone: string) {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return Object.fromEntries(format.formatToParts(new Date(moment)).map((p) => [p.type, p.value]));
}

/** The day a moment falls on in a zone: "Mon 14 Dec 2026". */
export function readableDate(moment: Date | string, timeZone: string): string {
  const p = partsOf(moment, timeZone);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** A moment in a zone, on the 24-hour clock: "Mon 14 Dec 2026, 09:00". */
export function readableTime(moment: Date | string, timeZone: string): string {
  const p = partsOf(moment, timeZone);
  return `${readableDate(moment, timeZone)}, ${p.hour}:${p.minute}`;
}

/** A calendar day typed as "2026-12-14", as the app shows it: "Mon 14 Dec 2026". */
export function readableDay(day: string): string {
  return readableDate(`${day}T00:00:00Z`, "UTC");
}
