import type { Role } from "../db/generated/enums";
import { ARCHIVE_REASON_LABELS, ROLE_LABELS } from "../labels";
import { plural, withArticle } from "../words";
import { type AuditAction, isAuditAction } from "./actions";

/**
 * An audit event with the names the organisation may see already resolved (lib/audit/list.ts): the
 * actor's and the target's display names, and a name for every id its before and after mention.
 */
export type NamedAuditEvent = {
  action: string;
  /** The kind of record it was done to ("membership", "unit", "cohort", "organization", ...). */
  targetType: string;
  /** Who did it, as this organisation names them; null when Pathwise itself did. */
  actorName: string | null;
  /** What it was done to, by name (a member, a unit, a programme, ...); null when not known. */
  targetName: string | null;
  before: unknown;
  after: unknown;
  /** Names for the ids in before and after (units, programmes, cohorts, members). */
  names: Record<string, string>;
};

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const count = (v: unknown): number => (typeof v === "number" ? v : 0);
const roleLabel = (v: unknown): string | undefined => (typeof v === "string" && v in ROLE_LABELS ? ROLE_LABELS[v as Role] : undefined);
const possessive = (name: string) => `${name}'s`;

type Sentence = (e: {
  who: string;
  target: string | undefined;
  targetType: string;
  was: Record<string, unknown>;
  now: Record<string, unknown>;
  name: (id: unknown) => string | undefined;
}) => string;

// One sentence per action; names come from the event, values through the same labels as the field list.
// What was created is named as it was then (its recorded name); everything else by its name today.
const SENTENCES: Record<AuditAction, Sentence> = {
  "member.create": ({ who, target, now }) =>
    `${who} added ${target ?? "someone"}${roleLabel(now.role) ? ` as ${withArticle(roleLabel(now.role)!.toLowerCase())}` : ""}`,
  "member.update": ({ who, target }) => `${who} changed ${target ? possessive(target) : "a member's"} details`,
  "member.change_role": ({ who, target, was, now }) =>
    `${who} changed ${target ? possessive(target) : "a member's"} role${roleLabel(was.role) ? ` from ${roleLabel(was.role)}` : ""}${roleLabel(now.role) ? ` to ${roleLabel(now.role)}` : ""}`,
  "member.change_unit": ({ who, target, was, now, name }) => {
    const person = target ?? "a member";
    if (now.unitId) return `${who} moved ${person} to ${name(now.unitId) ? `the unit ${name(now.unitId)}` : "another unit"}`;
    return `${who} took ${person} out of ${name(was.unitId) ? `the unit ${name(was.unitId)}` : "their unit"}`;
  },
  "member.deactivate": ({ who, target }) => `${who} deactivated ${target ?? "a member"}`,
  "member.reactivate": ({ who, target }) => `${who} reactivated ${target ?? "a member"}`,
  "invitation.send": ({ who, target, now }) =>
    `${who} invited ${target ?? "someone"}${roleLabel(now.role) ? ` to join as ${withArticle(roleLabel(now.role)!.toLowerCase())}` : ""}`,
  "invitation.resend": ({ who, target }) => `${who} sent ${target ?? "someone"} a new invitation`,
  "invitation.cancel": ({ who, target }) => `${who} cancelled the invitation of ${target ?? "someone"}`,
  "invitation.accept": ({ who }) => `${who} accepted their invitation and joined`,
  "unit.create": ({ who, target, now, name }) =>
    `${who} created the unit ${text(now.name) ?? target ?? ""}${now.parentId ? ` under ${name(now.parentId) ?? "another unit"}` : ""}`,
  "unit.rename": ({ who, target, was, now }) =>
    `${who} renamed the unit ${text(was.name) ?? target ?? ""} to ${text(now.name) ?? target ?? ""}`,
  "unit.move": ({ who, target, now, name }) =>
    `${who} moved the unit ${target ?? ""} ${now.parentId ? `under ${name(now.parentId) ?? "another unit"}` : "to the top level"}`,
  "unit.archive": ({ who, target, was }) => `${who} archived the unit ${target ?? text(was.name) ?? ""}`,
  "settings.update": ({ who }) => `${who} changed the organisation's settings`,
  "organization.create": ({ who, target, now }) => `${who} created the organisation ${text(now.name) ?? target ?? ""}`,
  "import.confirm": ({ who, target, targetType, now }) =>
    `${who} imported a file${targetType === "cohort" ? ` into the cohort ${target ?? ""}` : " of users"}: ${plural(count(now.invited), "person", "people")} invited, ${count(now.enrolled)} enrolled, ${count(now.skipped)} skipped`,
  "programme.create": ({ who, target, now }) => `${who} created the programme ${text(now.name) ?? target ?? ""}`,
  "programme.update": ({ who, target }) => `${who} changed the programme ${target ?? ""}`,
  "cohort.create": ({ who, target, now, name }) =>
    `${who} created the cohort ${text(now.name) ?? target ?? ""}${name(now.programmeId) ? ` in ${name(now.programmeId)}` : ""}`,
  "cohort.update": ({ who, target }) => `${who} changed the cohort ${target ?? ""}`,
  "pathway.create": ({ who, target, now, name }) =>
    `${who} created ${target ?? "a pathway"}${name(now.coachMembershipId) ? `, coached by ${name(now.coachMembershipId)}` : ""}`,
  "pathway.archive": ({ who, target, now }) =>
    `${who} archived ${target ?? "a pathway"}${typeof now.reason === "string" && now.reason in ARCHIVE_REASON_LABELS ? `: ${ARCHIVE_REASON_LABELS[now.reason as keyof typeof ARCHIVE_REASON_LABELS].toLowerCase()}` : ""}`,
  "pathway.unarchive": ({ who, target }) => `${who} restored ${target ?? "a pathway"}`,
  "coachee.add": ({ who, target, now }) =>
    now.linked === true
      ? `${who} added ${target ?? "a participant"} to their coachees`
      : `${who} added ${target ?? "someone"} as a participant and their coachee`,
  "coaching.request": ({ who, target }) => `${who} asked to coach ${target ?? "a member"}`,
  "coaching.accept": ({ who, now, name }) => `${who} accepted ${name(now.coachMembershipId) ?? "a coach"} as their coach`,
  "coaching.decline": ({ who, now, name }) => `${who} declined coaching from ${name(now.coachMembershipId) ?? "a coach"}`,
  "coaching.withdraw": ({ who, target }) => `${who} withdrew their request to coach ${target ?? "a member"}`,
  "coaching.link": ({ who, target, now, name }) =>
    `${who} made ${name(now.coachMembershipId) ?? "a coach"} the coach of ${target ?? "a participant"}`,
};

