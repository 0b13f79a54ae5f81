// Every action the audit log records, named `noun.verb`, with how people read it. Client-safe (no
// imports): the audit log and a user's history render these; recordAudit accepts nothing else.
// Renaming an action means a migration that renames the rows already written (see
// prisma/migrations/*_audit_action_names).

/**
 * Per action: `title` names the event on its own ("Invitation sent", for lists and filters);
 * `sentence` follows the actor's name, with `{target}` where the target's name goes ("Adam Admin sent
 * an invitation to Pat Participant").
 */
export const AUDIT_ACTIONS = {
  "organization.create": { title: "Organisation created", sentence: "created the organisation {target}" },
  "settings.update": { title: "Settings changed", sentence: "changed the settings of {target}" },
  "member.create": { title: "Account set up", sentence: "set up an account for {target}" },
  "member.update": { title: "Member edited", sentence: "edited the details of {target}" },
  "member.change_role": { title: "Role changed", sentence: "changed the role of {target}" },
  "member.change_unit": { title: "Unit changed", sentence: "changed the unit of {target}" },
  "member.deactivate": { title: "Member deactivated", sentence: "deactivated {target}" },
  "member.reactivate": { title: "Member reactivated", sentence: "reactivated {target}" },
  "invitation.send": { title: "Invitation sent", sentence: "sent an invitation to {target}" },
  "invitation.resend": { title: "Invitation sent again", sentence: "sent the invitation again to {target}" },
  "invitation.cancel": { title: "Invitation cancelled", sentence: "cancelled the invitation of {target}" },
  // The person accepting is both actor and target.
  "invitation.accept": { title: "Invitation accepted", sentence: "accepted the invitation and joined" },
  "unit.create": { title: "Unit created", sentence: "created the unit {target}" },
  "unit.rename": { title: "Unit renamed", sentence: "renamed the unit {target}" },
  "unit.move": { title: "Unit moved", sentence: "moved the unit {target}" },
  "unit.archive": { title: "Unit archived", sentence: "archived the unit {target}" },
  "programme.create": { title: "Programme created", sentence: "created the programme {target}" },
  "programme.update": { title: "Programme edited", sentence: "edited the programme {target}" },
  "cohort.create": { title: "Cohort created", sentence: "created the cohort {target}" },
  "cohort.update": { title: "Cohort edited", sentence: "edited the cohort {target}" },
  "pathway.create": { title: "Pathway created", sentence: "created a pathway for {target}" },
  "pathway.archive": { title: "Pathway archived", sentence: "archived the pathway of {target}" },
  "pathway.unarchive": { title: "Pathway reopened", sentence: "reopened the pathway of {target}" },
  "import.confirm": { title: "Import confirmed", sentence: "imported people into {target}" },
} as const satisfies Record<`${string}.${string}`, { title: string; sentence: string }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** The event's title; a name this code no longer knows (none should remain) is shown as it is. */
export function auditActionTitle(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action].title : action;
}

/** What the actor did, as the rest of a sentence after their name, with the target's name filled in. */
export function auditSentence(action: string, target: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action].sentence.replace("{target}", target) : `${action} ${target}`.trim();
}
