import type { Db } from "../../lib/db/client";
import type { Prisma } from "../../lib/db/generated/client";
import { withDefaults } from "./unique";

export type AuditOverrides = {
  actorId?: string | null;
  action?: string;
  targetType?: string;
  targetId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  ipAddress?: string | null;
  createdAt?: Date;
};

/** An audit event of the organisation, as recordAudit writes one (for lists and filters, not for what a service audits). */
export async function createAuditEvent(db: Db, organizationId: string, overrides: AuditOverrides = {}) {
  return db.auditEvent.create({
    data: withDefaults({ organizationId, action: "settings.update", targetType: "organization", targetId: organizationId }, overrides),
  });
}
