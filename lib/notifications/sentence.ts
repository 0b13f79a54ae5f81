import { displayDay } from "../format/dates";
import type { Reader } from "../i18n/translator";
import type { NotificationKind } from "./kinds";

// Client-safe: a notification as one sentence, the same in the centre and in emails, in the reader's
// language (messages' Notifications namespace). Titles only; names are the ones the organisation sees
// (lib/users/person.ts), resolved by the caller.

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

// The messages' keys are the kinds in camelCase ("goal.created" -> goalCreated): a key has no dots.
type KindKey = {
  [K in NotificationKind]: K extends `${infer A}.${infer B}` ? `${A}${Capitalize<B>}` : never;
}[NotificationKind];
const keyOf = (kind: NotificationKind) => kind.replace(/\.(\w)/, (_, c: string) => c.toUpperCase()) as KindKey;

const text = (s: unknown) => String(s ?? "");
// A due day is kept as "2026-12-14" in the row's data (lib/notifications/kinds.ts) and read as "Mon 14 Dec 2026".
const day = (d: unknown, locale: string) => displayDay(text(d), "–", locale);

/**
 * Whose coaching it is, as the recipient reads it: "you" (the coachee), "coachee" (a coach, told whose
 * coaching when someone other than the coachee did it), else "none".
 */
function scopeOf(n: Pick<SentenceInput, "toCoachee" | "actorIsCoachee">) {
  return n.toCoachee ? "you" : n.actorIsCoachee ? "none" : "coachee";
}

function people({ t }: Reader, n: Omit<SentenceInput, "kind" | "data" | "count">) {
  return { who: n.actorName ?? t("Notifications.someone"), coachee: n.coacheeName, scope: scopeOf(n) };
}

/** A thing's title; a note may have none yet, and is then named in the reader's language. */
const titleOf = ({ t }: Reader, d: Record<string, unknown>) => text(d.title) || t("Notifications.untitledNote");

export function notificationSentence(reader: Reader, n: SentenceInput): string {
  const d = n.data;
  return reader.t(`Notifications.sentence.${keyOf(n.kind)}`, {
    ...people(reader, n),
    count: n.count,
    title: titleOf(reader, d),
    goalTitle: text(d.goalTitle),
    progress: Number(d.progress ?? 0),
    on: text(d.on),
    coach: text(d.coach),
    day: day(d.dueDate, reader.locale),
    due: d.dueDate ? day(d.dueDate, reader.locale) : "none",
    moved: d.moved === true ? "yes" : "no",
  });
}

/** Several things of one kind, by one person, in one coachee's coaching, told to one member (a coalesced email). */
export type SummaryInput = Omit<SentenceInput, "data" | "count"> & {
  /** How many things (rows); a thing's repeats are counted in `changes`. */
  things: number;
  changes: number;
};

/** One line for a group of things ("Carla gave you 8 actions"), listed by notificationThing below it. */
export function notificationSummary(reader: Reader, n: SummaryInput): string {
  return reader.t(`Notifications.summary.${keyOf(n.kind)}`, { ...people(reader, n), things: n.things, changes: n.changes });
}

/** One thing of such a group, by its title (“Run 5k” to 95%, the action “Draft” (3 comments)). */
export function notificationThing(reader: Reader, kind: NotificationKind, d: Record<string, unknown>, count: number): string {
  const { t, locale } = reader;
  const title = titleOf(reader, d);
  switch (kind) {
    case "action.progress":
      return t("Notifications.thing.actionProgress", { title, progress: Number(d.progress ?? 0), count });
    case "milestone.completed":
      return t("Notifications.thing.milestoneCompleted", { title, goalTitle: text(d.goalTitle) });
    case "comment.added":
      return t("Notifications.thing.commentAdded", { title, on: text(d.on), count });
    case "action.due":
    case "action.overdue":
      return t("Notifications.thing.due", { title, day: day(d.dueDate, locale) });
    case "assessment.assigned":
      return t("Notifications.thing.assessmentAssigned", { title, due: d.dueDate ? day(d.dueDate, locale) : "none" });
    case "coaching.requested":
      return t("Notifications.thing.coachingRequested");
    case "coaching.started":
      return text(d.coach);
    default:
      return t("Notifications.thing.other", { title, count });
  }
}
