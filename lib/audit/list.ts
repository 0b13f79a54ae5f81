import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { likeLiteral } from "../db/like";
import { isoDay, pageNumber, searchText } from "../web/search-params";
import { pageCount } from "../web/pagination";
import { dayToDate } from "../web/form-fields";

export const AUDIT_PAGE_SIZE = 25;

/** The Audit log page's filters, as they come from the URL. */
export const auditFilterSchema = z.object({
  actor: searchText(254),
  action: searchText(100),
  target: searchText(100),
  from: isoDay(),
  to: isoDay(),
  page: pageNumber(10_000),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** One page of this organisation's audit events, newest first. */
export async function listAuditEvents(db: Db, actor: Actor, filter: AuditFilter) {
  assertCan(actor.role, "audit:view");
  const t = tenantDb(db, actor.organizationId);
  const where = {
    ...(filter.action ? { action: { startsWith: likeLiteral(filter.action) } } : {}),
    ...(filter.target ? { OR: [{ targetId: filter.target }, { targetType: filter.target }] } : {}),
    ...(filter.actor ? { actor: { email: { contains: likeLiteral(filter.actor.toLowerCase()) } } } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: dayToDate(filter.from) } : {}),
            ...(filter.to ? { lt: new Date(dayToDate(filter.to).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  const [total, events] = await Promise.all([
    t.auditEvent.count({ where }),
    t.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        action: true,
        targetType: true,
        targetId: true,
        before: true,
        after: true,
        ipAddress: true,
        createdAt: true,
        actor: { select: { email: true, firstName: true, lastName: true } },
      },
    }),
  ]);
  return { total, events, pages: pageCount(total, AUDIT_PAGE_SIZE) };
}
