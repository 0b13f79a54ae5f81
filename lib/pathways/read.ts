import { isUsed, USED_SESSION } from "../sessions/open";
import { isoDay } from "../format/dates";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { can } from "../authz/permissions";
import { NotFoundError } from "../errors";
import { PERSON, seen } from "../users/person";
import { dayToDate } from "../web/form-fields";
import { pathwayInScope, pathwayScope } from "./scope";

/** One pathway with its sessions and credits, and used / included / unused. */
export async function getPathway(db: Db, actor: Actor, pathwayId: string) {
  const t = tenantDb(db, actor.organizationId);
  await pathwayInScope(t, actor, pathwayId);
  const pathway = await t.pathway.findFirst({
    where: { id: pathwayId },
    include: {
      participant: { select: { id: true, ...PERSON } },
      coach: { select: { id: true, ...PERSON } },
      programme: { select: { id: true, name: true, sessionsIncluded: true } },
      cohort: { select: { id: true, name: true } },
      sessions: { orderBy: { scheduledAt: "asc" } },
      credits: { orderBy: { createdAt: "asc" }, select: { id: true, amount: true, note: true, createdAt: true } },
    },
  });
  if (!pathway) throw new NotFoundError(); // gone since the check (a cancelled invitation)
  const used = pathway.sessions.filter(isUsed).length;
  // Whether each session has started, by the same clock setSessionStatus checks against.
  const [{ now }] = await t.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  const sessions = pathway.sessions.map((s) => ({ ...s, started: s.scheduledAt <= now }));
  return {
    ...pathway,
    participant: seen(pathway.participant),
    coach: seen(pathway.coach),
    sessions,
    used,
    unused: Math.max(0, pathway.programme.sessionsIncluded - used),
  };
}

/** A member's pathways that the actor reaches, for the user's page. */
export async function memberPathways(db: Db, actor: Actor, membershipId: string) {
  const t = tenantDb(db, actor.organizationId);
  if (!can(actor.role, "pathways:view")) return [];
  const pathways = await t.pathway.findMany({
    where: { membershipId, ...(await pathwayScope(t, actor)) },
    orderBy: { startDate: "desc" },
    select: {
      id: true,
      status: true,
      archiveReason: true,
      startDate: true,
      programme: { select: { name: true, sessionsIncluded: true } },
      cohort: { select: { id: true, name: true } },
      coach: { select: PERSON },
      _count: { select: { sessions: { where: USED_SESSION } } },
    },
  });
  return pathways.map((p) => ({ ...p, coach: seen(p.coach) }));
}

const PATHWAY_ROW = {
  id: true,
  status: true,
  archiveReason: true,
  startDate: true,
  participant: { select: { id: true, ...PERSON } },
  coach: { select: { id: true, ...PERSON } },
  programme: { select: { name: true } },
  cohort: { select: { id: true, name: true } },
} as const satisfies Prisma.PathwaySelect;

const withPeople = <P extends Prisma.PathwayGetPayload<{ select: typeof PATHWAY_ROW }>>(p: P) => ({
  ...p,
  participant: seen(p.participant),
  coach: seen(p.coach),
});

/**
 * The dashboard's lists, within the actor's reach: active pathways starting in the next two weeks,
 * and started ones with no attended session in the last 30 days.
 */
export async function pathwayWatchlist(db: Db, actor: Actor, now = new Date()) {
  const t = tenantDb(db, actor.organizationId);
  const scope = await pathwayScope(t, actor);
  const today = dayToDate(isoDay(now));
  const [startingSoon, quiet] = await Promise.all([
    t.pathway.findMany({
      where: { ...scope, status: "ACTIVE", startDate: { gte: today, lte: new Date(today.getTime() + 14 * 86_400_000) } },
      orderBy: [{ startDate: "asc" }, { id: "asc" }],
      take: 20,
      select: PATHWAY_ROW,
    }),
    t.pathway.findMany({
      where: {
        ...scope,
        status: "ACTIVE",
        startDate: { lte: today },
        sessions: { none: { status: "ATTENDED", scheduledAt: { gte: new Date(now.getTime() - 30 * 86_400_000) } } },
      },
      orderBy: [{ startDate: "asc" }, { id: "asc" }],
      take: 20,
      select: PATHWAY_ROW,
    }),
  ]);
  return { startingSoon: startingSoon.map(withPeople), quiet: quiet.map(withPeople) };
}

/** The pathways in the actor's reach, active first: a coach's coachees, a participant's own. */
export async function pathwaysInReach(db: Db, actor: Actor) {
  const t = tenantDb(db, actor.organizationId);
  return (
    await t.pathway.findMany({
      where: await pathwayScope(t, actor),
      orderBy: [{ status: "asc" }, { startDate: "desc" }],
      take: 100,
      select: PATHWAY_ROW,
    })
  ).map(withPeople);
}
