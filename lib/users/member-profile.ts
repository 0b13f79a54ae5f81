import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/permissions";
import { NotFoundError } from "../errors";
import { inProgrammes, membersOfProgrammes, programmeScope } from "../programmes/scope";
import { MEMBER } from "./member-change";
import { seen } from "./person";
import { nameAuditEvents } from "../audit/list";
import { isId } from "../web/form-fields";

/** A member of the actor's organisation the actor may see (a programme manager: within their programmes). */
async function visibleMember(t: TenantTx, actor: Actor, membershipId: string) {
  const scope = await programmeScope(t, actor);
  const member = await t.membership.findFirst({
    where: { id: membershipId, ...(scope ? membersOfProgrammes(scope) : {}) },
    select: { id: true },
  });
  if (!member) throw new NotFoundError();
}

/** A user's page: details, programmes, the units they have been in, and the audit trail about them. */
export async function getMemberProfile(db: Db, actor: Actor, membershipId: string) {
  assertCan(actor.role, "users:view");
  if (!isId(membershipId)) throw new NotFoundError();
  const t = tenantDb(db, actor.organizationId);
  await visibleMember(t, actor, membershipId);
  const scope = await programmeScope(t, actor);
  const [member, history, audit] = await Promise.all([
    t.membership.findFirst({
      where: { id: membershipId },
      select: {
        ...MEMBER,
        joinedAt: true,
        lastActiveAt: true,
        createdAt: true,
        unit: { select: { id: true, name: true } },
        programmes: { where: inProgrammes(scope), select: { programme: { select: { id: true, name: true } } } },
      },
    }),
    t.unitAssignment.findMany({
      where: { membershipId },
      orderBy: { startedAt: "desc" },
      select: { id: true, startedAt: true, endedAt: true, unit: { select: { name: true, archivedAt: true } } },
    }),
    // The audit trail is for those who may read the audit log.
    t.auditEvent.findMany({
      where: can(actor.role, "audit:view") ? { targetType: "membership", targetId: membershipId } : { id: { in: [] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 50,
      select: {
        id: true,
        action: true,
        targetType: true,
        targetId: true,
        before: true,
        after: true,
        createdAt: true,
        actorId: true,
        actor: { select: { email: true } },
      },
    }),
  ]);
  if (!member) throw new NotFoundError(); // gone since the check (a cancelled invitation)
  return { member: seen(member), history, audit: await nameAuditEvents(t, audit) };
}
