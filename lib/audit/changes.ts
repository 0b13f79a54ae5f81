import { displayDay, displayTime, FALLBACK_ZONE, zoneName } from "../format/dates";
import { formatBytes } from "../files/limits";
import { ArchiveReason, MembershipStatus, Role } from "../db/generated/enums";
import type { Messages } from "../i18n/messages";
import type { Reader } from "../i18n/translator";

/** One field of an audit event, as people read it: "Role: Coach → Admin". */
export type FieldChange = { field: string; label: string; before?: string; after?: string };

// Fields with a label in the messages (Audit.field); any other is named from its name ("fooBar" → "Foo bar").
type FieldKey = keyof Messages["Audit"]["field"];
// Fields that name another record by id, and which kind: shown by that record's name (resolved by
// lib/audit/list.ts), never as the id.
export const ID_FIELDS: Record<string, "member" | "unit" | "programme" | "cohort"> = {
  unitId: "unit",
  parentId: "unit",
  programmeId: "programme",
  programmeIds: "programme",
  membershipId: "member",
  coachMembershipId: "member",
  cohortId: "cohort",
};
// Bookkeeping that means nothing to a reader (the import's and invitation's own ids, a file's hash).
const HIDDEN = new Set(["invitationId", "importId", "fileHash"]);

/** "firstName" → "First name", "sessionsIncluded" → "Sessions included", in the reader's language. */
function labelFor({ t }: Reader, field: string): string {
  if (t.has(`Audit.field.${field as FieldKey}`)) return t(`Audit.field.${field as FieldKey}`);
  const words = field
    .replace(/Ids?$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

// Calendar days stored as a DATE (a cohort's dates): the same day everywhere, so never shifted into a zone.
const DAY_FIELDS = new Set(["startDate", "endDate"]);

/** A recorded moment in the viewer's zone, with the zone's name at that moment: "Wed 1 Apr 2026, 11:30 CEST". */
function showTime(field: string, value: string, timeZone: string, locale: string): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  if (DAY_FIELDS.has(field)) return displayDay(at, "–", locale);
  return `${displayTime(at, timeZone, locale)} ${zoneName(at, timeZone)}`;
}

function show(reader: Reader, field: string, value: unknown, timeZone: string, names?: Record<string, string>): string {
  const { t } = reader;
  if (value === null || value === undefined || value === "") return t("Audit.value.none");
  if (Array.isArray(value))
    return value.length ? value.map((v) => show(reader, field, v, timeZone, names)).join(", ") : t("Audit.value.none");
  if (names && field in ID_FIELDS) return typeof value === "string" && names[value] ? names[value] : t("Audit.value.unknown");
  if (typeof value === "boolean") return value ? t("Audit.value.yes") : t("Audit.value.no");
  if (field === "storageQuotaBytes" && typeof value === "number") return formatBytes(value);
  if (typeof value === "string") {
    if (field === "role" && Object.hasOwn(Role, value)) return t(`Roles.${value as Role}`);
    if (field === "status" && Object.hasOwn(MembershipStatus, value)) return t(`Labels.membershipState.${value as MembershipStatus}`);
    if (field === "reason" && Object.hasOwn(ArchiveReason, value)) return t(`Labels.archiveReason.${value as ArchiveReason}`);
    if (ISO_TIME.test(value)) return showTime(field, value, timeZone, reader.locale);
    return value;
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * An audit event's before and after as a list of labelled field changes in the reader's language, in the order the fields were
 * recorded; a field the same on both sides is left out. Values are shown as text, never raw JSON;
 * moments in `timeZone`, the viewer's (lib/format/dates.ts); ids by the names in `names`
 * (lib/audit/list.ts resolves them), bookkeeping ids not at all.
 */
export function describeChanges(
  reader: Reader,
  before: unknown,
  after: unknown,
  timeZone: string = FALLBACK_ZONE,
  names?: Record<string, string>,
): FieldChange[] {
  const was = asRecord(before);
  const now = asRecord(after);
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return fields
    .filter((f) => !HIDDEN.has(f) && JSON.stringify(was[f]) !== JSON.stringify(now[f]))
    .map((field) => ({
      field,
      label: labelFor(reader, field),
      ...(field in was ? { before: show(reader, field, was[field], timeZone, names) } : {}),
      ...(field in now ? { after: show(reader, field, now[field], timeZone, names) } : {}),
    }));
}
