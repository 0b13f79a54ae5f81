// Client-safe: what can appear in a coachee's activity, and the data each kind carries. The next issues
// add goals, actions, notes, files and assessments here.
export type ActivityData = {
  "invitation.accepted": Record<string, never>;
  "session.scheduled": { title: string; scheduledAt: string; pathwayId?: string | null };
  "session.attended": { title: string; scheduledAt: string; durationMinutes: number; pathwayId?: string | null };
  "session.no_show": { title: string; scheduledAt: string };
  /** `from`: the start it had before. */
  "session.moved": { title: string; scheduledAt: string; from: string };
  "session.cancelled": { title: string; scheduledAt: string };
  "message.sent": { excerpt: string };
  "goal.created": { title: string };
  "goal.completed": { title: string };
  "milestone.completed": { title: string; goalTitle: string };
  "action.completed": { title: string };
};
export type ActivityKind = keyof ActivityData;

export const ACTIVITY_KINDS = [
  "invitation.accepted",
  "session.scheduled",
  "session.attended",
  "session.no_show",
  "session.moved",
  "session.cancelled",
  "message.sent",
  "goal.created",
  "goal.completed",
  "milestone.completed",
  "action.completed",
] as const satisfies readonly ActivityKind[];
