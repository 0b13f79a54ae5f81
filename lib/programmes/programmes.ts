import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, PROGRAMME_SCOPED_ROLES } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { fieldError, NotFoundError } from "../errors";
import { msg } from "../i18n/msg";
import { programmeScope } from "./scope";
import { isUniqueViolation } from "../db/errors";
import { checkbox, idField, NAME_MAX, nameField } from "../web/form-fields";

const uuid = idField();

export const programmeSchema = z.strictObject({
  name: nameField({ label: "the programme's name", max: NAME_MAX }),
  description: z.string().trim().max(2000, msg("Programmes.server.descriptionMax")).default(""),
  sessionsIncluded: z.coerce
    .number({ error: msg("Programmes.server.sessionsMissing") })
    .int(msg("Programmes.server.wholeSessions"))
    .min(0, msg("Programmes.server.sessionsMin"))
    .max(500, msg("Programmes.server.sessionsMax")),
  lateCancellationCounts: checkbox,
});
export const updateProgrammeSchema = programmeSchema.extend({ programmeId: uuid });

/** The field error for a name another programme or cohort already has. */
/** A name already used: `message` says by what (a programme, a cohort of this programme). */
export const taken = (field: string, message: string) => fieldError(field, message);

/** A programme the actor may work on: in their scope, or any for organisation-wide roles. */
export async function programmeInScope(tx: TenantTx, actor: Actor, programmeId: string) {
  const scope = await programmeScope(tx, actor);
  if (scope && !scope.includes(programmeId)) throw new NotFoundError();
  const programme = await tx.programme.findFirst({ where: { organizationId: actor.organizationId, id: programmeId } });
  if (!programme) throw new NotFoundError();
  return programme;
}

/** Creates a programme; a programme manager who creates one is assigned to it. */
export async function createProgramme(db: Db, actor: Actor, input: z.infer<typeof programmeSchema>) {
  assertCan(actor.role, "programmes:manage");
  try {
    return await tenantDb(db, actor.organizationId).$transaction(async (tx) => {
      const programme = await tx.programme.create({ data: { organizationId: actor.organizationId, ...input } });
      if (PROGRAMME_SCOPED_ROLES.has(actor.role)) {
        await tx.programmeAssignment.create({
          data: { organizationId: actor.organizationId, programmeId: programme.id, membershipId: actor.membershipId },
        });
      }
      await recordAudit(tx, actor, { action: "programme.create", targetType: "programme", targetId: programme.id, after: input });
      return programme;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken("name", msg("Programmes.server.nameTaken"));
    throw error;
  }
}

export async function updateProgramme(db: Db, actor: Actor, { programmeId, ...input }: z.infer<typeof updateProgrammeSchema>) {
  assertCan(actor.role, "programmes:manage");
  try {
    return await tenantDb(db, actor.organizationId).$transaction(async (tx) => {
      const before = await programmeInScope(tx, actor, programmeId);
      await tx.programme.updateMany({ where: { id: programmeId }, data: input });
      await recordAudit(tx, actor, {
        action: "programme.update",
        targetType: "programme",
        targetId: programmeId,
        before: {
          name: before.name,
          description: before.description,
          sessionsIncluded: before.sessionsIncluded,
          lateCancellationCounts: before.lateCancellationCounts,
        },
        after: input,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken("name", msg("Programmes.server.nameTaken"));
    throw error;
  }
}
const COUNTS = ["active", "COMPLETED", "DNF", "DNS"] as const;
export type PathwayCounts = Record<(typeof COUNTS)[number], number>;

/** The programmes the actor may see, each with its cohorts and pathway counts (active, completed, DNF, DNS). */
export async function listProgrammesWithCounts(db: Db, actor: Actor) {
  assertCan(actor.role, "programmes:view");
  const t = tenantDb(db, actor.organizationId);
  const scope = await programmeScope(t, actor);
  const programmes = await t.programme.findMany({
    where: scope ? { id: { in: scope } } : {},
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      sessionsIncluded: true,
      lateCancellationCounts: true,
      cohorts: {
        orderBy: [{ startDate: "desc" }, { name: "asc" }],
        select: { id: true, name: true, clientName: true, startDate: true, endDate: true, creditBalance: true },
      },
    },
  });
  const grouped = await t.pathway.groupBy({
    by: ["cohortId", "status", "archiveReason"],
    where: { programmeId: { in: programmes.map((p) => p.id) } },
    _count: { _all: true },
  });
  const empty = (): PathwayCounts => ({ active: 0, COMPLETED: 0, DNF: 0, DNS: 0 });
  const byCohort = new Map<string, PathwayCounts>();
  for (const g of grouped) {
    const counts = byCohort.get(g.cohortId) ?? empty();
    counts[g.status === "ACTIVE" ? "active" : (g.archiveReason ?? "COMPLETED")] += g._count._all;
    byCohort.set(g.cohortId, counts);
  }
  return programmes.map((p) => {
    const cohorts = p.cohorts.map((c) => ({ ...c, counts: byCohort.get(c.id) ?? empty() }));
    const counts = empty();
    for (const c of cohorts) for (const k of COUNTS) counts[k] += c.counts[k];
    return { ...p, cohorts, counts };
  });
}
