import { ArchiveReason, Role } from "../db/generated/enums";
import type { Messages } from "../i18n/messages";
import type { Reader } from "../i18n/translator";
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
const roleOf = (v: unknown): Role | undefined => (typeof v === "string" && Object.hasOwn(Role, v) ? (v as Role) : undefined);

type Event = {
  who: string;
  target: string | undefined;
  targetType: string;
  was: Record<string, unknown>;
  now: Record<string, unknown>;
  name: (id: unknown) => string | undefined;
};
type SentenceKey = keyof Messages["Audit"]["sentence"];
type Sentence = (e: Event, reader: Reader) => [SentenceKey, Record<string, string | number>];

// A record another one names by id: "named" with its name, "unknown" when the id names nothing we know, "none" without an id.
const named = (key: string, id: unknown, name: Event["name"]) => ({
  [key]: id ? (name(id) ? "named" : "unknown") : "none",
  [`${key}Name`]: name(id) ?? "",
});
// A role in a sentence ("as an implementation admin") and as a label ("from Participant to Coach").
const roleA = (role: Role | undefined, { t }: Reader) => ({ role: role ?? "none", roleA: role ? t(`RolesInSentence.${role}`) : "" });
const roleName = (role: Role | undefined, { t }: Reader) => (role ? t(`Roles.${role}`) : "");

// One sentence per action (messages' Audit.sentence); names come from the event, values through the same labels as the field list.
// What was created is named as it was then (its recorded name); everything else by its name today.
const SENTENCES: Record<AuditAction, Sentence> = {
  "member.create": ({ now }, r) => ["memberCreate", roleA(roleOf(now.role), r)],
  "member.update": () => ["memberUpdate", {}],
  "member.change_role": ({ was, now }, r) => [
    "memberChangeRole",
    {
      from: roleOf(was.role) ?? "none",
      fromRole: roleName(roleOf(was.role), r),
      to: roleOf(now.role) ?? "none",
      toRole: roleName(roleOf(now.role), r),
    },
  ],
  "member.change_unit": ({ was, now, name }) =>
    now.unitId ? ["memberChangeUnitTo", named("unit", now.unitId, name)] : ["memberChangeUnitOut", named("unit", was.unitId, name)],
  "member.deactivate": () => ["memberDeactivate", {}],
  "member.reactivate": () => ["memberReactivate", {}],
  "invitation.send": ({ now }, r) => ["invitationSend", roleA(roleOf(now.role), r)],
  "invitation.resend": () => ["invitationResend", {}],
  "invitation.cancel": () => ["invitationCancel", {}],
  "invitation.accept": () => ["invitationAccept", {}],
  "unit.create": ({ target, now, name }) => [
    "unitCreate",
    { name: text(now.name) ?? target ?? "", ...named("parent", now.parentId, name) },
  ],
  "unit.rename": ({ target, was, now }) => ["unitRename", { from: text(was.name) ?? target ?? "", to: text(now.name) ?? target ?? "" }],
  "unit.move": ({ now, name }) => ["unitMove", named("parent", now.parentId, name)],
  "unit.archive": ({ target, was }) => ["unitArchive", { name: target ?? text(was.name) ?? "" }],
  "settings.update": () => ["settingsUpdate", {}],
  "organization.create": ({ target, now }) => ["organizationCreate", { name: text(now.name) ?? target ?? "" }],
  "import.confirm": ({ targetType, now }) => [
    "importConfirm",
    {
      cohort: targetType === "cohort" ? "yes" : "no",
      invited: count(now.invited),
      enrolled: count(now.enrolled),
      skipped: count(now.skipped),
    },
  ],
  "programme.create": ({ target, now }) => ["programmeCreate", { name: text(now.name) ?? target ?? "" }],
  "programme.update": () => ["programmeUpdate", {}],
  "cohort.create": ({ target, now, name }) => [
    "cohortCreate",
    { name: text(now.name) ?? target ?? "", ...named("programme", name(now.programmeId) ? now.programmeId : null, name) },
  ],
  "cohort.update": () => ["cohortUpdate", {}],
  "pathway.create": ({ now, name }) => ["pathwayCreate", named("coach", now.coachMembershipId, name)],
  "pathway.archive": ({ now }) => [
    "pathwayArchive",
    { reason: typeof now.reason === "string" && Object.hasOwn(ArchiveReason, now.reason) ? now.reason : "none" },
  ],
  "pathway.unarchive": () => ["pathwayUnarchive", {}],
  "coachee.add": ({ now }) => [now.linked === true ? "coacheeAddLinked" : "coacheeAddNew", {}],
  "coaching.request": () => ["coachingRequest", {}],
  "coaching.accept": ({ now, name }) => ["coachingAccept", named("coach", now.coachMembershipId, name)],
  "coaching.decline": ({ now, name }) => ["coachingDecline", named("coach", now.coachMembershipId, name)],
  "coaching.withdraw": () => ["coachingWithdraw", {}],
  "coaching.link": ({ now, name }) => ["coachingLink", named("coach", now.coachMembershipId, name)],
};

/** The audit actions this module can say in words (an action it does not know still gets a plain sentence). */
export const SENTENCE_ACTIONS = Object.keys(SENTENCES);

/** What happened, as one sentence with names, in the reader's language: "Adam Admin changed Pat Participant's role from Participant to Coach". */
export function auditSentence(reader: Reader, event: NamedAuditEvent): string {
  const who = event.actorName ?? "Pathwise";
  const target = event.targetName ?? undefined;
  const people = { who, target: target ?? "", known: target ? "yes" : "no" };
  const sentence = isAuditAction(event.action) ? SENTENCES[event.action] : undefined;
  const [key, values] = sentence
    ? sentence(
        {
          who,
          target,
          targetType: event.targetType,
          was: record(event.before),
          now: record(event.after),
          name: (id: unknown) => (typeof id === "string" ? event.names[id] : undefined),
        },
        reader,
      )
    : (["other", {}] as const);
  return reader
    .t(`Audit.sentence.${key}`, { ...people, ...values })
    .replace(/\s+/g, " ")
    .trim();
}

/** The audit log's action filter: areas by name, each matching the actions that start with its prefix. */
export const AUDIT_AREAS = [
  "member",
  "invitation",
  "import",
  "unit",
  "programme",
  "cohort",
  "pathway",
  "settings",
  "organization",
] as const satisfies (keyof Messages["Audit"]["area"])[];
