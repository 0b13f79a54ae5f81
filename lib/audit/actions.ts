// Every action the audit log records, named `noun.verb`, with how people read it. Client-safe (no
// imports but lib/i18n/msg): the audit log and a user's history render these; recordAudit accepts nothing else.
// Renaming an action means a migration that renames the rows already written (see
// prisma/migrations/*_audit_action_names).

import { msg } from "../i18n/msg";

/**
 * Per action: `title` names the event on its own ("Invitation sent", for lists and filters), as a
 * message (lib/i18n/msg.ts) to put in the reader's words. The sentence an event reads as, with names, is lib/audit/sentence.ts's (one per action, by this type).
 */
export const AUDIT_ACTIONS = {
  "organization.create": { title: msg("Audit.actionTitle.organizationCreate") },
  "settings.update": { title: msg("Audit.actionTitle.settingsUpdate") },
  "member.create": { title: msg("Audit.actionTitle.memberCreate") },
  "member.update": { title: msg("Audit.actionTitle.memberUpdate") },
  "member.change_role": { title: msg("Audit.actionTitle.memberChangeRole") },
  "member.change_unit": { title: msg("Audit.actionTitle.memberChangeUnit") },
  "member.deactivate": { title: msg("Audit.actionTitle.memberDeactivate") },
  "member.reactivate": { title: msg("Audit.actionTitle.memberReactivate") },
  "invitation.send": { title: msg("Audit.actionTitle.invitationSend") },
  "invitation.resend": { title: msg("Audit.actionTitle.invitationResend") },
  "invitation.cancel": { title: msg("Audit.actionTitle.invitationCancel") },
  // The person accepting is both actor and target.
  "invitation.accept": { title: msg("Audit.actionTitle.invitationAccept") },
  "unit.create": { title: msg("Audit.actionTitle.unitCreate") },
  "unit.rename": { title: msg("Audit.actionTitle.unitRename") },
  "unit.move": { title: msg("Audit.actionTitle.unitMove") },
  "unit.archive": { title: msg("Audit.actionTitle.unitArchive") },
  "programme.create": { title: msg("Audit.actionTitle.programmeCreate") },
  "programme.update": { title: msg("Audit.actionTitle.programmeUpdate") },
  "cohort.create": { title: msg("Audit.actionTitle.cohortCreate") },
  "cohort.update": { title: msg("Audit.actionTitle.cohortUpdate") },
  "pathway.create": { title: msg("Audit.actionTitle.pathwayCreate") },
  "pathway.archive": { title: msg("Audit.actionTitle.pathwayArchive") },
  "pathway.unarchive": { title: msg("Audit.actionTitle.pathwayUnarchive") },
  "import.confirm": { title: msg("Audit.actionTitle.importConfirm") },
  // A coach added someone as their coachee (a new participant, or one already here linked to them).
  "coachee.add": { title: msg("Audit.actionTitle.coacheeAdd") },
  // Coaching someone already here needs their consent (lib/coaching/requests.ts): asked, accepted,
  // declined, withdrawn; or an administrator's direct act.
  "coaching.request": { title: msg("Audit.actionTitle.coachingRequest") },
  "coaching.accept": { title: msg("Audit.actionTitle.coachingAccept") },
  "coaching.decline": { title: msg("Audit.actionTitle.coachingDecline") },
  "coaching.withdraw": { title: msg("Audit.actionTitle.coachingWithdraw") },
  "coaching.link": { title: msg("Audit.actionTitle.coachingLink") },
} as const satisfies Record<`${string}.${string}`, { title: string }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}
