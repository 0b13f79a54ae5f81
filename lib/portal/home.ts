import { OPEN_STATUSES } from "../sessions/open";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { actionItemFilterSchema, listActionItems } from "../goals/list-action-items";
import { memberPathways } from "../pathways/read";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";

/** How many upcoming sessions the home shows; the Sessions page has the rest. */
export const HOME_SESSIONS = 5;
/** How many goals and open actions the home shows; the Goals and Actions pages have the rest. */
export const HOME_GOALS = 3;

/**
 * A participant's own home: their coaches (to message), their next scheduled sessions, their
 * pathways with sessions used and left, and a summary of their goals and actions (the first goals in
 * their order, the open actions due first, how many are overdue on their own calendar). Only their own
 * rows: every query starts at their membership.
 */
export async function participantHome(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor.role, "portal:use");
  const t = tenantDb(db, actor.organizationId);
  const [coaches, sessions, pathways, goals, goalCount, open, overdue] = await Promise.all([
    t.coachingRelationship.findMany({
      where: { coacheeMembershipId: actor.membershipId, coach: { status: { not: "DEACTIVATED" } } },
      orderBy: [{ createdAt: "asc" }, { coachMembershipId: "asc" }],
      select: { coach: { select: { id: true, ...PERSON } } },
    }),
    t.coachingSession.findMany({
      where: { coacheeMembershipId: actor.membershipId, status: { in: OPEN_STATUSES }, scheduledAt: { gt: now } },
      orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
      take: HOME_SESSIONS,
      select: { id: true, title: true, scheduledAt: true, durationMinutes: true, location: true, coach: { select: PERSON } },
    }),
    memberPathways(db, actor, actor.membershipId),
    t.goal.findMany({
      where: { coacheeMembershipId: actor.membershipId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      take: HOME_GOALS,
      select: { id: true, title: true, progress: true, completedAt: true },
    }),
    t.goal.count({ where: { coacheeMembershipId: actor.membershipId } }),
    listActionItems(db, actor, actor.membershipId, actionItemFilterSchema.parse({ status: "open" }), now),
    listActionItems(db, actor, actor.membershipId, actionItemFilterSchema.parse({ status: "overdue" }), now),
  ]);
  return {
    goals: { first: goals, total: goalCount },
    actions: {
      next: open.rows.slice(0, HOME_GOALS).map((a) => ({ id: a.id, title: a.title, dueDate: a.dueDate, progress: a.progress, due: a.due })),
      open: open.total,
      overdue: overdue.total,
    },
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
