import { OPEN_STATUSES } from "./open";
import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { clampPage, pageCount } from "../web/pagination";
import { pageNumber } from "../web/search-params";

export const SESSIONS_PAGE_SIZE = 20;

/** The Sessions page's places, as the URL carries them: the upcoming list's page and the past list's. */
export const sessionsPageSchema = z.object({ page: pageNumber(100_000), past: pageNumber(100_000) });
export type SessionsPage = z.infer<typeof sessionsPageSchema>;

const ROW = {
  id: true,
  title: true,
  scheduledAt: true,
  durationMinutes: true,
  location: true,
  status: true,
  pathway: { select: { id: true, programme: { select: { name: true } }, cohort: { select: { name: true } } } },
} as const satisfies Prisma.CoachingSessionSelect;

async function paged<R>(
  count: () => Promise<number>,
  rows: (skip: number, take: number) => Promise<R[]>,
  page: number,
): Promise<{ rows: R[]; page: number; pages: number; total: number }> {
  const total = await count();
  const pages = pageCount(total, SESSIONS_PAGE_SIZE);
  const current = clampPage(page, pages);
  return { rows: await rows((current - 1) * SESSIONS_PAGE_SIZE, SESSIONS_PAGE_SIZE), page: current, pages, total };
}

const pathwayName = (p: { programme: { name: string }; cohort: { name: string } } | null) =>
  p ? `${p.programme.name} › ${p.cohort.name}` : null;

/**
 * A participant's own sessions: upcoming (from now on, soonest first) and past (latest first), each
 * paged on its own. Only rows where they are the coachee.
 */
export async function participantSessions(db: Db, actor: Actor, { page, past }: SessionsPage, now = new Date()) {
  assertCan(actor.role, "portal:use");
  const t = tenantDb(db, actor.organizationId);
  const select = { ...ROW, coach: { select: PERSON } } as const;
  const shape = (r: Prisma.CoachingSessionGetPayload<{ select: typeof select }>) => {
    const { coach, pathway, ...rest } = r;
    return { ...rest, coachName: displayName(seen(coach).user), pathwayId: pathway?.id ?? null, pathway: pathwayName(pathway) };
  };
  const upcomingWhere = { coacheeMembershipId: actor.membershipId, scheduledAt: { gte: now } };
  const pastWhere = { coacheeMembershipId: actor.membershipId, scheduledAt: { lt: now } };
  const [upcoming, earlier] = await Promise.all([
    paged(
      () => t.coachingSession.count({ where: upcomingWhere }),
      async (skip, take) =>
        (
          await t.coachingSession.findMany({ where: upcomingWhere, orderBy: [{ scheduledAt: "asc" }, { id: "asc" }], skip, take, select })
        ).map(shape),
      page,
    ),
    paged(
      () => t.coachingSession.count({ where: pastWhere }),
      async (skip, take) =>
        (
          await t.coachingSession.findMany({ where: pastWhere, orderBy: [{ scheduledAt: "desc" }, { id: "desc" }], skip, take, select })
        ).map(shape),
      past,
    ),
  ]);
  return { upcoming, past: earlier };
}

/** A coach's own upcoming sessions across their coachees (scheduled, and booked ones awaiting their answer), soonest first. */
export async function coachUpcomingSessions(db: Db, actor: Actor, { page }: Pick<SessionsPage, "page">, now = new Date()) {
  assertCan(actor.role, "coachees:manage");
  const t = tenantDb(db, actor.organizationId);
  const where = { coachMembershipId: actor.membershipId, status: { in: OPEN_STATUSES }, scheduledAt: { gte: now } };
  const select = { ...ROW, coachee: { select: { id: true, ...PERSON } } } as const;
  return paged(
    () => t.coachingSession.count({ where }),
    async (skip, take) =>
      (await t.coachingSession.findMany({ where, orderBy: [{ scheduledAt: "asc" }, { id: "asc" }], skip, take, select })).map(
        ({ coachee, pathway, ...rest }) => ({
          ...rest,
          coacheeId: coachee.id,
          coacheeName: displayName(seen(coachee).user),
          pathwayId: pathway?.id ?? null,
          pathway: pathwayName(pathway),
        }),
      ),
    page,
  );
}
