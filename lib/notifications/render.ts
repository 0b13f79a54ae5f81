import type { TenantTx } from "../db/tenant";
import { env } from "../env";
import { localeOfMember } from "../i18n/member-locale";
import { readerFor, type Reader } from "../i18n/translator";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { isNotificationKind, pathOf, type NotificationKind } from "./kinds";
import { notificationSentence, notificationSummary, notificationThing } from "./sentence";

// Notifications as people read them: the sentence with names resolved, and the links an email carries
// (always built from APP_URL, never from a request's Host).

export type NotificationRow = {
  id: string;
  kind: string;
  recipientMembershipId: string;
  actorMembershipId: string | null;
  coacheeMembershipId: string;
  subjectId: string;
  data: unknown;
  count: number;
};

/** The member's language and its messages, for what they read (the centre, their emails). */
export async function readerOfMember(tx: TenantTx, membershipId: string): Promise<Reader> {
  return readerFor(await localeOfMember(tx, membershipId));
}

/** The names the organisation sees for these memberships (deactivated members included: they did it). */
export async function namesOf(tx: TenantTx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await tx.membership.findMany({ where: { id: { in: wanted } }, select: { id: true, ...PERSON } });
  return new Map(rows.map((m) => [m.id, displayName(seen(m).user)]));
}

export const dataOf = (n: { data: unknown }) => (n.data && typeof n.data === "object" ? (n.data as Record<string, unknown>) : {});

/** Who did it and for whom, as the row's recipient reads it. */
function people({ t }: Reader, n: NotificationRow, names: Map<string, string>) {
  return {
    actorName: n.actorMembershipId ? (names.get(n.actorMembershipId) ?? null) : null,
    coacheeName: names.get(n.coacheeMembershipId) ?? t("Notifications.yourCoachee"),
    toCoachee: n.recipientMembershipId === n.coacheeMembershipId,
    actorIsCoachee: n.actorMembershipId === n.coacheeMembershipId,
  };
}

/** The row's sentence for its recipient, in their language; a kind this version does not know reads as a plain update. */
export function sentenceOf(reader: Reader, n: NotificationRow, names: Map<string, string>): string {
  if (!isNotificationKind(n.kind)) return reader.t("Notifications.somethingChanged");
  return notificationSentence(reader, { kind: n.kind, data: dataOf(n), count: n.count, ...people(reader, n, names) });
}

export type SummaryLine = { sentence: string; url: string; things: { text: string; url: string }[] };

/**
 * One member's notifications as the lines of one email, in the order they first happened: one line per
 * person, kind and coachee, counted ("Carla gave you 8 actions") with each thing under it by its title;
 * a line of one thing is that row's own sentence. Titles only, like every notification.
 */
export function summaryOf(reader: Reader, orgSlug: string, rows: NotificationRow[], names: Map<string, string>): SummaryLine[] {
  const groups = new Map<string, NotificationRow[]>();
  for (const r of rows) {
    const key = `${r.actorMembershipId}|${r.kind}|${r.coacheeMembershipId}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((list) => {
    const [first] = list;
    const url = absolute(pathFor(orgSlug, first));
    if (list.length === 1 || !isNotificationKind(first.kind)) return { sentence: sentenceOf(reader, first, names), url, things: [] };
    const kind = first.kind;
    return {
      sentence: notificationSummary(reader, {
        kind,
        things: list.length,
        changes: list.reduce((sum, r) => sum + r.count, 0),
        ...people(reader, first, names),
      }),
      url,
      things: list.map((r) => ({ text: notificationThing(reader, kind, dataOf(r), r.count), url: absolute(pathFor(orgSlug, r)) })),
    };
  });
}

/** Where the thing lives for this recipient, as a path in the organisation ("/acme/goals#goal-…"). */
export function pathFor(orgSlug: string, n: NotificationRow): string {
  const kind: NotificationKind = isNotificationKind(n.kind) ? n.kind : "goal.edited";
  return pathOf(orgSlug, { ...n, kind, data: dataOf(n) });
}

export const absolute = (path: string) => new URL(path, env().APP_URL).toString();

export const centrePath = (orgSlug: string) => `/${orgSlug}/notifications`;
export const preferencesPath = (orgSlug: string) => `/${orgSlug}/notifications/preferences`;
