import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { lockOrganization, tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, canGrant } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from "../errors";
import { localeOfMember } from "../i18n/member-locale";
import { queueEmail } from "../mail/outbox";
import { membersOfProgrammes, programmeScope } from "../programmes/scope";
import { hitRateLimit, LIMITS } from "../security/rate-limit";
import { generateToken } from "../security/tokens";
import { bulkStep, type BulkResult } from "../users/bulk-step";
import { NO_PENDING_MESSAGE, stepFrom } from "../users/membership-state";
import { invitationProps } from "./email";
import { idField } from "../web/form-fields";

export const invitationIdSchema = z.strictObject({ invitationId: idField() });

const PENDING = { acceptedAt: null, cancelledAt: null } as const;

/** The pending invitations the actor may see (with `pending` false, also used and cancelled ones): all of them, or a programme manager's programmes'. */
async function visible(tx: TenantTx, actor: Actor, pending = true): Promise<Prisma.InvitationWhereInput> {
  const scope = await programmeScope(tx, actor);
  return { ...(pending ? PENDING : {}), membershipId: { not: null }, ...(scope ? { membership: membersOfProgrammes(scope) } : {}) };
}

export async function listPendingInvitations(db: Db, actor: Actor) {
  assertCan(actor.role, "invitations:send");
  const t = tenantDb(db, actor.organizationId);
  return t.invitation.findMany({
    where: await visible(t, actor),
    orderBy: [{ lastSentAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      lastSentAt: true,
      sentCount: true,
      expiresAt: true,
      invitedBy: { select: { email: true, firstName: true, lastName: true } },
    },
  });
}

async function findPending(tx: TenantTx, actor: Actor, invitationId: string) {
  const invitation = await tx.invitation.findFirst({
    where: { id: invitationId, ...(await visible(tx, actor)) },
    select: { id: true, email: true, role: true, message: true, membershipId: true, membership: { select: { role: true } } },
  });
  if (!invitation) throw new NotFoundError();
  // Whoever may not grant a role may not send or withdraw it either: the role the invitation grants,
  // and the member's role now (it may have changed since).
  for (const role of [invitation.role, invitation.membership?.role ?? invitation.role]) {
    if (!canGrant(actor.role, role)) throw new ForbiddenError(msg("Invitations.server.cannotManage", { role }));
  }
  return invitation;
}

/**
 * The body of every resend, for callers that checked their own permission (a coach resending to their
 * own coachee: lib/coachees/coachees.ts): visibility, the hierarchy, the rate limit, a fresh token.
 */
export async function resendInvitationIn(tx: TenantTx, actor: Actor, invitationId: string) {
  const invitation = await findPending(tx, actor, invitationId);
  if (!(await hitRateLimit(tx, `resend:invitation:${invitation.id}`, LIMITS.resendPerInvitation))) throw new RateLimitedError();
  const org = await tx.organization.findFirstOrThrow({ select: { name: true, invitationExpiryDays: true } });
  const inviter = await tx.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { firstName: true, lastName: true, email: true },
  });
  // A fresh token: the hash is replaced, so the old link finds nothing from now on.
  const { token, hash } = generateToken();
  await tx.invitation.updateMany({
    where: { id: invitation.id },
    data: {
      tokenHash: hash,
      sentCount: { increment: 1 },
      lastSentAt: new Date(),
      expiresAt: new Date(Date.now() + org.invitationExpiryDays * 86_400_000),
    },
  });
  await queueEmail(tx, {
    organizationId: actor.organizationId,
    to: invitation.email,
    template: "invitation",
    props: invitationProps(org, inviter, invitation.role, invitation.message, token),
    locale: await localeOfMember(tx, invitation.membershipId!),
  });
  await recordAudit(tx, actor, {
    action: "invitation.resend",
    targetType: "membership",
    targetId: invitation.membershipId,
    after: { email: invitation.email, invitationId: invitation.id },
  });
  return invitation;
}

/** Sends the invitation again with a fresh link; the old link dies and the expiry starts over. */
export async function resendInvitation(db: Db, actor: Actor, invitationId: string) {
  assertCan(actor.role, "invitations:send");
  return tenantDb(db, actor.organizationId).$transaction((tx) => resendInvitationIn(tx, actor, invitationId));
}

/** Resends every pending invitation the actor may manage; returns how many went out. */
export async function resendAllPending(db: Db, actor: Actor): Promise<number> {
  assertCan(actor.role, "invitations:send");
  const t = tenantDb(db, actor.organizationId);
  const pending = (await t.invitation.findMany({ where: await visible(t, actor), select: { id: true, role: true } })).filter((i) =>
    canGrant(actor.role, i.role),
  );
  return t.$transaction(
    async (tx) => {
      for (const invitation of pending) await resendInvitationIn(tx, actor, invitation.id);
      return pending.length;
    },
    { timeout: 60_000 },
  );
}

