import { z } from "zod";
import { LOCALES } from "../i18n/locales";
import { msg } from "../i18n/msg";

// The one place each kind of field is defined (ids, names, emails, time zones, days), shared by the
// forms, the server actions, the services and the import. Form values arrive as strings, a repeated
// field as an array (or one string when it has one value); these turn them into what services take.
// Their messages are message keys (lib/i18n/msg.ts, the Fields namespace), put in the reader's words
// where they are read. Client-safe: zod, Intl and lib/i18n/msg only.

/** An id (a UUID). Another organisation's id and a malformed one answer alike: `message` is "Not found" unless it comes from a picker. */
export function idField(message: string = msg("Server.missing")) {
  return z.uuid({ error: message });
}

/** Whether a value is shaped like an id at all (a lookup by anything else finds nothing). */
export function isId(value: unknown): value is string {
  return idField().safeParse(value).success;
}

/** Zero or more values of a repeated form field (checkboxes, multi-selects), each parsed by `item`. */
export function repeated<T extends z.ZodType>(item: T, max: number) {
  return z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));
}

/** Zero or more ids from repeated form fields (checkboxes, multi-selects). */
export function idList(message: string = msg("Fields.chooseFromList"), max = 100) {
  return repeated(idField(message), max);
}

/** A checkbox: "on" (or "true") when ticked; anything else, or absent, is not ticked. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** An id from a select whose empty option means "none". */
export function optionalId(message: string = msg("Fields.chooseFromList")) {
  return z.union([z.literal("").transform(() => null), idField(message)]);
}

// Names: one rule wherever a person, organisation, unit, programme or cohort is named (forms, import,
// invitations). They end up in emails, CSV exports and headers, so line breaks and other control
// characters are refused with a message rather than quietly stripped: a "name" carrying
// "\r\nBcc: x@y" is an attack or a broken file, and either way the person should see it.
/** Longest first or last name of a person. */
export const PERSON_NAME_MAX = 100;
/** Longest name of an organisation, unit, programme or cohort (and a cohort's client). */
export const NAME_MAX = 120;
/** Line breaks, tabs, NUL and the other control characters, Unicode line separators, half surrogate pairs. */
export const CONTROL_CHARACTERS = /[\p{Cc}\p{Cs}\u2028\u2029]/u;

// What a name field is called in its messages ("Enter your first name", "The unit's name cannot
// contain line breaks, ..."): by its English words, each with its own messages in Fields.enterName and
// Fields.nameControl (a phrase is never put into another language's sentence).
const NAME_LABELS = {
  "a title": "aTitle",
  "a first name": "aFirstName",
  "a last name": "aLastName",
  "your first name": "yourFirstName",
  "your last name": "yourLastName",
  "the first name": "theFirstName",
  "the last name": "theLastName",
  "the unit's name": "unitName",
  "the organisation's name": "organisationName",
  "your organisation's name": "yourOrganisationName",
  "the group's name": "groupName",
  "the programme's name": "programmeName",
  "the cohort's name": "cohortName",
  "the client's name": "clientName",
} as const;

/** A name field's label as it reads in a sentence: "your first name", "the unit's name". */
export type NameLabel = keyof typeof NAME_LABELS;

/**
 * A name: no control characters (CR, LF, TAB, NUL, ...), no Unicode line or paragraph separators, no
 * half of a surrogate pair; spaces trimmed; at most `max` characters. `label` reads in a sentence:
 * "your first name", "the unit's name". `optional` lets an empty value through as "".
 */
export function nameField({ label, max, optional = false }: { label: NameLabel; max: number; optional?: boolean }) {
  const key = NAME_LABELS[label];
  const text = z
    .string({ error: msg(`Fields.enterName.${key}`) })
    .refine((s) => !CONTROL_CHARACTERS.test(s), { error: msg(`Fields.nameControl.${key}`), abort: true })
    .trim()
    .max(max, msg("Fields.atMost", { max }));
  return optional ? text : text.min(1, msg(`Fields.enterName.${key}`));
}

/**
 * Free text (a description, a comment, a message): line breaks kept, NUL dropped (PostgreSQL text never
 * holds it), spaces trimmed, at most `max` characters. With `required` (the message, "Write a comment")
 * it may not be empty; without it a missing value is "".
 */
export function textField({ max, required }: { max: number; required?: string }) {
  const text = z.string().trim().max(max, msg("Fields.atMost", { max }));
  const noNul = z.string({ error: required }).transform((s) => s.replaceAll("\u0000", ""));
  return required ? noNul.pipe(text.min(1, required)) : noNul.pipe(text).default("");
}

// Time zones. `Intl.supportedValuesOf` lists the runtime's canonical IANA zones but leaves out UTC, the
// most common stored zone of all; a picker built from it alone turned every UTC into its first entry.
/** The zones every time-zone picker offers, UTC first. */
export const TIME_ZONES: readonly string[] = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
const LISTED = new Set(TIME_ZONES);
const LISTED_LOWER = new Map(TIME_ZONES.map((z) => [z.toLowerCase(), z]));
// IANA spelling: segments that start with a capital ("America/Argentina/Buenos_Aires", "Etc/GMT+5").
const IANA_NAME = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)*$/;

/**
 * A listed zone, or another IANA name the runtime knows (a link such as Asia/Kolkata or US/Eastern,
 * which may already be stored and must survive a save). Intl accepts any letter case, so a listed zone
 * in the wrong case is refused rather than stored misspelt.
 */
export function isTimeZone(name: string): boolean {
  if (LISTED.has(name)) return true;
  if (name.length > 64 || !IANA_NAME.test(name) || LISTED_LOWER.has(name.toLowerCase())) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The one time-zone schema, shared by every form, service and the import. */
/** A language from the list (lib/i18n/locales.ts). */
export const localeSchema = z.enum(LOCALES, { error: msg("Fields.chooseLanguage") });

/** A person's own language, or "" for none chosen (their organisation's). */
export const localeChoice = z.preprocess((v) => (v === "" ? null : v), localeSchema.nullable());

export const timeZoneSchema = z.string({ error: msg("Fields.chooseTimeZone") }).refine(isTimeZone, msg("Fields.chooseTimeZone"));

// Emails are unique case-insensitively: every email is stored and looked up in this form.
/** An email as stored and looked up: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The one email rule of every form, service, invitation list and import row; the value comes out normalised. */
export const emailSchema = z
  .string()
  .trim()
  .min(1, msg("Fields.enterEmail"))
  .max(254, msg("Fields.emailMax", { max: 254 }))
  .pipe(z.email({ error: msg("Fields.validEmail") }))
  .transform(normalizeEmail);

// Days: a date input sends YYYY-MM-DD. A day is stored as a DATE, which reads back as midnight UTC
// (lib/format/dates.ts displayDay shows it as the same day everywhere).
const DATE_LIKE = msg("Fields.dateLike", { example: "2026-01-31" });

/** A calendar day, YYYY-MM-DD, that exists ("2026-02-30" does not). */
export function isoDayField(message: string = DATE_LIKE) {
  return z.iso.date({ error: message });
}

/** The Date a DATE column stores for a day: midnight UTC. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** An optional day from a date input: empty is none (null), anything else a day as stored. */
export function optionalDayField(message: string = DATE_LIKE) {
  return z.union([z.literal("").transform(() => null), isoDayField(message).transform(dayToDate)]);
}
