import type { NotificationDelivery } from "../db/generated/enums";
import type { TenantTx } from "../db/tenant";
import { coachingCircle } from "../coaching/relationship";
import { env } from "../env";
import { AUDIENCE, DEFAULT_DELIVERY, type NotificationData, type NotificationKind } from "./kinds";

/** Repeats within this window of an unread row update it (and so are in no new email). */
export const COALESCE_MS = 15 * 60_000;

/**
 * The window in which one member's immediate notification emails coalesce: the first opens it, and one
 * email at its end lists everything waiting for them (lib/notifications/coalesce.ts). The e2e server
 * shortens it through NOTIFICATION_EMAIL_WINDOW_MS.
 */
export const EMAIL_WINDOW_MS = 10 * 60_000;
export const emailWindowMs = () => env().NOTIFICATION_EMAIL_WINDOW_MS ?? EMAIL_WINDOW_MS;

export type NotifyEvent<K extends NotificationKind> = {
  kind: K;
  /** Whose coaching it is about: decides who may see it. */
  coacheeMembershipId: string;
  /** The thing itself (goal, milestone, action, comment). */
  subjectId: string;
  /** Who did it, never told about their own change; null for the system (reminders). */
  actorMembershipId: string | null;
  data: NotificationData[K];
  /** Narrows the audience to these members (a reminder is each person's own, at the time they chose). */
  only?: readonly string[];
};

/** `emailing`: new rows waiting for the recipient's next coalesced email. */
export type NotifyResult = { recipients: string[]; created: number; coalesced: number; emailing: number };

type Circle = Awaited<ReturnType<typeof coachingCircle>>;

/** Who of the coachee's circle the kind tells, never the actor: at notify time, and again before an email goes. */
export function audienceOf(
  circle: Circle,
  kind: NotificationKind,
  data: unknown,
  actorMembershipId: string | null,
): (NonNullable<Circle["coachee"]> | Circle["coaches"][number])[] {
  const audience = AUDIENCE[kind];
  const d = (data ?? {}) as { monitoredByCoach?: boolean; coachMembershipId?: string };
  const coaches =
    audience.coaches === true || (audience.coaches === "when monitored" && d.monitoredByCoach === true)
      ? circle.coaches
      : audience.coaches === "the session's"
        ? circle.coaches.filter((c) => c.id === d.coachMembershipId)
        : [];
  return [...(audience.coachee && circle.coachee ? [circle.coachee] : []), ...coaches].filter((p) => p.id !== actorMembershipId);
}

/**
 * Tells exactly the people who may see the thing (the coachee and their coaches, lib/coaching/relationship.ts),
 * narrowed to the kind's audience and never the actor, in the caller's transaction. A repeat of one kind
 * about one thing while the recipient's row of the last 15 minutes is unread updates that row (latest
 * data, count + 1) instead of adding one. A new row the recipient wants by email at once waits for their
 * next email (emailDueAt: the end of the window it opens, EMAIL_WINDOW_MS), which
 * lib/notifications/coalesce.ts sends with everything else waiting for them. Concurrent calls about one
 * thing take turns on a transaction-scoped advisory lock, so coalescing cannot be raced.
 */
export async function notify<K extends NotificationKind>(
  tx: TenantTx,
  organizationId: string,
  event: NotifyEvent<K>,
  now: Date = new Date(),
): Promise<NotifyResult> {
  const circle = await coachingCircle(tx, event.coacheeMembershipId);
  const people = audienceOf(circle, event.kind, event.data, event.actorMembershipId).filter(
    (p) => !event.only || event.only.includes(p.id),
  );
  const result: NotifyResult = { recipients: people.map((p) => p.id), created: 0, coalesced: 0, emailing: 0 };
  if (!people.length) return result;

  // One thing's notifications take turns (the key carries the organisation: raw SQL is not scoped).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`notification:${organizationId}:${event.kind}:${event.subjectId}`}, 0))`;

  const since = new Date(now.getTime() - COALESCE_MS);
  const ids = people.map((p) => p.id);
  const thing = { kind: event.kind, subjectId: event.subjectId };
  const open = await tx.notification.findMany({
    where: { ...thing, recipientMembershipId: { in: ids }, readAt: null, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { id: true, recipientMembershipId: true },
  });
  const openFor = new Map<string, string>();
  for (const row of open) if (!openFor.has(row.recipientMembershipId)) openFor.set(row.recipientMembershipId, row.id);
  if (openFor.size) {
    await tx.notification.updateMany({
      where: { id: { in: [...openFor.values()] } },
      data: { data: event.data, count: { increment: 1 }, actorMembershipId: event.actorMembershipId, updatedAt: now },
    });
    result.coalesced = openFor.size;
  }

  const fresh = people.filter((p) => !openFor.has(p.id));
  if (!fresh.length) return result;
  // Email: those who want this kind at once wait for their next email. The window bounds how often that
  // is, for every kind and thing together, so there is no limit per thing any more.
  const wantsNow = new Set(
    (
      await deliveries(
        tx,
        fresh.map((p) => p.id),
        event.kind,
      )
    )
      .filter(([, d]) => d === "IMMEDIATE")
      .map(([id]) => id),
  );
  const emailDueAt = new Date(now.getTime() + emailWindowMs());
  const { count } = await tx.notification.createMany({
    data: fresh.map((p) => ({
      organizationId,
      recipientMembershipId: p.id,
      actorMembershipId: event.actorMembershipId,
      coacheeMembershipId: event.coacheeMembershipId,
      ...thing,
      data: event.data,
      emailDueAt: wantsNow.has(p.id) ? emailDueAt : null,
      createdAt: now,
      updatedAt: now,
    })),
  });
  result.created = count;
  result.emailing = wantsNow.size;
  return result;
}

/** How each member wants a kind delivered: their preference, or the kind's default. */
export async function deliveries(tx: TenantTx, membershipIds: string[], kind: NotificationKind): Promise<[string, NotificationDelivery][]> {
  const chosen = await tx.notificationPreference.findMany({
    where: { membershipId: { in: membershipIds }, kind },
    select: { membershipId: true, delivery: true },
  });
  const byMember = new Map(chosen.map((p) => [p.membershipId, p.delivery]));
  return membershipIds.map((id) => [id, byMember.get(id) ?? DEFAULT_DELIVERY[kind]]);
}

/**
 * Takes back what members were told about a thing that is gone or no longer theirs to open (a file
 * unshared or deleted, a coaching request ended, an assessment withdrawn): the one place the app does
 * it. What follows a relationship, a role or a note is taken back by the database (prisma/triggers.ts).
 */
export function forgetNotifications(tx: TenantTx, kind: NotificationKind, subjectId: string, recipientMembershipId?: string) {
  return tx.notification.deleteMany({ where: { kind, subjectId, ...(recipientMembershipId ? { recipientMembershipId } : {}) } });
}
