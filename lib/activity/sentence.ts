import type { Translator } from "../i18n/translator";
import { ACTIVITY_KINDS, type ActivityData, type ActivityKind } from "./kinds";

// One sentence per activity kind, in the reader's language (messages' Activity.server), with the names the organisation sees (lib/activity/list.ts resolves
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
const minutes = (v: unknown) => (typeof v === "number" && v > 0 ? v : 0);

/** The reader's words (next-intl's translator with no namespace: a page's, or lib/i18n/translator.ts'). */
type Words = Translator;

type Sentence<K extends ActivityKind> = (e: {
  t: Words;
  who: string;
  coachee: string;
  data: Partial<ActivityData[K]>;
  at: (iso: unknown) => string;
  programme: { onProgramme: "yes" | "no"; programme: string };
}) => string;

const SENTENCES: { [K in ActivityKind]: Sentence<K> } = {
  "invitation.accepted": ({ t, coachee }) => t("Activity.server.invitationAccepted", { coachee }),
  "session.scheduled": ({ t, who, coachee, data, at, programme }) =>
    t("Activity.server.sessionScheduled", {
      who,
      coachee,
      title: text(data.title, t("Activity.server.aSession")),
      at: at(data.scheduledAt),
      ...programme,
    }),
  "session.attended": ({ t, who, coachee, data, at, programme }) =>
    t("Activity.server.sessionAttended", {
      who,
      coachee,
      title: text(data.title, t("Activity.server.aSession")),
      at: at(data.scheduledAt),
      minutes: minutes(data.durationMinutes),
      ...programme,
    }),
  "session.no_show": ({ t, who, coachee, data, at }) =>
    t("Activity.server.sessionNoShow", { who, coachee, title: text(data.title, t("Activity.server.aSession")), at: at(data.scheduledAt) }),
  "session.moved": ({ t, who, coachee, data, at }) =>
    t("Activity.server.sessionMoved", {
      who,
      coachee,
      title: text(data.title, t("Activity.server.aSession")),
      from: at(data.from),
      at: at(data.scheduledAt),
    }),
  "session.cancelled": ({ t, who, coachee, data, at }) =>
    t("Activity.server.sessionCancelled", {
      who,
      coachee,
      title: text(data.title, t("Activity.server.aSession")),
      at: at(data.scheduledAt),
    }),
  "message.sent": ({ t, who, data }) => t("Activity.server.messageSent", { who, excerpt: text(data.excerpt, "…") }),
  "goal.created": ({ t, who, coachee, data }) =>
    t("Activity.server.goalCreated", {
      self: who === coachee ? "yes" : "no",
      who,
      coachee,
      title: text(data.title, t("Activity.server.aGoal")),
    }),
  "goal.completed": ({ t, coachee, data }) =>
    t("Activity.server.goalCompleted", { coachee, title: text(data.title, t("Activity.server.aGoal")) }),
  "milestone.completed": ({ t, coachee, data }) =>
    t("Activity.server.milestoneCompleted", {
      coachee,
      title: text(data.title, t("Activity.server.aMilestone")),
      goalTitle: text(data.goalTitle, t("Activity.server.aGoal")),
    }),
  "action.completed": ({ t, who, data }) =>
    t("Activity.server.actionCompleted", { who, title: text(data.title, t("Activity.server.anAction")) }),
};

/**
 * What happened, as one sentence in the reader's words: "Pat Participant attended “Kick-off” of Sun 1 Mar
 * 2026, 10:00 (60 min), marked by Carla Coach".
 */
export function activitySentence(event: NamedActivity, time: (instant: Date) => string, t: Words): string {
  const who = event.actorName ?? "Pathwise";
  const at = (iso: unknown) => {
    const instant = typeof iso === "string" ? new Date(iso) : null;
    return instant && !Number.isNaN(instant.getTime()) ? time(instant) : t("Activity.server.unknownTime");
  };
  if (!isActivityKind(event.kind)) return t("Activity.server.changed", { who, coachee: event.coacheeName });
  const sentence = SENTENCES[event.kind] as Sentence<ActivityKind>;
  return sentence({
    t,
    who,
    coachee: event.coacheeName,
    data: record(event.data),
    at,
    programme: event.programmeName ? { onProgramme: "yes", programme: event.programmeName } : { onProgramme: "no", programme: "" },
  })
    .replace(/\s+/g, " ")
    .trim();
}
