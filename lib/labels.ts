import type { ArchiveReason, MembershipStatus, PathwayStatus, Role } from "./db/generated/enums";
import { withArticle } from "./words";

// The English labels a few services still put into their sentences. Pages, exports, emails and the
// audit log read the Roles and Labels messages in the reader's language instead (messages/*.json);
// what is left here goes once its last users speak in message keys (lib/i18n/msg.ts).
// Client-safe: type imports only, and lib/words (no imports of its own).

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  IMPLEMENTATION_ADMIN: "Implementation admin",
  PROGRAM_MANAGER: "Programme manager",
  COACH: "Coach",
  SPONSOR: "Sponsor",
  PARTICIPANT: "Participant",
};

/** "an implementation admin", "a coach": a role's label in a sentence. */
export function roleInSentence(role: Role): string {
  return withArticle(ROLE_LABELS[role].toLowerCase());
}

/** A membership's stored status. */
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  ACTIVE: "Active",
  INVITED: "Invited",
  NOT_INVITED: "Not invited",
  DEACTIVATED: "Deactivated",
};

/** Pathways counted by outcome. */
const OUTCOME_LABELS = { active: "Active", DNF: "Did not finish", DNS: "Did not start" } as const;

/** Why a pathway ended, as the person archiving it chooses. */
export const ARCHIVE_REASON_LABELS: Record<ArchiveReason, string> = {
  DNF: OUTCOME_LABELS.DNF,
  DNS: OUTCOME_LABELS.DNS,
  COMPLETED: "All sessions complete",
};

const PATHWAY_STATUS_LABELS: Record<PathwayStatus, string> = { ACTIVE: OUTCOME_LABELS.active, ARCHIVED: "Archived" };

/** "Active", or "Archived: did not finish": a pathway's status with the reason it ended. */
export function pathwayStatusLabel(pathway: { status: PathwayStatus | string; archiveReason: ArchiveReason | null }): string {
  if (pathway.status !== "ARCHIVED") return PATHWAY_STATUS_LABELS.ACTIVE;
  return `${PATHWAY_STATUS_LABELS.ARCHIVED}: ${ARCHIVE_REASON_LABELS[pathway.archiveReason ?? "COMPLETED"].toLowerCase()}`;
}

/** An import row by what will happen to it (its label is the Labels.importColour message). */
export type ImportColour = "green" | "yellow" | "red";
