import type { MessageKeys, NestedKeyOf } from "next-intl";
import type { Messages } from "./messages";

// What a service or an action says to a person, before anyone has read it: a message key and its
// values, carried as a string (so it fits where a sentence went: an error's message, a zod issue, a
// result, a stored row) and put into words only where it is read, in the reader's language
// (lib/actions/action.ts for what actions answer, a page for what it shows, an email for its reader).
// Client-safe: no imports but types.

export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
export type MsgValues = Record<string, string | number>;

const MSG = /^@([A-Za-z][\w.]*)(?: (\{.*\}))?$/s;

/** "@Goals.server.saved" or "@Goals.server.added {"title":"Run"}": a message to put in words later. */
export function msg(key: MessageKey, values?: MsgValues): string {
  return values ? `@${key} ${JSON.stringify(values)}` : `@${key}`;
}

/** The part of a translator localize uses: next-intl's, with no namespace. */
export type Translate = { (key: never, values?: never): string; has(key: never): boolean };

/** A message in the reader's words; any other text (a name, a title, an older sentence) as it is. */
export function localize(text: string, t: Translate): string {
  const found = MSG.exec(text);
  const say = t as unknown as { (key: string, values?: MsgValues): string; has(key: string): boolean };
  if (!found || !say.has(found[1])) return text;
  try {
    return say(found[1], found[2] ? (JSON.parse(found[2]) as MsgValues) : undefined);
  } catch {
    return text;
  }
}

/** Every message in a value (a result, its data, a list of reasons), put in the reader's words. */
export function localizeAll<T>(value: T, t: Translate): T {
  if (typeof value === "string") return localize(value, t) as T;
  if (Array.isArray(value)) return value.map((v) => localizeAll(v, t)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localizeAll(v, t)])) as T;
  return value;
}
