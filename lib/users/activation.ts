import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import { otherMemberships } from "../db/cross-tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { issueResetToken } from "../auth/password-reset";
import { localeOfMember } from "../i18n/member-locale";
import { queueEmail } from "../mail/outbox";
import { bulkStep, type BulkResult } from "./bulk-step";
import { assertOwnersRemain } from "./member-change";
import { takesSeat } from "./seats";

/**
 * Deactivates members: they cannot sign in here, their data stays, their seat frees, pending
 * invitations die. A user with no other organisation is signed out of every session at once; one who
 * belongs elsewhere too keeps those sessions but loses this organisation on their next request.
 */
export async function deactivateMembers(db: Db, actor: Actor, membershipIds: string[]): Promise<BulkResult> {
  assertCan(actor.role, "users:manage");
  return bulkStep(db, actor, membershipIds, {
    op: "deactivate",
    seatsNeeded: () => 0,
    after: async (tx, ms) => {
      const owners = ms.filter((m) => m.role === "OWNER" && m.status === "ACTIVE").map((m) => m.id);
      if (owners.length) await assertOwnersRemain(tx, owners);
    },
    apply: async (tx, m) => {
      await tx.membership.updateMany({ where: { id: m.id }, data: { status: "DEACTIVATED" } });
      await tx.invitation.updateMany({
        where: { membershipId: m.id, acceptedAt: null, cancelledAt: null },
        data: { cancelledAt: new Date() },
      });
      if ((await otherMemberships(tx, m.userId, actor.organizationId, true)) === 0)
        await tx.user.update({ where: { id: m.userId }, data: { sessionVersion: { increment: 1 } } });
      await recordAudit(tx, actor, {
        action: "member.deactivate",
        targetType: "membership",
        targetId: m.id,
        before: { status: m.status },
        after: { status: "DEACTIVATED" },
      });
    },
  });
}

export const REACTIVATION_LINK_HOURS = 72;

/**
 * Reactivates members, all within the seat limit or none: each must choose a new password from an
 * emailed link before they sign in again, and any session cookie from before is dead.
 */
export async function reactivateMembers(db: Db, actor: Actor, membershipIds: string[]): Promise<BulkResult> {
  assertCan(actor.role, "users:manage");
  const org = await tenantDb(db, actor.organizationId).organization.findFirstOrThrow({ select: { name: true } });
  return bulkStep(db, actor, membershipIds, {
    // Someone who never joined (deactivated while invited) comes back by a new invitation instead.
    op: "reactivate",
    seatsNeeded: (ms) => ms.filter((m) => takesSeat(m.role, "ACTIVE")).length,
    apply: async (tx, m) => {
      await tx.membership.updateMany({ where: { id: m.id }, data: { status: "ACTIVE" } });
      await recordAudit(tx, actor, {
        action: "member.reactivate",
        targetType: "membership",
        targetId: m.id,
        before: { status: "DEACTIVATED" },
        after: { status: "ACTIVE" },
      });
      // The account is global: while it is live in another organisation, this one does not reset its
      // password or end its sessions; it simply opens again here on the next request.
      if ((await otherMemberships(tx, m.userId, actor.organizationId, true)) > 0) return;
      await tx.user.update({ where: { id: m.userId }, data: { passwordResetRequired: true, sessionVersion: { increment: 1 } } });
      const url = await issueResetToken(tx, m.userId, REACTIVATION_LINK_HOURS * 60);
      await queueEmail(tx, {
        organizationId: actor.organizationId,
        to: m.user.email,
        template: "account-reactivated",
        props: { firstName: m.user.firstName, organizationName: org.name, url, expiresInHours: REACTIVATION_LINK_HOURS },
        locale: await localeOfMember(tx, m.id),
      });
    },
  });
}
