import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { coacheeOfCoach } from "../coaching/relationship";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { pageWindow } from "../web/pagination";
import type { NamedActivity } from "./sentence";

export const ACTIVITY_PAGE_SIZE = 25;

/**
 * One page of what happened with one of the acting coach's coachees, newest first: the rows every coach
 * of the coachee may see and the ones only this coach may (their sessions, their messages), never
 * another coach's. People are named as the organisation sees them. Offset paging over the index
 * (organizationId, coacheeMembershipId, createdAt, id): at 10,000 rows the deepest page reads the index
 * once, well inside the page's budget (bench/coachee-activity.ts).
 */
export async function listActivity(db: Db, actor: Actor, coacheeMembershipId: string, { page }: { page: number }) {
  assertCan(actor.role, "coachees:manage");
  const t = tenantDb(db, actor.organizationId);
  const coachee = await coacheeOfCoach(t, actor, coacheeMembershipId);
  const where = {
    coacheeMembershipId: coachee.id,
    OR: [{ coachMembershipId: null }, { coachMembershipId: actor.membershipId }],
  };
  const total = await t.activity.count({ where });
  const { pages, page: shown, skip, take } = pageWindow(total, ACTIVITY_PAGE_SIZE, page);
  const rows = await t.activity.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: { id: true, kind: true, data: true, actorMembershipId: true, createdAt: true },
  });
  // The names on this page only: the people who acted, and the programmes of pathways sessions count against.
  const actorIds = [...new Set(rows.map((r) => r.actorMembershipId).filter((id): id is string => id !== null))];
  const pathwayIds = [
    ...new Set(
      rows
        .map((r) => (r.data && typeof r.data === "object" && !Array.isArray(r.data) ? r.data.pathwayId : null))
        .filter((id): id is string => typeof id === "string"),
    ),
  ];
  const [people, pathways] = await Promise.all([
    actorIds.length ? t.membership.findMany({ where: { id: { in: actorIds } }, select: { id: true, ...PERSON } }) : [],
    pathwayIds.length
      ? t.pathway.findMany({ where: { id: { in: pathwayIds } }, select: { id: true, programme: { select: { name: true } } } })
      : [],
  ]);
  const names = new Map(people.map((p) => [p.id, displayName(seen(p).user)]));
  const programmes = new Map(pathways.map((p) => [p.id, p.programme.name]));
  const coacheeName = displayName(coachee.user);
  const events = rows.map((r): NamedActivity & { id: string; createdAt: Date } => {
    const data = r.data && typeof r.data === "object" && !Array.isArray(r.data) ? r.data : {};
    return {
      id: r.id,
      createdAt: r.createdAt,
      kind: r.kind,
      data,
      actorName: r.actorMembershipId ? (names.get(r.actorMembershipId) ?? null) : null,
      coacheeName,
      programmeName: typeof data.pathwayId === "string" ? (programmes.get(data.pathwayId) ?? null) : null,
    };
  });
  return { coachee, events, total, pages, page: shown };
}
