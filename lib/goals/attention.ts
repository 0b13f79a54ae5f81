import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { knownZone } from "../format/dates";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { addDays, todayIn } from "./calendar";

// The coach's dashboard: which of their coachees need a look, because actions are overdue or because
// nothing has moved for a while.
//
// "Moved" means any change to the coachee's goals, milestones or actions, by the coachee or any of
// their coaches: the latest updatedAt among those rows (every write sets it, creation included, and a
// roll-up rewrites a goal's when its figures change). A deletion leaves no row behind, so it does not
// count. A coachee is "quiet" when the latest move is QUIET_DAYS or more ago; a coachee with no goal,
// milestone or action at all is quiet once they have been this coach's coachee, and joined, for
// QUIET_DAYS (before that they are simply new). Only active coachees are listed: someone who has not
// joined cannot move anything, and a deactivated one is gone. "Overdue" is read on the coachee's own
// calendar (lib/goals/calendar.ts): an open action due before today where the coachee lives.

export const QUIET_DAYS = 14;

type Moved = { id: string; lastMovedAt: Date | null };

/** The acting coach's active coachees with overdue actions, and those quiet for QUIET_DAYS; each list by name. */
export async function coacheesNeedingAttention(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor.role, "coachees:manage");
  const t = tenantDb(db, actor.organizationId);
  const relationships = await t.coachingRelationship.findMany({
    where: { coachMembershipId: actor.membershipId, coachee: { status: "ACTIVE" } },
    select: {
      createdAt: true,
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
  const org = Prisma.sql`${actor.organizationId}::uuid`;
  // Raw SQL carries its own organizationId (tenantDb scopes only the model methods).
  const [moved, late] = await Promise.all([
    t.$queryRaw<Moved[]>`
      SELECT c."id"::text AS "id", GREATEST(
          (SELECT max(g."updatedAt") FROM "Goal" g WHERE g."organizationId" = ${org} AND g."coacheeMembershipId" = c."id"),
          (SELECT max(a."updatedAt") FROM "Action" a WHERE a."organizationId" = ${org} AND a."coacheeMembershipId" = c."id"),
          (SELECT max(s."updatedAt") FROM "Milestone" s
             JOIN "Goal" g ON g."organizationId" = s."organizationId" AND g."id" = s."goalId"
            WHERE s."organizationId" = ${org} AND g."coacheeMembershipId" = c."id")
        ) AS "lastMovedAt"
        FROM unnest(${ids}::uuid[]) AS c("id")`,
    // Open actions due before the latest "today" anywhere on Earth; each is then judged on its coachee's own day.
    t.action.groupBy({
      by: ["coacheeMembershipId", "dueDate"],
      where: { coacheeMembershipId: { in: ids }, completedAt: null, dueDate: { lt: addDays(todayIn("Etc/GMT-14", now), 1) } },
      _count: { _all: true },
    }),
  ]);
  const lastMoved = new Map(moved.map((m) => [m.id, m.lastMovedAt]));
  const quietBefore = addDays(now, -QUIET_DAYS);
  const overdue: { id: string; name: string; count: number; zone: string }[] = [];
  const quiet: { id: string; name: string; lastMovedAt: Date | null; since: Date }[] = [];
  for (const { createdAt, coachee } of relationships) {
    const person = seen(coachee);
    const name = displayName(person.user);
    const zone = knownZone(person.user.timezone ?? coachee.pathways[0]?.timezone);
    const today = todayIn(zone, now);
    const count = late
      .filter((g) => g.coacheeMembershipId === coachee.id && g.dueDate !== null && g.dueDate < today)
      .reduce((sum, g) => sum + g._count._all, 0);
    if (count) overdue.push({ id: coachee.id, name, count, zone });
    const last = lastMoved.get(coachee.id) ?? null;
    // Quiet since the last move, or since they became this coach's (joined) coachee when nothing ever moved.
    const since = last ?? new Date(Math.max(createdAt.getTime(), coachee.joinedAt?.getTime() ?? now.getTime()));
    if (since <= quietBefore) quiet.push({ id: coachee.id, name, lastMovedAt: last, since });
  }
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
    a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id);
  return { overdue: overdue.sort(byName), quiet: quiet.sort(byName) };
}
