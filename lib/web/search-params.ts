import { z } from "zod";
import { isoDayField } from "./form-fields";

// The one way list pages read their URL: every value is cleaned here first (firstValues), then parsed
// with the field builders below, whose rule is that a value that does not parse is dropped, as if the
// link did not carry it. A hand-edited or hostile URL shows a list, never an error page.

/** A URL parameter that is dropped when it does not parse: a bad link shows the list as if it were not there. */
export function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** Longer than any value a list's own links and forms make; the field's own limit is stricter. */
const MAX_VALUE_LENGTH = 1000;
// NUL and the other control characters: never typed into a search box, and PostgreSQL refuses NUL
// in text outright (which used to surface as a 500).
const CONTROL = /\p{Cc}/gu;

/** A parameter's value as parsers may see it: no control characters, bounded length. */
export function cleanValue(value: string): string {
  return value
    .slice(0, MAX_VALUE_LENGTH * 2)
    .replace(CONTROL, "")
    .slice(0, MAX_VALUE_LENGTH);
}

/** Next's searchParams with repeated keys reduced to their first value, cleaned, ready for a zod schema. */
export function firstValues(raw: RawSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => {
      const first = Array.isArray(v) ? v[0] : v;
      return [k, first === undefined ? undefined : cleanValue(first)];
    }),
  );
}

/** The same for parameters read outside a page: a route handler's URL, a query carried in a form. */
export function searchParamsOf(params: URLSearchParams): Record<string, string | undefined> {
  const raw: RawSearchParams = {};
  for (const [k, v] of params) raw[k] ??= v;
  return firstValues(raw);
}

/** Free text to search for: control characters removed, trimmed, at most `max` characters, dropped when empty. */
export function searchText(max: number) {
  return lenient(
    z.preprocess(
      (v) => (typeof v === "string" ? cleanValue(v) : v),
      z
        .string()
        .trim()
        .max(max)
        .transform((s) => s || undefined),
    ),
  );
}

/** A page number: 1 when absent or not a number; clamped to 1..max (a page past the end shows the end). */
export function pageNumber(max: number) {
  return z.preprocess((v) => {
    const n = typeof v === "string" && /^\s*[+-]?\d+\s*$/.test(v) ? Number.parseInt(v, 10) : Number.NaN;
    return Number.isNaN(n) ? 1 : Math.min(Math.max(n, 1), max);
  }, z.number().int());
}

/** Years a date filter means anything in; outside them a date is a typo or a probe, and dropped. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** A calendar day, YYYY-MM-DD, that exists and falls within MIN_YEAR..MAX_YEAR; dropped otherwise. */
export function isoDay() {
  return lenient(
    isoDayField().refine((s) => {
      const year = Number(s.slice(0, 4));
      return year >= MIN_YEAR && year <= MAX_YEAR;
    }),
  );
}

/**
 * A query string for a list URL: the current filter with some values changed; empty values and the
 * defaults named in `defaults` are left out, so URLs stay short and shareable.
 */
export function queryWith(
  current: Record<string, unknown>,
  changes: Record<string, unknown> = {},
  defaults: Record<string, unknown> = {},
): string {
  const merged = { ...current, ...changes };
  const entries = Object.entries(merged).filter(([k, v]) => v !== undefined && v !== null && v !== "" && defaults[k] !== v);
  const q = new URLSearchParams(entries.map(([k, v]) => [k, String(v)]));
  const s = q.toString();
  return s ? `?${s}` : "?";
}
