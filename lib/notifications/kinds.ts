import { profileTabPath } from "../coachees/profile-tabs";
import type { NotificationDelivery } from "../db/generated/enums";

// Client-safe: the kinds of notification, what each carries, who is told, how by default, and where the
// thing lives. lib/notifications/notify.ts writes them; the centre, the emails and the preferences read them.

export const NOTIFICATION_KINDS = [
  "goal.created",
  "goal.edited",
  "action.progress",
  "monitored.updated",
  "milestone.completed",
  "goal.completed",
  "comment.added",
  "action.assigned",
  "action.due",
  "action.overdue",
  "note.shared",
  "file.shared",
  "assessment.assigned",
  "assessment.submitted",
  "assessment.reviewed",
  "coaching.requested",
  "coaching.started",
  "session.scheduled",
  "session.changed",
  "session.cancelled",
  "session.reminder",
  "session.requested",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The bell counts up to this many unread; more reads "99+". */
export const UNREAD_CAP = 100;

export function isNotificationKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}

/** What each kind carries (titles only: never a comment's or a description's words). */
export type NotificationData = {
  "goal.created": { title: string };
  "goal.edited": { title: string };
  "action.progress": { title: string; progress: number };
  /** The coachee changed a goal or action they asked their coaches to monitor; the subject is that thing. */
  "monitored.updated": { on: "goal" | "action"; title: string };
  "milestone.completed": { title: string; goalId: string; goalTitle: string };
  "goal.completed": { title: string };
  /** `thingId`: the goal or action commented on, which is also the subject (a thread's comments coalesce). */
  "comment.added": { on: "goal" | "action" | "note"; thingId: string; title: string };
  "action.assigned": { title: string };
  /** `dueDate`: YYYY-MM-DD. */
  "action.due": { title: string; dueDate: string };
  "action.overdue": { title: string; dueDate: string; monitoredByCoach: boolean };
  /** A coachee shared one of their notes with their coaches. */
  "note.shared": { title: string };
  /** A file shared between the coachee and their coaches: its original name. */
  "file.shared": { title: string };
  /** `dueDate`: YYYY-MM-DD or null. The subject is the assignment. */
  "assessment.assigned": { title: string; dueDate: string | null };
  "assessment.submitted": { title: string };
  "assessment.reviewed": { title: string };
  /** A coach asked to coach the member (the actor); the subject is the request. Nothing of theirs yet. */
  "coaching.requested": Record<string, never>;
  /** The coachee has a new coach (by their acceptance or an administrator's act): the new coach's name; the subject is that coach's membership. */
  "coaching.started": { coach: string };
  /** The subject is the session; `coachMembershipId` its coach, the only coach told. */
  "session.scheduled": { title: string; coachMembershipId: string };
  /** `moved`: its time or length changed (else its title, zone or place). */
  "session.changed": { title: string; coachMembershipId: string; moved: boolean };
  "session.cancelled": { title: string; coachMembershipId: string };
  /** `startsAt`: the start it reminds of, an ISO moment. Told to one person at a time, as they chose. */
  "session.reminder": { title: string; coachMembershipId: string; startsAt: string };
  /** A participant booked a time with a coach who answers each booking first: the coach is asked. */
  "session.requested": { title: string; coachMembershipId: string };
};

export const NOTIFICATION_DELIVERIES = ["IMMEDIATE", "DIGEST", "IN_APP"] as const satisfies readonly NotificationDelivery[];

/**
 * How each kind is delivered until the member chooses otherwise. What a person should act on or would
 * want to celebrate at once comes by email at once (completions, comments, an action given to them, its
 * reminders); the steady stream of a coachee's own work (goals created and edited, progress moved) comes
 * once a day in the digest, so a busy coach is not buried in mail.
 */
export const DEFAULT_DELIVERY: Record<NotificationKind, NotificationDelivery> = {
  "goal.created": "DIGEST",
  "goal.edited": "DIGEST",
  "action.progress": "DIGEST",
  // The coachee asked for eyes on it: their change comes at once.
  "monitored.updated": "IMMEDIATE",
  "milestone.completed": "IMMEDIATE",
  "goal.completed": "IMMEDIATE",
  "comment.added": "IMMEDIATE",
  "action.assigned": "IMMEDIATE",
  "action.due": "IMMEDIATE",
  "action.overdue": "IMMEDIATE",
  "note.shared": "IMMEDIATE",
  "file.shared": "IMMEDIATE",
  "assessment.assigned": "IMMEDIATE",
  "assessment.submitted": "IMMEDIATE",
  "assessment.reviewed": "IMMEDIATE",
  "coaching.requested": "IMMEDIATE",
  "coaching.started": "IMMEDIATE",
  // Every change of a session already comes by email with its calendar invitation (lib/sessions/invitations.ts).
  "session.scheduled": "IN_APP",
  "session.changed": "IN_APP",
  "session.cancelled": "IN_APP",
  // The reminder's own email goes at the time the person chose (lib/sessions/reminders.ts).
  "session.reminder": "IN_APP",
  // The coach should answer soon: the participant waits for it.
  "session.requested": "IMMEDIATE",
};

/**
 * Who among those who may see the thing (the coachee and their coaches) is told: the coachee's own
 * work goes to their coaches, what a coach gives and the reminders go to the coachee, completions and
 * comments to both. An overdue action also goes to the coaches when the coachee asked them to monitor it.
 */
