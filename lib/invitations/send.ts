import type { Db } from "../db/client";
import { msg } from "../i18n/msg";
import { lockOrganization, tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { pickLocale } from "../i18n/locales";
import { queueEmail } from "../mail/outbox";
import { generateToken } from "../security/tokens";
import { expiryFor } from "../users/implementation-admins";
import { reserveSeats } from "../users/seats";
import { checkBatch, type InviteCheck, type InviteInput } from "./check";
import { invitationProps } from "./email";

export type InviteResult = InviteCheck & { sent: number };

/**
 * Sends a batch: all of it or none. Under the organisation's lock it checks again, reserves the seats
 * for the whole batch, then for each address creates (or reuses) the global user, the membership
 * (INVITED until they accept), its programmes and unit, an invitation whose token only the email
 * carries (its SHA-256 is stored), and queues the email, which leaves after commit. Creating accounts
 * differs only in the email a brand-new person gets ("your account is ready: choose a password"): what
 * the organisation sees is the same for a new address and an existing account, so it learns nothing
 * about who already uses Pathwise, and nobody is active before they have acted on the link.
 */
export async function sendInvitations(db: Db, actor: Actor, input: InviteInput): Promise<InviteResult> {
  assertCan(actor.role, "invitations:send");
  return tenantDb(db, actor.organizationId).$transaction(
    async (tx) => {
      await lockOrganization(tx, actor.organizationId);
      return sendInvitationsIn(tx, actor, input);
    },
    { timeout: 30_000 },
  );
}

/** The body of sendInvitations, for callers that hold the organisation's lock in their own transaction (tenant-scoped). */
export async function sendInvitationsIn(tx: TenantTx, actor: Actor, input: InviteInput): Promise<InviteResult> {
  const { org, ...checked } = await checkBatch(tx, actor, input);
  if (checked.refusal) {
    const problems = checked.addresses.filter((a) => !a.ok).length;
    return { ...checked, refusal: problems ? msg("Invitations.server.nothingSent", { count: problems }) : checked.refusal, sent: 0 };
  }
  await reserveSeats(tx, actor.organizationId, checked.seatsNeeded);

  const inviter = await tx.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { firstName: true, lastName: true, email: true },
  });
  const expiresAt = new Date(Date.now() + org.invitationExpiryDays * 86_400_000);
  const memberExpiry = input.role === "IMPLEMENTATION_ADMIN" ? expiryFor(input.duration) : null;
  const now = new Date();
  const creating = input.mode === "create";

  for (const address of checked.addresses) {
    const email = address.email!;
    // Only the person reads which email they got: "your account is ready" when it is new, else the invitation.
    const existedBefore = Boolean(await tx.user.findUnique({ where: { email }, select: { id: true } }));
    const accountCreated = creating && !existedBefore;
    // The global user: created once for any organisation; a concurrent invite elsewhere may win the insert.
    await tx.user.createMany({ data: [{ email }], skipDuplicates: true });
    const user = await tx.user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true, locale: true } });
    const data = {
      role: input.role,
      status: "INVITED" as const,
      unitId: input.unitId,
      expiresAt: memberExpiry,
      joinedAt: null,
      ...(input.locale ? { locale: input.locale } : {}),
    };
    // Someone added earlier, or deactivated before joining, is invited on the membership they have.
    const existing = await tx.membership.findFirst({
      where: { userId: user.id },
      select: { id: true, status: true, unitId: true, locale: true },
    });
    const membership = existing
      ? await tx.membership.update({
          where: { organizationId_id: { organizationId: actor.organizationId, id: existing.id } },
          data,
          select: { id: true },
        })
      : await tx.membership.create({ data: { organizationId: actor.organizationId, userId: user.id, ...data }, select: { id: true } });
    if (input.programmeIds.length) {
      await tx.programmeAssignment.createMany({
        data: [...new Set(input.programmeIds)].map((programmeId) => ({
          organizationId: actor.organizationId,
          programmeId,
          membershipId: membership.id,
        })),
        skipDuplicates: true,
      });
    }
    // A unit change closes the stay in the unit they were in and opens the next.
    if (existing && existing.unitId !== input.unitId) {
      await tx.unitAssignment.updateMany({ where: { membershipId: membership.id, endedAt: null }, data: { endedAt: now } });
    }
    if (input.unitId && existing?.unitId !== input.unitId)
      await tx.unitAssignment.create({
        data: { organizationId: actor.organizationId, membershipId: membership.id, unitId: input.unitId, startedAt: now },
      });

    const { token, hash } = generateToken();
    const invitation = await tx.invitation.create({
      data: {
        organizationId: actor.organizationId,
        membershipId: membership.id,
        email,
        role: input.role,
        tokenHash: hash,
        invitedById: actor.userId,
        message: input.message,
        expiresAt,
      },
      select: { id: true },
    });
    const props = invitationProps(org, inviter, input.role, input.message, token);
    // Their own language if their account has one; else the one chosen here (or before); else the organisation's.
    const locale = pickLocale(user.locale, input.locale ?? existing?.locale, org.defaultLocale);
    await queueEmail(
      tx,
      accountCreated
        ? {
            organizationId: actor.organizationId,
            to: email,
            template: "account-created",
            props: { organizationName: org.name, inviterName: props.inviterName, url: props.url, expiresInDays: org.invitationExpiryDays },
            locale,
          }
        : { organizationId: actor.organizationId, to: email, template: "invitation", props, locale },
    );
    await recordAudit(tx, actor, {
      action: "invitation.send",
      targetType: "membership",
      targetId: membership.id,
      ...(existing ? { before: { status: existing.status } } : {}),
      after: { email, role: input.role, status: "INVITED", invitationId: invitation.id },
    });
  }
  // The check said what would happen; now say what did. Creating reads the same whether or not the
  // person already used Pathwise: that is not this organisation's business.
  const done = creating ? msg("Invitations.server.setUp") : msg("Invitations.server.invited");
  return { ...checked, addresses: checked.addresses.map((a) => ({ ...a, message: done })), sent: checked.addresses.length };
}
