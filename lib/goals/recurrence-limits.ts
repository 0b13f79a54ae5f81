// The caps of a recurring action, client-safe (no imports) so forms can show them; lib/goals/recurrence.ts
// enforces them.

/** A series has at most this many occurrences... */
export const MAX_OCCURRENCES = 366;
/** ...and ends at most this many years after its first day. */
export const MAX_SPAN_YEARS = 2;
/** Every n days, weeks or months: at most this n. */
export const MAX_INTERVAL = 99;
