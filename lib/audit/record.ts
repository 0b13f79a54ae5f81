import type { TenantTx } from "../db/tenant";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../authz/actor";
import type { AuditAction } from "./actions";

export type AuditEntry = {
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Writes an audit event in the caller's transaction, so the record and the change stand or fall together. */
export async function recordAudit(tx: TenantTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      ipAddress: actor.ipAddress ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: entry.before,
      after: entry.after,
    },
  });
}