/**
 * The Users page's bulk "Resend invitations": for each selected member with a pending invitation, a
 * fresh link. Checked whole first (found, hierarchy); members with nothing pending are skipped.
 */
export async function resendForMembers(db: Db, actor: Actor, membershipIds: string[]): Promise<BulkResult> {
  assertCan(actor.role, "invitations:send");
  return bulkStep(db, actor, membershipIds, {
    op: "resend",
    check: (m) => {
      const invitation = m.invitations[0];
      if (!invitation) return { skip: msg("Users.server.step.noPendingInvitation") };
      return canGrant(actor.role, invitation.role)
        ? null
        : { refuse: msg("Invitations.server.cannotInviteAsk", { role: invitation.role }) };
    },
    seatsNeeded: () => 0,
    apply: async (tx, m) => {
      await resendInvitationIn(tx, actor, m.invitations[0].id);
    },
  });
}

/** Whether a coach works with this member beyond their pathways: a coachee they added, a session or a conversation of their own. */
async function coachedOutsidePathways(tx: TenantTx, membershipId: string): Promise<boolean> {
  const [added, session, thread] = await Promise.all([
    tx.coachingRelationship.findFirst({ where: { coacheeMembershipId: membershipId, origin: "ADDED" }, select: { origin: true } }),
    tx.coachingSession.findFirst({ where: { coacheeMembershipId: membershipId, pathwayId: null }, select: { id: true } }),
    tx.messageThread.findFirst({ where: { coacheeMembershipId: membershipId }, select: { id: true } }),
  ]);
  return Boolean(added || session || thread);
}

/**
 * Cancels a pending invitation: the link dies, and the pending membership goes with its programme and
 * unit records, which frees its seat. The invitation row stays (without its membership) for the record.
 */
export async function cancelInvitation(db: Db, actor: Actor, invitationId: string) {
  assertCan(actor.role, "invitations:send");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    // An invitation of this organisation that is no longer pending: say so, from the member's state.
    const known = await tx.invitation.findFirst({
      where: { id: invitationId, ...(await visible(tx, actor, false)) },
      select: { acceptedAt: true, cancelledAt: true, membership: { select: { status: true, joinedAt: true } } },
    });
    if (!known) throw new NotFoundError();
    const step = stepFrom(known.membership, "cancel");
    if (known.acceptedAt || known.cancelledAt || !("to" in step))
      throw new ValidationError("refuse" in step ? step.refuse : NO_PENDING_MESSAGE);
    const invitation = await findPending(tx, actor, invitationId);
    await tx.invitation.updateMany({ where: { id: invitation.id }, data: { cancelledAt: new Date() } });
    const membershipId = invitation.membershipId!;
    const membership = await tx.membership.findFirst({ where: { id: membershipId }, select: { status: true } });
    if (membership?.status === "INVITED") {
      // Their enrolments go too, unless one already moved the cohort's credit ledger: a ledger entry is
      // never deleted, so then the membership stays, as "not invited", with its pathways. So it does
      // when a coach works with them outside pathways (added them, an appointment, a conversation):
      // that is the coach's, and they stay the coach's coachee, not invited.
      const pathways = await tx.pathway.findMany({ where: { membershipId }, select: { id: true, _count: { select: { credits: true } } } });
      if (pathways.some((p) => p._count.credits > 0) || (await coachedOutsidePathways(tx, membershipId))) {
        await tx.membership.updateMany({ where: { id: membershipId }, data: { status: "NOT_INVITED" } });
      } else {
        const ids = pathways.map((p) => p.id);
        await tx.coachingSession.deleteMany({ where: { pathwayId: { in: ids } } });
        // What happened with them was about those sessions only (they never joined).
        await tx.activity.deleteMany({ where: { coacheeMembershipId: membershipId } });
        await tx.pathway.deleteMany({ where: { id: { in: ids } } });
        await tx.invitation.updateMany({ where: { membershipId }, data: { membershipId: null } });
        await tx.programmeAssignment.deleteMany({ where: { membershipId } });
        await tx.unitAssignment.deleteMany({ where: { membershipId } });
        await tx.membership.deleteMany({ where: { id: membershipId, status: "INVITED" } });
      }
    }
    await recordAudit(tx, actor, {
      action: "invitation.cancel",
      targetType: "membership",
      targetId: membershipId,
      before: { email: invitation.email, role: invitation.role },
    });
  });
}
