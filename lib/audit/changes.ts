import { ROLE_LABELS } from "../authz/permissions";
import { ARCHIVE_REASON_LABELS } from "../pathways/pathways";

/** One field of an audit event, as people read it: "Role: Coach → Admin". */
export type FieldChange = { field: string; label: string; before?: string; after?: string };

// Fields whose label cannot come from their name; the rest do ("firstName" → "First name").
const LABELS: Record<string, string> = {
  timezone: "Time zone",
  expiresAt: "Access ends",
  unitId: "Unit",
  parentId: "Parent unit",
  programmeIds: "Programmes",
  programmeId: "Programme",
  membershipId: "Member",
  coachMembershipId: "Coach",
  cohortId: "Cohort",
  invitationId: "Invitation",
  importId: "Import",
  credited: "Sessions credited back",
  reversed: "Credits reversed",
};

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

const STATUS: Record<string, string> = { ACTIVE: "Active", INVITED: "Invited", NOT_INVITED: "Not invited", DEACTIVATED: "Deactivated" };

/** "firstName" → "First name", "sessionsIncluded" → "Sessions included". */
function labelFor(field: string): string {
  if (LABELS[field]) return LABELS[field];
  const words = field.replace(/Ids?$/, "").replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MIDNIGHT = /T00:00(:00(\.000)?)?Z$/;

function show(field: string, value: unknown, names?: Record<string, string>): string {
  if (value === null || value === undefined || value === "") return "none";
  if (Array.isArray(value)) return value.length ? value.map((v) => show(field, v, names)).join(", ") : "none";
  if (names && field in ID_FIELDS) return typeof value === "string" && names[value] ? names[value] : "unknown";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") {
    if (field === "role" && value in ROLE_LABELS) return ROLE_LABELS[value as keyof typeof ROLE_LABELS];
    if (field === "status" && value in STATUS) return STATUS[value];
    if (field === "reason" && value in ARCHIVE_REASON_LABELS) return ARCHIVE_REASON_LABELS[value as keyof typeof ARCHIVE_REASON_LABELS];
    // A day (a cohort's start) is stored as its UTC midnight: it reads as the day alone.
    if (ISO_TIME.test(value) && field.endsWith("Date") && MIDNIGHT.test(value)) return value.slice(0, 10);
    if (ISO_TIME.test(value)) return `${value.slice(0, 16).replace("T", " ")} UTC`;
    return value;
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * An audit event's before and after as a list of labelled field changes, in the order the fields were
 * recorded; a field the same on both sides is left out. Values are shown as text, never raw JSON; ids
 * are shown by the names in `names` (lib/audit/list.ts resolves them), bookkeeping ids not at all.
 */
export function describeChanges(before: unknown, after: unknown, names?: Record<string, string>): FieldChange[] {
  const was = asRecord(before);
  const now = asRecord(after);
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return fields
    .filter((f) => !HIDDEN.has(f) && JSON.stringify(was[f]) !== JSON.stringify(now[f]))
    .map((field) => ({
      field,
      label: labelFor(field),
      ...(field in was ? { before: show(field, was[field], names) } : {}),
      ...(field in now ? { after: show(field, now[field], names) } : {}),
    }));
}
