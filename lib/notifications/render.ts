import type { TenantTx } from "../db/tenant";
import { env } from "../env";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { isNotificationKind, pathOf, type NotificationKind } from "./kinds";
import { notificationSentence } from "./sentence";

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

/** The names the organisation sees for these memberships (deactivated members included: they did it). */
export async function namesOf(tx: TenantTx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await tx.membership.findMany({ where: { id: { in: wanted } }, select: { id: true, ...PERSON } });
  return new Map(rows.map((m) => [m.id, displayName(seen(m).user)]));
}

export const dataOf = (n: { data: unknown }) => (n.data && typeof n.data === "object" ? (n.data as Record<string, unknown>) : {});

/** The row's sentence for its recipient; a kind this version does not know reads as a plain update. */
export function sentenceOf(n: NotificationRow, names: Map<string, string>): string {
  if (!isNotificationKind(n.kind)) return "Something changed";
  return notificationSentence({
    kind: n.kind,
    data: dataOf(n),
    count: n.count,
    actorName: n.actorMembershipId ? (names.get(n.actorMembershipId) ?? null) : null,
    coacheeName: names.get(n.coacheeMembershipId) ?? "your coachee",
    toCoachee: n.recipientMembershipId === n.coacheeMembershipId,
    actorIsCoachee: n.actorMembershipId === n.coacheeMembershipId,
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