/** The audit actions this module can say in words (an action it does not know still gets a plain sentence). */
export const SENTENCE_ACTIONS = Object.keys(SENTENCES);

/** What happened, as one sentence with names: "Adam Admin changed Pat Participant's role from Participant to Coach". */
export function auditSentence(event: NamedAuditEvent): string {
  const who = event.actorName ?? "Pathwise";
  const target = event.targetName ?? undefined;
  const sentence = isAuditAction(event.action) ? SENTENCES[event.action] : undefined;
  if (!sentence) return `${who} made a change${target ? ` to ${target}` : ""}`;
  return sentence({
    who,
    target,
    targetType: event.targetType,
    was: record(event.before),
    now: record(event.after),
    name: (id: unknown) => (typeof id === "string" ? event.names[id] : undefined),
  })
    .replace(/\s+/g, " ")
    .trim();
}

/** The audit log's action filter: areas by name, each matching the actions that start with its prefix. */
export const AUDIT_AREAS: { prefix: string; label: string }[] = [
  { prefix: "member.", label: "Users" },
  { prefix: "invitation.", label: "Invitations" },
  { prefix: "import.", label: "Imports" },
  { prefix: "unit.", label: "Units" },
  { prefix: "programme.", label: "Programmes" },
  { prefix: "cohort.", label: "Cohorts" },
  { prefix: "pathway.", label: "Pathways" },
  { prefix: "settings.", label: "Settings" },
  { prefix: "organization.", label: "Organisation" },
];
