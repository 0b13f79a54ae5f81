import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { ArchiveReason, PathwayStatus } from "../db/generated/enums";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { NotFoundError } from "../errors";
import { inProgrammes, programmeScope } from "../programmes/scope";
import { lenient } from "../web/search-params";
import { PERSON, seen } from "../users/person";
import { idField, isId } from "../web/form-fields";


/** The cohort page's filters and sort, as the URL carries them. */
export const cohortFilterSchema = z.object({
  status: lenient(z.enum(PathwayStatus)),
  reason: lenient(z.enum(ArchiveReason)),
  coach: lenient(idField()),
  sort: z.enum(["participant", "start", "coach"]).default("participant").catch("participant"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
});
export type CohortFilter = z.infer<typeof cohortFilterSchema>;

const ORDER: Record<CohortFilter["sort"], (dir: "asc" | "desc") => Prisma.PathwayOrderByWithRelationInput[]> = {
  participant: (dir) => [{ participant: { sortName: dir } }, { id: dir }],
  start: (dir) => [{ startDate: dir }, { id: dir }],
  coach: (dir) => [{ coach: { sortName: dir } }, { id: dir }],
};

/** A cohort the actor may see (its programme in their scope), its pathways filtered and sorted, and its credit ledger. */
export async function getCohort(db: Db, actor: Actor, cohortId: string, filter: CohortFilter) {
  assertCan(actor.role, "programmes:view");
  if (!isId(cohortId)) throw new NotFoundError();
  const t = tenantDb(db, actor.organizationId);
  const scope = await programmeScope(t, actor);
  const cohort = await t.cohort.findFirst({
    where: { id: cohortId, ...inProgrammes(scope) },
    include: { programme: { select: { id: true, name: true, sessionsIncluded: true } } },
  });
  if (!cohort) throw new NotFoundError();
  const where: Prisma.PathwayWhereInput = {
    cohortId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.reason ? { archiveReason: filter.reason } : {}),
    ...(filter.coach ? { coachMembershipId: filter.coach } : {}),
  };
  const [pathways, ledger, coaches] = await Promise.all([
    t.pathway.findMany({
      where,
      orderBy: ORDER[filter.sort](filter.dir),
      take: 500,
      select: {
        id: true,
        status: true,
        archiveReason: true,
        startDate: true,
        tags: true,
        participant: { select: { id: true, ...PERSON } },
        coach: { select: { id: true, ...PERSON } },
        programme: { select: { name: true, sessionsIncluded: true } },
      },
    }),
    t.creditEntry.findMany({
      where: { cohortId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, amount: true, note: true, createdAt: true, actor: { select: { email: true } }, pathwayId: true },
    }),
    t.pathway.findMany({ where: { cohortId }, distinct: ["coachMembershipId"], select: { coach: { select: { id: true, ...PERSON } } } }),
  ]);
  const attended = await t.coachingSession.groupBy({ by: ["pathwayId"], where: { pathwayId: { in: pathways.map((p) => p.id) }, status: "ATTENDED" }, _count: { _all: true } });
  const used = new Map(attended.map((a) => [a.pathwayId, a._count._all]));
  return {
    cohort,
    pathways: pathways.map((p) => ({ ...p, participant: seen(p.participant), coach: seen(p.coach), used: used.get(p.id) ?? 0 })),
    ledger,
    coaches: coaches.map((c) => seen(c.coach)),
  };
}
