import type { NotificationDelivery } from "../db/generated/enums";
import type { TenantTx } from "../db/tenant";
import { coachingCircle } from "../coaching/relationship";
import { queueEmail } from "../mail/outbox";
import { AUDIENCE, DEFAULT_DELIVERY, type NotificationData, type NotificationKind } from "./kinds";
import { absolute, namesOf, pathFor, preferencesPath, sentenceOf } from "./render";

/** Repeats within this window of an unread row update it; at most one email per recipient, kind and thing in it. */
export const COALESCE_MS = 15 * 60_000;

export type NotifyEvent<K extends NotificationKind> = {
  kind: K;
  /** Whose coaching it is about: decides who may see it. */
  coacheeMembershipId: string;
  /** The thing itself (goal, milestone, action, comment). */
  subjectId: string;
  /** Who did it, never told about their own change; null for the system (reminders). */
  actorMembershipId: string | null;
  data: NotificationData[K];
};

export type NotifyResult = { recipients: string[]; created: number; coalesced: number; emailed: number };

/**
 * Tells exactly the people who may see the thing (the coachee and their coaches, lib/coaching/relationship.ts),
 * narrowed to the kind's audience and never the actor, in the caller's transaction. A repeat of one kind
 * about one thing while the recipient's row of the last 15 minutes is unread updates that row (latest
 * data, count + 1) instead of adding one; a new row is emailed at once (through the outbox, in this
 * transaction) when the recipient wants that kind immediately and was not emailed about it in the last
 * 15 minutes. Concurrent calls about one thing take turns on a transaction-scoped advisory lock, so
 * neither coalescing nor the email limit can be raced.
 */
export async function notify<K extends NotificationKind>(
  tx: TenantTx,
  organizationId: string,
  event: NotifyEvent<K>,
  now: Date = new Date(),
): Promise<NotifyResult> {
  const audience = AUDIENCE[event.kind];
  const circle = await coachingCircle(tx, event.coacheeMembershipId);
  const coachesToo =
    audience.coaches === true ||
    (audience.coaches === "when monitored" && (event.data as { monitoredByCoach?: boolean }).monitoredByCoach === true);
  const people = [...(audience.coachee && circle.coachee ? [circle.coachee] : []), ...(coachesToo ? circle.coaches : [])].filter(
    (p) => p.id !== event.actorMembershipId,
  );
  const result: NotifyResult = { recipients: people.map((p) => p.id), created: 0, coalesced: 0, emailed: 0 };
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
  const created = await tx.notification.createManyAndReturn({
    data: fresh.map((p) => ({
      organizationId,
      recipientMembershipId: p.id,
      actorMembershipId: event.actorMembershipId,
      coacheeMembershipId: event.coacheeMembershipId,
      ...thing,
      data: event.data,
      createdAt: now,
      updatedAt: now,
    })),
    select: {
      id: true,
      recipientMembershipId: true,
      actorMembershipId: true,
      coacheeMembershipId: true,
      kind: true,
      subjectId: true,
      data: true,
      count: true,
    },
  });
  result.created = created.length;

  // Immediate email: those who want this kind at once and were not emailed about this thing lately.
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
  if (!wantsNow.size) return result;
  const emailedLately = await tx.notification.findMany({
    where: { ...thing, recipientMembershipId: { in: [...wantsNow] }, emailedAt: { gte: since } },
    select: { recipientMembershipId: true },
  });
  for (const row of emailedLately) wantsNow.delete(row.recipientMembershipId);
  const toEmail = created.filter((n) => wantsNow.has(n.recipientMembershipId));
  if (!toEmail.length) return result;
  const [organization, names] = await Promise.all([
    tx.organization.findFirstOrThrow({ select: { name: true, slug: true } }),
    namesOf(tx, [event.actorMembershipId, event.coacheeMembershipId]),
  ]);
  const emailOf = new Map(fresh.map((p) => [p.id, p.user.email]));
  for (const n of toEmail) {
    await queueEmail(tx, {
      organizationId,
      to: emailOf.get(n.recipientMembershipId)!,
      template: "notification",
      props: {
        sentence: sentenceOf(n, names),
        organizationName: organization.name,
        url: absolute(pathFor(organization.slug, n)),
        preferencesUrl: absolute(preferencesPath(organization.slug)),
      },
    });
  }
  await tx.notification.updateMany({ where: { id: { in: toEmail.map((n) => n.id) } }, data: { emailedAt: now } });
  result.emailed = toEmail.length;
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
