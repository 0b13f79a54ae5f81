import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { knownZone } from "../format/dates";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { addDays, todayIn } from "./calendar";

// The coach's dashboard: which of their coachees need a look, because actions are overdue or because
// nothing has happened for a while.
//
// "Happened" is what the coachee's Activity tab lists, and the coachee list's "Last activity" shows: the
// relationship's lastActivityAt, moved by every activity row this coach may see (lib/activity/record.ts).
// One source, so the dashboard, the list and the tab never disagree. A coachee is "quiet" when their last
// activity is QUIET_DAYS or more ago; one with no activity at all is quiet once they have been this
// coach's coachee, and joined, for QUIET_DAYS (before that they are simply new). Only active coachees are
// listed: someone who has not joined cannot act, and a deactivated one is gone. "Overdue" is read on the
// coachee's own calendar (lib/goals/calendar.ts): an open action due before today where the coachee lives.

export const QUIET_DAYS = 14;

/** The acting coach's active coachees with overdue actions, and those quiet for QUIET_DAYS; each list by name. */
export async function coacheesNeedingAttention(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor.role, "coachees:manage");
  const t = tenantDb(db, actor.organizationId);
  const relationships = await t.coachingRelationship.findMany({
    where: { coachMembershipId: actor.membershipId, coachee: { status: "ACTIVE" } },
    select: {
      createdAt: true,
      lastActivityAt: true,
      coachee: {
        select: {
          id: true,
          joinedAt: true,
          ...PERSON,
          pathways: { orderBy: [{ startDate: "desc" }, { id: "desc" }], take: 1, select: { timezone: true } },
        },
      },
    },
  });
  if (!relationships.length) return { overdue: [], quiet: [] };
  const ids = relationships.map((r) => r.coachee.id);
  // Open actions due before the latest "today" anywhere on Earth; each is then judged on its coachee's own day.
  const late = await t.action.groupBy({
    by: ["coacheeMembershipId", "dueDate"],
    where: { coacheeMembershipId: { in: ids }, completedAt: null, dueDate: { lt: addDays(todayIn("Etc/GMT-14", now), 1) } },
    _count: { _all: true },
  });
  const quietBefore = addDays(now, -QUIET_DAYS);
  const overdue: { id: string; name: string; count: number; zone: string }[] = [];
  const quiet: { id: string; name: string; lastActivityAt: Date | null; since: Date }[] = [];
  for (const { createdAt, lastActivityAt, coachee } of relationships) {
    const person = seen(coachee);
    const name = displayName(person.user);
    const zone = knownZone(person.user.timezone ?? coachee.pathways[0]?.timezone);
    const today = todayIn(zone, now);
    const count = late
      .filter((g) => g.coacheeMembershipId === coachee.id && g.dueDate !== null && g.dueDate < today)
      .reduce((sum, g) => sum + g._count._all, 0);
    if (count) overdue.push({ id: coachee.id, name, count, zone });
    // Quiet since the last activity, or since they became this coach's (joined) coachee when nothing happened yet.
    const since = lastActivityAt ?? new Date(Math.max(createdAt.getTime(), coachee.joinedAt?.getTime() ?? now.getTime()));
    if (since <= quietBefore) quiet.push({ id: coachee.id, name, lastActivityAt, since });
  }
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
    a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id);
  return { overdue: overdue.sort(byName), quiet: quiet.sort(byName) };
}
