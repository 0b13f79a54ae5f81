import { closest, distance } from "fastest-levenshtein";
import type { TenantTx } from "../db/tenant";
import { isLocale, LOCALES } from "../i18n/locales";
import { msg } from "../i18n/msg";
import { emailSchema, nameField, PERSON_NAME_MAX, timeZoneSchema } from "../web/form-fields";
import type { Column, RawRow } from "./parse";
import { membershipState } from "../users/membership-state";

export type ImportColour = "green" | "yellow" | "red";

export type RowResult = {
  /** The row's line in the file as a spreadsheet shows it (exact unless a field above spans lines). */
  row: number;
  raw: RawRow;
  colour: ImportColour;
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
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { error: msg("Imports.server.dayIsoFormat") };
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  if (!match) return { error: msg(value ? "Imports.server.notADate" : "Imports.server.startDateMissing") };
  const [, d, m, y] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d))
    return { error: msg("Imports.server.notARealDate", { value }) };
  return { day: `${y}-${m}-${d}` };
}

function programmeError(value: string, names: string[], target: ImportTarget | null): string | undefined {
  if (!value) return target ? msg("Imports.server.programmeMissing") : undefined;
  if (names.includes(value))
    return !target || value === target.programmeName
      ? undefined
      : msg("Imports.server.otherProgramme", { programme: target.programmeName, value });
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
  return suggestion ? msg("Imports.server.noProgrammeDidYouMean", { value, suggestion }) : msg("Imports.server.noProgramme", { value });
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
    if (!email.success) errors.email = msg(raw.email ? "Imports.server.emailInvalid" : "Imports.server.emailMissing");
    const username = emailSchema.safeParse(raw.username);
    if (!username.success) errors.username = msg(raw.username ? "Imports.server.usernameNotEmail" : "Imports.server.usernameMissing");
    else if (email.success && username.data !== email.data) errors.username = msg("Imports.server.usernameNotEmailColumn");
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
    if (checks(raw.primary_coach) && !raw.primary_coach) errors.primary_coach = msg("Imports.server.coachMissing");
    else if (checks(raw.primary_coach) && !coachEmails.has(raw.primary_coach.toLowerCase()))
      errors.primary_coach = msg("Imports.server.noCoach");
    if (checks(raw.timezone) && !timeZoneSchema.safeParse(raw.timezone).success)
      errors.timezone = msg(raw.timezone ? "Imports.server.notATimeZone" : "Imports.server.timeZoneMissing");
    if (raw.tag.length > 40) errors.tag = msg("Imports.server.tagTooLong", { max: 40 });
    if (raw.language && !isLocale(raw.language.toLowerCase()))
      errors.language = msg("Imports.server.language", { locales: LOCALES.join(", ") });
    if (Object.keys(errors).length) return { row, raw, colour: "red", errors, note: "" };

    const address = email.data!;
    const seen = firstRow.get(address);
    if (seen !== undefined)
      return { row, raw, colour: "yellow", errors, note: msg("Imports.server.repeated", { row: seen }), email: address };
    firstRow.set(address, row);
    const member = memberByEmail.get(address);
    if (!member) return { row, raw, colour: "green", errors, note: msg("Imports.server.willInvite"), email: address, action: "invite" };
    // A deactivated person comes back by their state's one way forward (membership-state.ts), from their page.
    const state = membershipState(member);
    if (state === "DEACTIVATED" || state === "DEACTIVATED_NEVER_JOINED") {
      const email = msg(state === "DEACTIVATED" ? "Imports.server.deactivatedReactivate" : "Imports.server.deactivatedInviteAgain");
      return { row, raw, colour: "red", errors: { email }, note: "" };
    }
    if (member.role !== "PARTICIPANT") return { row, raw, colour: "red", errors: { email: msg("Imports.server.otherRole") }, note: "" };
    if (target && member.pathways.length)
      return {
        row,
        raw,
        colour: "yellow",
        errors,
        note: msg("Imports.server.alreadyOn", { programme: target.programmeName }),
        email: address,
      };
    if (member.status === "INVITED")
      return { row, raw, colour: "yellow", errors, note: msg("Imports.server.alreadyInvited"), email: address };
    if (!target) return { row, raw, colour: "yellow", errors, note: msg("Imports.server.alreadyMember"), email: address };
    return { row, raw, colour: "green", errors, note: msg("Imports.server.willEnrol"), email: address, action: "enrol" };
  });
}
