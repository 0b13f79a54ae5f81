import { displayDay } from "../format/dates";
import type { NotificationKind } from "./kinds";

// Client-safe: a notification as one sentence, the same in the centre and in emails. Titles only;
// names are the ones the organisation sees (lib/users/person.ts), resolved by the caller.

export type SentenceInput = {
  kind: NotificationKind;
  data: Record<string, unknown>;
  /** How many changes the row stands for (coalesced repeats). */
  count: number;
  /** Who did it; null for the system (reminders). */
  actorName: string | null;
  coacheeName: string;
  /** The recipient is the coachee (else one of their coaches). */
  toCoachee: boolean;
  actorIsCoachee: boolean;
};

const q = (s: unknown) => `“${String(s ?? "")}”`;
// A due day is kept as "2026-12-14" in the row's data (lib/notifications/kinds.ts) and read as "Mon 14 Dec 2026".
const day = (d: unknown) => displayDay(String(d ?? ""));

export function notificationSentence(n: SentenceInput): string {
  const who = n.actorName ?? "Someone";
  // A coach reads whose coaching it is when someone other than the coachee did it.
  const forWhom = !n.toCoachee && !n.actorIsCoachee ? ` for ${n.coacheeName}` : "";
  const whose = n.toCoachee ? "Your action" : `${n.coacheeName}’s action`;
  const times = n.count > 1 ? ` (${n.count} changes)` : "";
  const d = n.data;
  switch (n.kind) {
    case "goal.created":
      return `${who} created the goal ${q(d.title)}${forWhom}`;
    case "goal.edited":
      return `${who} edited the goal ${q(d.title)}${forWhom}${times}`;
    case "action.progress":
      return `${who} moved ${q(d.title)} to ${Number(d.progress)}%${forWhom}${times}`;
    case "monitored.updated":
      return `${who} changed the ${d.on === "goal" ? "goal" : "action"} ${q(d.title)} you monitor${forWhom}${times}`;
    case "milestone.completed":
      return `${who} completed the milestone ${q(d.title)} of the goal ${q(d.goalTitle)}${forWhom}`;
    case "goal.completed":
      return `${who} completed the goal ${q(d.title)}${forWhom}`;
    case "comment.added":
      return `${who} commented on the ${d.on === "goal" ? "goal" : d.on === "note" ? "note" : "action"} ${q(d.title)}${forWhom}${n.count > 1 ? ` (${n.count} comments)` : ""}`;
    case "action.assigned":
      return `${who} gave you the action ${q(d.title)}`;
    case "action.due":
      return `${whose} ${q(d.title)} is due tomorrow (${day(d.dueDate)})`;
    case "action.overdue":
      return `${whose} ${q(d.title)} is overdue (it was due ${day(d.dueDate)})`;
    case "note.shared":
      return `${who} shared the note ${q(d.title)} with you`;
    case "file.shared":
      return `${who} shared the file ${q(d.title)}${n.toCoachee ? " with you" : forWhom}`;
    case "assessment.assigned":
      return `${who} asked you to fill in ${q(d.title)}${d.dueDate ? ` by ${day(d.dueDate)}` : ""}`;
    case "assessment.submitted":
      return `${who} submitted the assessment ${q(d.title)}`;
    case "assessment.reviewed":
      return `${who} reviewed your assessment ${q(d.title)}`;
    case "coaching.requested":
      return `${who} asked to be your coach: accept or decline`;
    case "coaching.started":
      return n.toCoachee
        ? `${who} made ${String(d.coach)} your coach`
        : `${n.coacheeName} now also works with ${String(d.coach)} as their coach`;
  }
}

/** Several things of one kind, by one person, in one coachee's coaching, told to one member (a coalesced email). */
export type SummaryInput = Omit<SentenceInput, "data" | "count"> & {
  /** How many things (rows); a thing's repeats are counted in `changes`. */
  things: number;
  changes: number;
};

/** One line for a group of things ("Carla gave you 8 actions"), listed by notificationThing below it. */
export function notificationSummary(n: SummaryInput): string {
  const who = n.actorName ?? "Someone";
  const forWhom = !n.toCoachee && !n.actorIsCoachee ? ` for ${n.coacheeName}` : "";
  const whose = n.toCoachee ? "your actions" : `${n.coacheeName}’s actions`;
  const k = n.things;
  switch (n.kind) {
    case "goal.created":
      return `${who} created ${k} goals${forWhom}`;
    case "goal.edited":
      return `${who} edited ${k} goals${forWhom}`;
    case "action.progress":
      return `${who} moved ${k} actions${forWhom}`;
    case "milestone.completed":
      return `${who} completed ${k} milestones${forWhom}`;
    case "goal.completed":
      return `${who} completed ${k} goals${forWhom}`;
    case "comment.added":
      return `${who} commented ${n.changes} times${forWhom}`;
    case "action.assigned":
      return `${who} gave you ${k} actions`;
    case "action.due":
      return `${k} of ${whose} are due tomorrow`;
    case "action.overdue":
      return `${k} of ${whose} are overdue`;
    case "note.shared":
      return `${who} shared ${k} notes with you`;
    case "file.shared":
      return `${who} shared ${k} files${n.toCoachee ? " with you" : forWhom}`;
    case "assessment.assigned":
      return `${who} asked you to fill in ${k} assessments`;
    case "assessment.submitted":
      return `${who} submitted ${k} assessments`;
    case "assessment.reviewed":
      return `${who} reviewed ${k} of your assessments`;
    case "monitored.updated":
      return `${who} updated ${k} things you monitor`;
    case "coaching.requested":
      return `${k} coaching requests from ${who}: accept or decline`;
    case "coaching.started":
      return n.toCoachee ? `You have ${k} new coaches` : `${n.coacheeName} now also works with ${k} more coaches`;
  }
}

/** One thing of such a group, by its title (“Run 5k” to 95%, the action “Draft” (3 comments)). */
export function notificationThing(kind: NotificationKind, d: Record<string, unknown>, count: number): string {
  const times = count > 1 ? ` (${count} changes)` : "";
  switch (kind) {
    case "action.progress":
      return `${q(d.title)} to ${Number(d.progress)}%${times}`;
    case "milestone.completed":
      return `${q(d.title)} of the goal ${q(d.goalTitle)}`;
    case "comment.added":
      return `the ${d.on === "goal" ? "goal" : d.on === "note" ? "note" : "action"} ${q(d.title)}${count > 1 ? ` (${count} comments)` : ""}`;
    case "action.due":
    case "action.overdue":
      return `${q(d.title)} (due ${day(d.dueDate)})`;
    case "assessment.assigned":
      return `${q(d.title)}${d.dueDate ? ` by ${day(d.dueDate)}` : ""}`;
    case "coaching.requested":
      return "A coaching request";
    case "coaching.started":
      return String(d.coach);
    default:
      return `${q(d.title)}${times}`;
  }
}
