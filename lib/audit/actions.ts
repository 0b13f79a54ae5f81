// Every action the audit log records, named `noun.verb`, with how people read it. Client-safe (no
// imports): the audit log and a user's history render these; recordAudit accepts nothing else.
// Renaming an action means a migration that renames the rows already written (see
// prisma/migrations/*_audit_action_names).

/**
 * Per action: `title` names the event on its own ("Invitation sent", for lists and filters). The
 * sentence an event reads as, with names, is lib/audit/sentence.ts's (one per action, by this type).
 */
export const AUDIT_ACTIONS = {
  "organization.create": { title: "Organisation created" },
  "settings.update": { title: "Settings changed" },
  "member.create": { title: "Account set up" },
  "member.update": { title: "Member edited" },
  "member.change_role": { title: "Role changed" },
  "member.change_unit": { title: "Unit changed" },
  "member.deactivate": { title: "Member deactivated" },
  "member.reactivate": { title: "Member reactivated" },
  "invitation.send": { title: "Invitation sent" },
  "invitation.resend": { title: "Invitation sent again" },
  "invitation.cancel": { title: "Invitation cancelled" },
  // The person accepting is both actor and target.
  "invitation.accept": { title: "Invitation accepted" },
  "unit.create": { title: "Unit created" },
  "unit.rename": { title: "Unit renamed" },
  "unit.move": { title: "Unit moved" },
  "unit.archive": { title: "Unit archived" },
  "programme.create": { title: "Programme created" },
  "programme.update": { title: "Programme edited" },
  "cohort.create": { title: "Cohort created" },
  "cohort.update": { title: "Cohort edited" },
  "pathway.create": { title: "Pathway created" },
  "pathway.archive": { title: "Pathway archived" },
  "pathway.unarchive": { title: "Pathway reopened" },
  "import.confirm": { title: "Import confirmed" },
  // A coach added someone as their coachee (a new participant, or one already here linked to them).
  "coachee.add": { title: "Coachee added" },
  // Coaching someone already here needs their consent (lib/coaching/requests.ts): asked, accepted,
  // declined, withdrawn; or an administrator's direct act.
  "coaching.request": { title: "Coaching requested" },
  "coaching.accept": { title: "Coaching accepted" },
  "coaching.decline": { title: "Coaching declined" },
  "coaching.withdraw": { title: "Coaching request withdrawn" },
  "coaching.link": { title: "Coach assigned" },
} as const satisfies Record<`${string}.${string}`, { title: string }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}
