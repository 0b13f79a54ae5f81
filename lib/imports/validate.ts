import { closest, distance } from "fastest-levenshtein";
import type { TenantTx } from "../db/tenant";
import { isLocale, LOCALES } from "../i18n/locales";
import { emailSchema, nameField, PERSON_NAME_MAX, timeZoneSchema } from "../web/form-fields";
import type { Column, RawRow } from "./parse";
import { membershipState } from "../users/membership-state";

export type Colour = "green" | "yellow" | "red";

export type RowResult = {
  /** The row's line in the file as a spreadsheet shows it (exact unless a field above spans lines). */
  row: number;
  raw: RawRow;
  colour: Colour;
  /** Red: the reason per field. */
  errors: Partial<Record<Column, string>>;
  /** Yellow: why the row is skipped; green: what will happen. */
  note: string;
  email?: string;
  action?: "invite" | "enrol";
};

export type ImportTarget = { cohortId: string; programmeId: string; programmeName: string };

const personName = {
  first_name: nameField({ label: "the first name", max: PERSON_NAME_MAX }),
  last_name: nameField({ label: "the last name", max: PERSON_NAME_MAX }),
};

/** DD-MM-YYYY into an ISO day, or the reason it is not one. */
export function parseDay(value: string): { day: string } | { error: string } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { error: "Use the format DD-MM-YYYY, for example 01-03-2026" };
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  if (!match) return { error: value ? "Not a date: use DD-MM-YYYY, for example 01-03-2026" : "Enter the start date (DD-MM-YYYY)" };
  const [, d, m, y] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d))
    return { error: `${value} is not a real date` };
  return { day: `${y}-${m}-${d}` };
}

function programmeError(value: string, names: string[], target: ImportTarget | null): string | undefined {
  if (!value) return target ? "Enter the programme's name" : undefined;
  if (names.includes(value))
    return !target || value === target.programmeName ? undefined : `This cohort is on ${target.programmeName}, not ${value}`;
  const near = names.length
    ? closest(
        value.toLowerCase(),
        names.map((n) => n.toLowerCase()),
      )
    : undefined;
  const suggestion =
    near !== undefined && distance(value.toLowerCase(), near) <= Math.max(2, Math.floor(near.length / 4))
      ? names.find((n) => n.toLowerCase() === near)
      : undefined;
  return suggestion ? `No programme is called "${value}". Did you mean "${suggestion}"?` : `No programme is called "${value}"`;
}

/**
 * Checks every row against the rules and the organisation as it is now: red rows have errors per field,
 * yellow ones are skipped (repeated in the file, already invited, already on this programme), green
 * ones will be imported (a new person invited, or an existing participant enrolled). A handful of
 * queries for the whole file, never one per row. `tx` is tenant-scoped. Without a target (an import of
 * people only, from Admin > Users) the pathway columns are optional, but checked when filled in.
 */
export async function validateRows(tx: TenantTx, rows: RawRow[], target: ImportTarget | null, firstLine = 2): Promise<RowResult[]> {
  const emails = [...new Set(rows.flatMap((r) => (emailSchema.safeParse(r.email).success ? [emailSchema.parse(r.email)] : [])))];
  const [programmes, coaches, members] = await Promise.all([
    tx.programme.findMany({ select: { name: true } }),
    tx.membership.findMany({ where: { role: "COACH", status: "ACTIVE" }, select: { user: { select: { email: true } } } }),
    tx.membership.findMany({
      where: { user: { email: { in: emails } } },
      select: {
        role: true,
        status: true,
        joinedAt: true,
        user: { select: { email: true } },
        pathways: {
          where: { status: "ACTIVE", programmeId: target?.programmeId ?? "00000000-0000-0000-0000-000000000000" },
          select: { id: true },
        },
      },
    }),
  ]);
  const programmeNames = programmes.map((p) => p.name);
  const coachEmails = new Set(coaches.map((c) => c.user.email));
  const memberByEmail = new Map(members.map((m) => [m.user.email, m]));
  const firstRow = new Map<string, number>();

  return rows.map((raw, i): RowResult => {
    const row = i + firstLine;
    const errors: Partial<Record<Column, string>> = {};
    const email = emailSchema.safeParse(raw.email);
    if (!email.success) errors.email = raw.email ? "Not a valid email address" : "Enter the email address";
    const username = emailSchema.safeParse(raw.username);
    if (!username.success)
      errors.username = raw.username ? "The username must be an email address" : "Enter the username (the sign-in email)";
    else if (email.success && username.data !== email.data)
      errors.username = "The username is the sign-in email: it must be the same as email";
    for (const field of ["first_name", "last_name"] as const) {
      const name = personName[field].safeParse(raw[field]);
      if (!name.success) errors[field] = name.error.issues[0].message;
    }
    // Pathway columns: required for a cohort import, checked when filled in otherwise.
    const checks = (value: string) => Boolean(target) || value !== "";
    const day = parseDay(raw.startdate);
    if (checks(raw.startdate) && "error" in day) errors.startdate = day.error;
    const programme = programmeError(raw.programme, programmeNames, target);
    if (programme) errors.programme = programme;
    if (checks(raw.primary_coach) && !raw.primary_coach) errors.primary_coach = "Enter the coach's username";
    else if (checks(raw.primary_coach) && !coachEmails.has(raw.primary_coach.toLowerCase()))
      errors.primary_coach = "No active coach has this username";
    if (checks(raw.timezone) && !timeZoneSchema.safeParse(raw.timezone).success)
      errors.timezone = raw.timezone ? "Not a time zone: use a name like Europe/London" : "Enter the time zone";
    if (raw.tag.length > 40) errors.tag = "At most 40 characters";
    if (raw.language && !isLocale(raw.language.toLowerCase())) errors.language = `Use one of ${LOCALES.join(", ")}, or leave it empty`;
    if (Object.keys(errors).length) return { row, raw, colour: "red", errors, note: "" };

    const address = email.data!;
    const seen = firstRow.get(address);
    if (seen !== undefined) return { row, raw, colour: "yellow", errors, note: `Repeated in the file (row ${seen})`, email: address };
    firstRow.set(address, row);
    const member = memberByEmail.get(address);
    if (!member) return { row, raw, colour: "green", errors, note: "Will be invited", email: address, action: "invite" };
    // A deactivated person comes back by their state's one way forward (membership-state.ts), from their page.
    const state = membershipState(member);
    if (state === "DEACTIVATED" || state === "DEACTIVATED_NEVER_JOINED") {
      const again = state === "DEACTIVATED" ? "reactivate them from their page first" : "invite them again from their page first";
      return { row, raw, colour: "red", errors: { email: `This person is deactivated: ${again}` }, note: "" };
    }
    if (member.role !== "PARTICIPANT")
      return { row, raw, colour: "red", errors: { email: "This person has another role here: only participants are imported" }, note: "" };
    if (target && member.pathways.length)
      return { row, raw, colour: "yellow", errors, note: `Already on ${target.programmeName}`, email: address };
    if (member.status === "INVITED") return { row, raw, colour: "yellow", errors, note: "Already invited", email: address };
    if (!target) return { row, raw, colour: "yellow", errors, note: "Already a member", email: address };
    return { row, raw, colour: "green", errors, note: "Already a member: will be enrolled", email: address, action: "enrol" };
  });
}
