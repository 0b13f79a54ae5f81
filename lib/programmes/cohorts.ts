import { USED_SESSION } from "../sessions/open";
import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { ArchiveReason, PathwayStatus } from "../db/generated/enums";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { NotFoundError } from "../errors";
import { msg } from "../i18n/msg";
import { isUniqueViolation } from "../db/errors";
import { inProgrammes, programmeScope } from "./scope";
import { programmeInScope, taken } from "./programmes";
import { lenient } from "../web/search-params";
import { PERSON, seen } from "../users/person";
import { displayName } from "../users/display-name";
import { idField, isId, NAME_MAX, nameField, optionalDayField } from "../web/form-fields";

const uuid = idField();
const day = optionalDayField();

const cohortName = nameField({ label: "the cohort's name", max: NAME_MAX });
const clientName = nameField({ label: "the client's name", max: NAME_MAX, optional: true }).default("");

export const cohortSchema = z
  .strictObject({
    programmeId: idField(msg("Cohorts.server.chooseProgramme")),
    name: cohortName,
    clientName,
    startDate: day,
    endDate: day,
  })
  .refine((c) => !c.startDate || !c.endDate || c.endDate >= c.startDate, {
    path: ["endDate"],
    message: msg("Cohorts.server.endBeforeStart"),
  });

export const updateCohortSchema = z
  .strictObject({
    cohortId: uuid,
    name: cohortName,
    clientName,
    startDate: day,
    endDate: day,
  })
  .refine((c) => !c.startDate || !c.endDate || c.endDate >= c.startDate, {
    path: ["endDate"],
    message: msg("Cohorts.server.endBeforeStart"),
  });

export async function createCohort(db: Db, actor: Actor, input: z.infer<typeof cohortSchema>) {
  assertCan(actor.role, "programmes:manage");
  try {
    return await tenantDb(db, actor.organizationId).$transaction(async (tx) => {
      await programmeInScope(tx, actor, input.programmeId);
      const cohort = await tx.cohort.create({ data: { organizationId: actor.organizationId, ...input } });
      await recordAudit(tx, actor, {
        action: "cohort.create",
        targetType: "cohort",
        targetId: cohort.id,
        after: { name: cohort.name, programmeId: cohort.programmeId },
      });
      return cohort;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken("name", msg("Cohorts.server.nameTaken"));
    throw error;
  }
}

/** Edits a cohort's name, client and dates (its balance moves only through the ledger). */
export async function updateCohort(db: Db, actor: Actor, { cohortId, ...input }: z.infer<typeof updateCohortSchema>) {
  assertCan(actor.role, "programmes:manage");
  try {
    return await tenantDb(db, actor.organizationId).$transaction(async (tx) => {
      const before = await tx.cohort.findFirst({
        where: { id: cohortId },
        select: { programmeId: true, name: true, clientName: true, startDate: true, endDate: true },
      });
      if (!before) throw new NotFoundError();
      await programmeInScope(tx, actor, before.programmeId);
      await tx.cohort.updateMany({ where: { id: cohortId }, data: input });
      const { programmeId: _p, ...was } = before;
      await recordAudit(tx, actor, {
        action: "cohort.update",
        targetType: "cohort",
        targetId: cohortId,
        before: JSON.parse(JSON.stringify(was)),
        after: JSON.parse(JSON.stringify(input)),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken("name", msg("Cohorts.server.nameTaken"));
    throw error;
  }
}

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
      select: { id: true, amount: true, note: true, createdAt: true, actorId: true, pathwayId: true },
    }),
    t.pathway.findMany({ where: { cohortId }, distinct: ["coachMembershipId"], select: { coach: { select: { id: true, ...PERSON } } } }),
  ]);
  const attended = await t.coachingSession.groupBy({
    by: ["pathwayId"],
    where: { pathwayId: { in: pathways.map((p) => p.id) }, ...USED_SESSION },
    _count: { _all: true },
  });
  const used = new Map(attended.map((a) => [a.pathwayId, a._count._all]));
  // Who made each entry, named as the organisation sees them (lib/users/person.ts), never by the account's email.
  const actorIds = [...new Set(ledger.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const people = await t.membership.findMany({ where: { userId: { in: actorIds } }, select: { userId: true, ...PERSON } });
  const nameOf = new Map(people.map((m) => [m.userId, displayName(seen(m).user)]));
  return {
    cohort,
    pathways: pathways.map((p) => ({ ...p, participant: seen(p.participant), coach: seen(p.coach), used: used.get(p.id) ?? 0 })),
    ledger: ledger.map(({ actorId, ...e }) => ({ ...e, who: (actorId && nameOf.get(actorId)) || msg("Cohorts.server.formerMember") })),
    coaches: coaches.map((c) => seen(c.coach)),
  };
}
