import type {
  ArchiveReason,
  FileVisibility,
  MembershipStatus,
  NoteVisibility,
  NotificationDelivery,
  PathwayStatus,
  Plan,
  RecurrenceFrequency,
  Role,
  SessionStatus,
} from "./db/generated/enums";
import type { AssessmentStatus } from "./assessments/assignments";
import type { CoachFilterCode } from "./assessments/coach-list";
import type { QuestionKind } from "./assessments/questions";
import type { ActionFilterCode, DueState } from "./goals/calendar";
import type { ImplementationAdminDuration } from "./users/implementation-admins";
import type { NotificationKind } from "./notifications/kinds";
import type { NoteShow } from "./notes/notes";
import type { MembershipState } from "./users/membership-state";
import { displayDay } from "./format/dates";
import { plural, withArticle } from "./words";

// Every label a person reads for a stored code (roles, statuses, reasons), in one place that pages,
// client components, services, exports and emails all read, so a label is typed once and reads the
// same everywhere. Client-safe: type imports only, and lib/words (no imports of its own).

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

export const PLAN_LABELS: Record<Plan, string> = { FREE: "Free", TEAM: "Team", ENTERPRISE: "Enterprise" };

/** A membership's stored status. */
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  ACTIVE: "Active",
  INVITED: "Invited",
  NOT_INVITED: "Not invited",
  DEACTIVATED: "Deactivated",
};

/** A membership's state (lib/users/membership-state.ts): the stored status, told apart by whether they ever joined. */
export const MEMBERSHIP_STATE_LABELS: Record<MembershipState, string> = {
  NONE: "Not a member",
  ...MEMBERSHIP_STATUS_LABELS,
  DEACTIVATED_NEVER_JOINED: "Deactivated before joining",
};

/** Where someone's invitation stands (the Users filter, the invitations list). */
export const INVITATION_STATUS_LABELS = { pending: "Pending", accepted: "Accepted", expired: "Expired" } as const;

/** The Users list's "joined in" windows. */
export const JOINED_WINDOW_LABELS = { week: "The last week", month: "The last month", year: "The last year" } as const;

/** How long an implementation admin's access lasts. */
export const DURATION_LABELS: Record<ImplementationAdminDuration, string> = {
  "1": "1 month",
  "2": "2 months",
  "3": "3 months",
  "6": "6 months",
  forever: "No end",
};

/** Pathways counted by outcome (dashboard, programmes, reports and their CSV). */
export const OUTCOME_LABELS = { active: "Active", COMPLETED: "Completed", DNF: "Did not finish", DNS: "Did not start" } as const;

/** Why a pathway ended, as the person archiving it chooses. */
export const ARCHIVE_REASON_LABELS: Record<ArchiveReason, string> = {
  DNF: OUTCOME_LABELS.DNF,
  DNS: OUTCOME_LABELS.DNS,
  COMPLETED: "All sessions complete",
};

export const PATHWAY_STATUS_LABELS: Record<PathwayStatus, string> = { ACTIVE: OUTCOME_LABELS.active, ARCHIVED: "Archived" };

/** "Active", or "Archived: did not finish": a pathway's status with the reason it ended. */
export function pathwayStatusLabel(pathway: { status: PathwayStatus | string; archiveReason: ArchiveReason | null }): string {
  if (pathway.status !== "ARCHIVED") return PATHWAY_STATUS_LABELS.ACTIVE;
  return `${PATHWAY_STATUS_LABELS.ARCHIVED}: ${ARCHIVE_REASON_LABELS[pathway.archiveReason ?? "COMPLETED"].toLowerCase()}`;
}

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  SCHEDULED: "Scheduled",
  ATTENDED: "Attended",
  CANCELLED: "Cancelled",
  NO_SHOW: "No-show",
};

/** An import row by what will happen to it. */
export const IMPORT_COLOUR_LABELS = { green: "Ready", yellow: "Skipped", red: "Needs fixing" } as const;
export type ImportColour = keyof typeof IMPORT_COLOUR_LABELS;

/** How often a recurring action repeats. */
export const RECURRENCE_FREQUENCY_LABELS: Record<RecurrenceFrequency, string> = { DAILY: "Daily", WEEKLY: "Weekly", MONTHLY: "Monthly" };

/** What "every n" counts for each frequency: "every 2 weeks". */
export const RECURRENCE_UNIT_LABELS: Record<RecurrenceFrequency, { one: string; many: string }> = {
  DAILY: { one: "day", many: "days" },
  WEEKLY: { one: "week", many: "weeks" },
  MONTHLY: { one: "month", many: "months" },
};

