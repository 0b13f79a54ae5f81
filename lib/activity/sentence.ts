import { ACTIVITY_KINDS, type ActivityData, type ActivityKind } from "./kinds";

// One sentence per activity kind, with the names the organisation sees (lib/activity/list.ts resolves
// them) and moments on the viewer's clock. Client-safe.

/** An activity row with its people already named, as lib/activity/list.ts gives it. */
export type NamedActivity = {
  kind: string;
  data: unknown;
  /** Who did it, as the organisation names them; null when Pathwise itself did. */
  actorName: string | null;
  /** The coachee it is about. */
  coacheeName: string;
  /** The programme of the pathway a session counts against, when it does and the viewer may know. */
  programmeName?: string | null;
};

const KNOWN: ReadonlySet<string> = new Set(ACTIVITY_KINDS);
const isActivityKind = (kind: string): kind is ActivityKind => KNOWN.has(kind);

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const text = (v: unknown, fallback: string) => (typeof v === "string" && v !== "" ? v : fallback);
const quoted = (v: unknown) => `“${text(v, "a session")}”`;
const named = (v: unknown, fallback: string) => `“${text(v, fallback)}”`;
const minutes = (v: unknown) => (typeof v === "number" && v > 0 ? ` (${v} min)` : "");

type Sentence<K extends ActivityKind> = (e: {
  who: string;
  coachee: string;
  data: Partial<ActivityData[K]>;
  at: (iso: unknown) => string;
  programme: string;
}) => string;

const SENTENCES: { [K in ActivityKind]: Sentence<K> } = {
  "invitation.accepted": ({ coachee }) => `${coachee} accepted their invitation and joined`,
  "session.scheduled": ({ who, coachee, data, at, programme }) =>
    `${who} scheduled ${quoted(data.title)} with ${coachee} for ${at(data.scheduledAt)}${programme}`,
  "session.attended": ({ who, coachee, data, at, programme }) =>
    `${coachee} attended ${quoted(data.title)} of ${at(data.scheduledAt)}${minutes(data.durationMinutes)}${programme}, marked by ${who}`,
  "session.no_show": ({ who, coachee, data, at }) =>
    `${coachee} did not come to ${quoted(data.title)} of ${at(data.scheduledAt)}, marked by ${who}`,
  "message.sent": ({ who, data }) => `${who} sent a message: ${quoted(text(data.excerpt, "…"))}`,
  "goal.created": ({ who, coachee, data }) =>
    who === coachee
      ? `${who} set themselves the goal ${named(data.title, "a goal")}`
      : `${who} set the goal ${named(data.title, "a goal")} for ${coachee}`,
  "goal.completed": ({ coachee, data }) => `${coachee} completed the goal ${named(data.title, "a goal")}`,
  "milestone.completed": ({ coachee, data }) =>
    `${coachee} reached the milestone ${named(data.title, "a milestone")} of ${named(data.goalTitle, "a goal")}`,
  "action.completed": ({ who, data }) => `${who} marked the action ${named(data.title, "an action")} done`,
};

/** What happened, as one sentence: "Pat Participant attended “Kick-off” of Sun 1 Mar 2026, 10:00 (60 min), marked by Carla Coach". */
export function activitySentence(event: NamedActivity, time: (instant: Date) => string): string {
  const who = event.actorName ?? "Pathwise";
  const at = (iso: unknown) => {
    const instant = typeof iso === "string" ? new Date(iso) : null;
    return instant && !Number.isNaN(instant.getTime()) ? time(instant) : "an unknown time";
  };
  if (!isActivityKind(event.kind)) return `${who} made a change for ${event.coacheeName}`;
  const sentence = SENTENCES[event.kind] as Sentence<ActivityKind>;
  return sentence({
    who,
    coachee: event.coacheeName,
    data: record(event.data),
    at,
    programme: event.programmeName ? `, on ${event.programmeName}` : "",
  })
    .replace(/\s+/g, " ")
    .trim();
}
