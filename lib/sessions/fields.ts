import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { ValidationError } from "../errors";
import { msg } from "../i18n/msg";
import { isoTime } from "../format/dates";
import { CONTROL_CHARACTERS, isoDayField, nameField } from "../web/form-fields";
import { MAX_YEAR, MIN_YEAR } from "../web/search-params";

// What every session form shares (a pathway's session, a coachee's appointment, a change of either),
// and the one reading of a local date and time in a zone that they all use.

/** The fields every session form shares (a pathway's, a coachee's appointment): title, local date and time, length. */
export const sessionFields = {
  title: nameField({ label: "a title", max: 120 }),
  // Within the years a date means anything in (a year below 100 would be read as 19xx by Date).
  date: isoDayField(msg("Pathways.server.dateFormat")).refine(
    (s) => {
      const year = Number(s.slice(0, 4));
      return year >= MIN_YEAR && year <= MAX_YEAR;
    },
    msg("Pathways.server.dateRange", { min: MIN_YEAR, max: MAX_YEAR }),
  ),
  time: z.iso.time({ precision: -1, error: msg("Pathways.server.timeFormat") }),
  durationMinutes: z.coerce
    .number({ error: msg("Pathways.server.durationMissing") })
    .int(msg("Pathways.server.wholeMinutes"))
    .min(5, msg("Pathways.server.minMinutes"))
    .max(480, msg("Pathways.server.maxHours")),
};

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A calendar day as a message's values, for the reader's language to write ("Mon 14 Dec 2026", "lun. 14 déc. 2026"). */
function dayParts(year: number, month: number, day: number) {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return { weekday: WEEKDAYS[date.getUTCDay()], day, month: MONTHS[month - 1], year };
}

/**
 * The moment a local date ("2026-01-31") and time ("09:30") name in a time zone. A time the clocks skip
 * that night (01:30 when they go forward from 01:00 to 02:00) names no moment: it is refused at the time
 * field with the time it would have become, never shifted silently. (A time the clocks pass twice, when
 * they go back, is its first passing.)
 */
export function localMoment(date: string, time: string, timezone: string): Date {
  const { moment, read, exact } = wallClock(date, time, timezone);
  const [y, m, d] = date.split("-").map(Number);
  if (!exact)
    throw new ValidationError(msg("Server.checkFields"), {
      time: [
        msg("Pathways.server.skippedTime", {
          time,
          ...dayParts(y, m, d),
          timezone,
          suggestion: read.slice(11),
        }),
      ],
    });
  return moment;
}

/**
 * The moment a local date ("2026-03-29") and time ("01:30") name in a zone, what the zone's clock reads
 * at it, and whether that is the time asked for (not, for a time the clocks skip): the one reading of a
 * wall clock that session forms and free slots share.
 */
export function wallClock(date: string, time: string, timezone: string): { moment: Date; read: string; exact: boolean } {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const moment = new Date(new TZDate(y, m - 1, d, hh, mm, timezone).getTime());
  const read = isoTime(moment, timezone);
  return { moment, read, exact: read === `${date} ${time}` };
}

/** Where a session happens: a place or a meeting link. */
export const sessionLocation = z
  .string()
  .trim()
  .max(500, msg("Coachees.server.atMost", { max: 500 }))
  .refine((s) => !CONTROL_CHARACTERS.test(s), msg("Coachees.server.placeControl"))
  .default("");