/** ISO weekdays, 1 (Monday) to 7 (Sunday). */
export const WEEKDAY_LABELS: Record<1 | 2 | 3 | 4 | 5 | 6 | 7, string> = {
  1: "Monday",
  2: "Tuesday",
  3: "Wednesday",
  4: "Thursday",
  5: "Friday",
  6: "Saturday",
  7: "Sunday",
};

/** A series' rule in a sentence: "Every 2 weeks on Monday and Thursday, 6 times", "Daily until Thu 30 Apr 2026". */
export function recurrenceSummary(rule: {
  frequency: RecurrenceFrequency;
  interval: number;
  weekdays: readonly number[];
  count: number | null;
  until: string | null;
}): string {
  const unit = RECURRENCE_UNIT_LABELS[rule.frequency];
  const how = rule.interval === 1 ? RECURRENCE_FREQUENCY_LABELS[rule.frequency] : `Every ${rule.interval} ${unit.many}`;
  const days = rule.weekdays.map((d) => WEEKDAY_LABELS[d as keyof typeof WEEKDAY_LABELS]).filter(Boolean);
  const on =
    rule.frequency === "WEEKLY" && days.length
      ? ` on ${days.length > 1 ? `${days.slice(0, -1).join(", ")} and ${days.at(-1)}` : days[0]}`
      : "";
  const ends = rule.count !== null ? `, ${plural(rule.count, "time")}` : rule.until ? ` until ${displayDay(rule.until)}` : "";
  return `${how}${on}${ends}`;
}

/** The Actions list's filters (lib/goals/list-action-items.ts), by the code the URL carries. */
export const ACTION_FILTER_LABELS: Record<ActionFilterCode, string> = {
  open: "Open",
  week: "Due this week",
  overdue: "Overdue",
  done: "Done",
};

/** How an open action's due date stands, said in words beside its colour (red, amber). */
export const DUE_STATE_LABELS: Record<NonNullable<DueState>, string> = { overdue: ACTION_FILTER_LABELS.overdue, soon: "Due soon" };

/** The coachee's box on a goal or action asking their coach to keep an eye on it, and its badge. */
export const MONITORED_LABEL = "Monitored by my coach";
export const MONITORED_BADGE = "Monitored by coach";

/** What each kind of notification is about, as the preferences page asks it. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  "goal.created": "A coachee creates a goal",
  "goal.edited": "A coachee edits a goal",
  "action.progress": "A coachee moves an action's progress",
  "monitored.updated": "A coachee changes a goal or action they asked you to monitor",
  "milestone.completed": "A milestone is completed",
  "goal.completed": "A goal is completed",
  "comment.added": "Someone comments on a goal, an action or a shared note",
  "action.assigned": "A coach gives you an action",
  "action.due": "An action is due tomorrow",
  "action.overdue": "An action is overdue",
  "note.shared": "A coachee shares a note with you",
  "file.shared": "A file is shared with you",
  "assessment.assigned": "A coach asks you to fill in an assessment",
  "assessment.submitted": "A coachee submits an assessment",
  "assessment.reviewed": "A coach reviews your assessment",
  "coaching.requested": "A coach asks to coach you",
  "coaching.started": "A new coach starts working with a coachee (or with you)",
};

/** How a member is told about a kind of notification. */
export const NOTIFICATION_DELIVERY_LABELS: Record<NotificationDelivery, string> = {
  IMMEDIATE: "Email me at once",
  DIGEST: "In my daily digest email",
  IN_APP: "In the app only",
};

/** Who sees a note or a file besides its author: nobody, or those it is shared with. */
export const VISIBILITY_LABELS: Record<NoteVisibility | FileVisibility, string> = { PRIVATE: "Private", SHARED: "Shared" };

/** A coach's filter of a coachee's notes. */
export const NOTE_SHOW_LABELS: Record<NoteShow, string> = { all: "All notes", mine: "My notes", shared: "Shared by the coachee" };

/** Where an assessment given to a coachee stands. */
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  submitted: "Submitted",
  reviewed: "Reviewed",
};

/** The coach's Assessments page's filter. */
export const ASSESSMENT_FILTER_LABELS: Record<CoachFilterCode, string> = {
  open: "Not reviewed yet",
  todo: "Waiting for the coachee",
  submitted: "Submitted, to review",
  reviewed: "Reviewed",
  all: "All assessments",
};

/** The kinds of question an assessment asks. */
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  scale: "Scale",
  single: "Single choice",
  multiple: "Multiple choice",
  short: "Short text",
  long: "Long text",
};

/** A label table as a select's options, in the table's order. */
export function optionsOf(labels: Readonly<Record<string, string>>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
