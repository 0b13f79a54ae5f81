import type { TenantTx } from "../db/tenant";
import type { ActivityData, ActivityKind } from "./kinds";

export type ActivityEntry<K extends ActivityKind> = {
  kind: K;
  coacheeMembershipId: string;
  /** Who did it; null for the system. */
  actorMembershipId: string | null;
  /** Only this coach (and the coachee) may see it; leave out when every coach of the coachee may. */
  onlyCoachMembershipId?: string;
  subjectId?: string;
  data: ActivityData[K];
  /** When it happened, if not now: only the demo seed, which lays down a history, says so. */
  at?: Date;
};

/**
 * Writes one activity row in the caller's transaction, so the record and the change stand or fall
 * together, and moves "last activity" on the coach–coachee rows that may see it (the coachee list sorts
 * by it without reading the activity table).
 */
export async function recordActivity<K extends ActivityKind>(tx: TenantTx, organizationId: string, entry: ActivityEntry<K>) {
  const row = await tx.activity.create({
    data: {
      organizationId,
      coacheeMembershipId: entry.coacheeMembershipId,
      actorMembershipId: entry.actorMembershipId,
      coachMembershipId: entry.onlyCoachMembershipId ?? null,
      kind: entry.kind,
      subjectId: entry.subjectId ?? null,
      data: entry.data,
      ...(entry.at ? { createdAt: entry.at } : {}),
    },
    select: { id: true, createdAt: true },
  });
  await tx.coachingRelationship.updateMany({
    where: {
      coacheeMembershipId: entry.coacheeMembershipId,
      ...(entry.onlyCoachMembershipId ? { coachMembershipId: entry.onlyCoachMembershipId } : {}),
      OR: [{ lastActivityAt: null }, { lastActivityAt: { lt: row.createdAt } }],
    },
    data: { lastActivityAt: row.createdAt },
  });
  return row;
}