export const AUDIENCE: Record<NotificationKind, { coachee: boolean; coaches: boolean | "when monitored" | "the session's" }> = {
  "goal.created": { coachee: false, coaches: true },
  "goal.edited": { coachee: false, coaches: true },
  "action.progress": { coachee: false, coaches: true },
  "monitored.updated": { coachee: false, coaches: true },
  "milestone.completed": { coachee: true, coaches: true },
  "goal.completed": { coachee: true, coaches: true },
  "comment.added": { coachee: true, coaches: true },
  "action.assigned": { coachee: true, coaches: false },
  "action.due": { coachee: true, coaches: false },
  "action.overdue": { coachee: true, coaches: "when monitored" },
  // Shared material reaches everyone it is shared with but its sharer (notify never tells the actor).
  "note.shared": { coachee: false, coaches: true },
  "file.shared": { coachee: true, coaches: true },
  "assessment.assigned": { coachee: true, coaches: false },
  "assessment.submitted": { coachee: false, coaches: true },
  "assessment.reviewed": { coachee: true, coaches: false },
  // Only the member is asked (the requesting coach is not one of their coaches yet).
  "coaching.requested": { coachee: true, coaches: false },
  // Written before the new coach's relationship starts, so "coaches" are the ones they already had.
  "coaching.started": { coachee: true, coaches: true },
  // A session is between two people: its coachee and its own coach, never the coachee's other coaches.
  "session.scheduled": { coachee: true, coaches: "the session's" },
  "session.changed": { coachee: true, coaches: "the session's" },
  "session.cancelled": { coachee: true, coaches: "the session's" },
  "session.reminder": { coachee: true, coaches: "the session's" },
  "session.requested": { coachee: false, coaches: "the session's" },
};

/** The kinds a coach, and a coachee, can be told about (what their preferences page lists). */
export const COACH_KINDS = NOTIFICATION_KINDS.filter((k) => AUDIENCE[k].coaches !== false);
export const COACHEE_KINDS = NOTIFICATION_KINDS.filter((k) => AUDIENCE[k].coachee);

/**
 * Where the thing a notification is about lives: the profile tab (for a coach) and the coachee's own
 * page of the same name (/<org>/goals, /actions, /notes, /files, /assessments), and the element's id there.
 */
export function placeOf(
  kind: NotificationKind,
  subjectId: string,
  data: Record<string, unknown>,
): {
  tab: "goals" | "actions" | "notes" | "files" | "assessments" | "activity" | "sessions";
  anchor: string;
  goal?: string;
  action?: string;
} {
  switch (kind) {
    case "goal.created":
    case "goal.edited":
    case "goal.completed":
      return { tab: "goals", anchor: `goal-${subjectId}`, goal: subjectId };
    case "milestone.completed":
      return { tab: "goals", anchor: `goal-${String(data.goalId)}`, goal: String(data.goalId) };
    case "monitored.updated":
      return data.on === "goal"
        ? { tab: "goals", anchor: `goal-${subjectId}`, goal: subjectId }
        : { tab: "actions", anchor: `action-${subjectId}` };
    case "comment.added":
      return data.on === "goal"
        ? { tab: "goals", anchor: `goal-${String(data.thingId)}`, goal: String(data.thingId) }
        : data.on === "note"
          ? { tab: "notes", anchor: `note-${String(data.thingId)}` }
          : { tab: "actions", anchor: "comments", action: String(data.thingId) };
    case "action.progress":
    case "action.assigned":
    case "action.due":
    case "action.overdue":
      return { tab: "actions", anchor: `action-${subjectId}` };
    case "note.shared":
      return { tab: "notes", anchor: `note-${subjectId}` };
    case "file.shared":
      return { tab: "files", anchor: `file-${subjectId}` };
    case "assessment.assigned":
    case "assessment.submitted":
    case "assessment.reviewed":
      return { tab: "assessments", anchor: `assessment-${subjectId}` };
    // Both have their own pages (pathOf); a coach reads a new colleague on the coachee's activity.
    case "coaching.requested":
    case "coaching.started":
      return { tab: "activity", anchor: "activity" };
    // A session has its own page, the same for both its people (pathOf).
    case "session.scheduled":
    case "session.changed":
    case "session.cancelled":
    case "session.reminder":
    case "session.requested":
      return { tab: "sessions", anchor: `session-${subjectId}` };
  }
}

/** The participant's page where they accept or decline a coach's request. */
export const coachingRequestsPath = (orgSlug: string) => `/${orgSlug}/coaching-requests`;

/**
 * The path of the thing for this recipient: the coachee's own goals or actions page, or, for a coach,
 * the coachee's profile tab.
 */
export function pathOf(
  orgSlug: string,
  n: {
    kind: NotificationKind;
    subjectId: string;
    data: Record<string, unknown>;
    coacheeMembershipId: string;
    recipientMembershipId: string;
  },
): string {
  const toCoachee = n.recipientMembershipId === n.coacheeMembershipId;
  if (n.kind === "coaching.requested") return `${coachingRequestsPath(orgSlug)}#request-${n.subjectId}`;
  if (n.kind === "coaching.started" && toCoachee) return `/${orgSlug}`;
  if (n.kind === "coaching.started") return profileTabPath(orgSlug, n.coacheeMembershipId, "activity");
  if (n.kind === "session.scheduled" || n.kind === "session.changed" || n.kind === "session.cancelled")
    return `/${orgSlug}/sessions/${n.subjectId}`;
  const { tab, anchor, goal, action } = placeOf(n.kind, n.subjectId, n.data);
  // An action's thread is on the action's own page, the same for the coachee and their coaches; a goal
  // opens on the goals page (only one goal is open at a time).
  if (action) return `/${orgSlug}/goals/actions/${action}#${anchor}`;
  const open = goal ? `goal=${goal}` : "";
  return toCoachee
    ? `/${orgSlug}/${tab}${open ? `?${open}` : ""}#${anchor}`
    : `${profileTabPath(orgSlug, n.coacheeMembershipId, tab)}${open ? `?${open}` : ""}#${anchor}`;
}
