import type { z } from "zod";

/** A URL parameter that is dropped when it does not parse: a bad link shows the list as if it were not there. */
export function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** Next's searchParams with repeated keys reduced to their first value, ready for a zod schema. */
export function firstValues(raw: RawSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/**
 * A query string for a list URL: the current filter with some values changed; empty values and the
 * defaults named in `defaults` are left out, so URLs stay short and shareable.
 */
export function queryWith(current: Record<string, unknown>, changes: Record<string, unknown> = {}, defaults: Record<string, unknown> = {}): string {
  const merged = { ...current, ...changes };
  const entries = Object.entries(merged).filter(([k, v]) => v !== undefined && v !== null && v !== "" && defaults[k] !== v);
  const q = new URLSearchParams(entries.map(([k, v]) => [k, String(v)]));
  const s = q.toString();
  return s ? `?${s}` : "?";
}
