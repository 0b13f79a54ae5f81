import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { memberPathways } from "../pathways/read";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";

/** How many upcoming sessions the home shows; the Sessions page has the rest. */
export const HOME_SESSIONS = 5;

/**
 * A participant's own home: their coaches (to message), their next scheduled sessions, and their
 * pathways with sessions used and left. Only their own rows: every query starts at their membership.
 */
export async function participantHome(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor.role, "portal:use");
  const t = tenantDb(db, actor.organizationId);
  const [coaches, sessions, pathways] = await Promise.all([
    t.coachingRelationship.findMany({
      where: { coacheeMembershipId: actor.membershipId, coach: { status: { not: "DEACTIVATED" } } },
      orderBy: [{ createdAt: "asc" }, { coachMembershipId: "asc" }],
      select: { coach: { select: { id: true, ...PERSON } } },
    }),
    t.coachingSession.findMany({
      where: { coacheeMembershipId: actor.membershipId, status: "SCHEDULED", scheduledAt: { gt: now } },
      orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
      take: HOME_SESSIONS,
      select: { id: true, title: true, scheduledAt: true, durationMinutes: true, location: true, coach: { select: PERSON } },
    }),
    memberPathways(db, actor, actor.membershipId),
  ]);
  return {
    coaches: coaches.map(({ coach }) => ({ id: coach.id, name: displayName(seen(coach).user) })),
    sessions: sessions.map(({ coach, ...s }) => ({ ...s, coachName: displayName(seen(coach).user) })),
    pathways: pathways.map((p) => ({
      id: p.id,
      status: p.status,
      archiveReason: p.archiveReason,
      programme: p.programme.name,
      cohort: p.cohort.name,
      coachName: displayName(p.coach.user),
      used: p._count.sessions,
      left: Math.max(0, p.programme.sessionsIncluded - p._count.sessions),
      included: p.programme.sessionsIncluded,
    })),
  };
}
