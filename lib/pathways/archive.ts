import { USED_SESSION } from "../sessions/open";
import { z } from "zod";
import type { Db } from "../db/client";
import { ArchiveReason } from "../db/generated/enums";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { ValidationError } from "../errors";
import { msg } from "../i18n/msg";
import { displayName } from "../users/display-name";
import { seen } from "../users/person";
import { checkbox } from "../web/form-fields";
import { pathwayInScope, uuid } from "./scope";

async function attendedCount(tx: TenantTx, pathwayId: string) {
  return tx.coachingSession.count({ where: { pathwayId, ...USED_SESSION } });
}

export const archiveSchema = z.strictObject({
  pathwayId: uuid,
  reason: z.enum(ArchiveReason, { error: msg("Pathways.server.chooseReason") }),
  credit: checkbox,
});

/**
 * Archives a pathway with its reason; with `credit`, the unused sessions (included - attended) go back
 * to the cohort as a ledger entry. One conditional update decides, so two people archiving at once
 * archive, and credit, once.
 */
export async function archivePathway(db: Db, actor: Actor, input: z.infer<typeof archiveSchema>) {
  assertCan(actor.role, "pathways:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const pathway = await pathwayInScope(tx, actor, input.pathwayId);
    const { count } = await tx.pathway.updateMany({
      where: { id: pathway.id, status: "ACTIVE" },
      data: { status: "ARCHIVED", archiveReason: input.reason, archivedAt: new Date(), archivedById: actor.userId },
    });
    if (count !== 1) throw new ValidationError(msg("Pathways.server.alreadyArchived"));
    const unused = Math.max(0, pathway.programme.sessionsIncluded - (await attendedCount(tx, pathway.id)));
    const credited = input.credit ? unused : 0;
    if (credited > 0) {
      await tx.creditEntry.create({
        data: {
          organizationId: actor.organizationId,
          cohortId: pathway.cohortId,
          pathwayId: pathway.id,
          amount: credited,
          note: msg("Pathways.server.unusedSessions", { name: displayName(seen(pathway.participant).user), reason: input.reason }),
          actorId: actor.userId,
        },
      });
      await tx.cohort.updateMany({ where: { id: pathway.cohortId }, data: { creditBalance: { increment: credited } } });
    }
    await recordAudit(tx, actor, {
      action: "pathway.archive",
      targetType: "pathway",
      targetId: pathway.id,
      after: { reason: input.reason, credited },
    });
    return { credited, unused };
  });
}

/** Reopens an archived pathway (admins); whatever its archiving credited is taken back by a reversing entry. */
export async function unarchivePathway(db: Db, actor: Actor, pathwayId: string) {
  assertCan(actor.role, "pathways:restore");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const pathway = await pathwayInScope(tx, actor, pathwayId);
    const { count } = await tx.pathway.updateMany({
      where: { id: pathway.id, status: "ARCHIVED" },
      data: { status: "ACTIVE", archiveReason: null, archivedAt: null, archivedById: null },
    });
    if (count !== 1) throw new ValidationError(msg("Pathways.server.notArchived"));
    const net = (await tx.creditEntry.aggregate({ where: { pathwayId: pathway.id }, _sum: { amount: true } }))._sum.amount ?? 0;
    if (net !== 0) {
      await tx.creditEntry.create({
        data: {
          organizationId: actor.organizationId,
          cohortId: pathway.cohortId,
          pathwayId: pathway.id,
          amount: -net,
          note: msg("Pathways.server.reversed", { name: displayName(seen(pathway.participant).user) }),
          actorId: actor.userId,
        },
      });
      await tx.cohort.updateMany({ where: { id: pathway.cohortId }, data: { creditBalance: { decrement: net } } });
    }
    await recordAudit(tx, actor, { action: "pathway.unarchive", targetType: "pathway", targetId: pathway.id, after: { reversed: net } });
    return { reversed: net };
  });
}
