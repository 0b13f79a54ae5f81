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
      return `${whose} ${q(d.title)} is due tomorrow (${String(d.dueDate)})`;
    case "action.overdue":
      return `${whose} ${q(d.title)} is overdue (it was due ${String(d.dueDate)})`;
    case "note.shared":
      return `${who} shared the note ${q(d.title)} with you`;
    case "file.shared":
      return `${who} shared the file ${q(d.title)}${n.toCoachee ? " with you" : forWhom}`;
    case "assessment.assigned":
      return `${who} asked you to fill in ${q(d.title)}${d.dueDate ? ` by ${String(d.dueDate)}` : ""}`;
    case "assessment.submitted":
      return `${who} submitted the assessment ${q(d.title)}`;
    case "assessment.reviewed":
      return `${who} reviewed your assessment ${q(d.title)}`;
  }
}
