import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { accountByEmail, invitationForAcceptPage, invitationToAccept } from "../db/cross-tenant";
import { tenantDb } from "../db/tenant";
import { recordAudit } from "../audit/record";
import { recordActivity } from "../activity/record";
import { ExpectedError, fieldError, RateLimitedError } from "../errors";
import { hashPassword, verifyPassword } from "../security/password";
import { passwordSchema } from "../security/password-policy";
import { hitAddressLimit, hitRateLimit, LIMITS } from "../security/rate-limit";
import { hashToken } from "../security/tokens";
import { DEAD_LINK_MESSAGE } from "../users/membership-state";
import { profileSchema } from "../users/profile";

/** Expired, cancelled, used or unknown: one answer for all four, so a link tells nothing about the others. */
export class InvalidInvitationError extends ExpectedError {
  constructor() {
    super(DEAD_LINK_MESSAGE);
  }
}

export const acceptNewSchema = z.strictObject({ token: z.string().min(20).max(200), ...profileSchema.shape, password: passwordSchema });
export const acceptExistingSchema = z.strictObject({
  token: z.string().min(20).max(200),
  password: z.string().min(1, msg("Invitations.server.enterPassword")).max(1024),
});

/** What the accept page shows for a token: the organisation, who invited, and whether the person already has a password. */
export async function findInvitation(db: Db, token: string) {
  if (token.length < 20 || token.length > 200) return null;
  const invitation = await invitationForAcceptPage(db, hashToken(token));
  if (!invitation) return null;
  const user = await accountByEmail(db, invitation.email);
  return { ...invitation, hasAccount: Boolean(user?.passwordHash) };
}

type Accept = { token: string; password: string; firstName?: string; lastName?: string; timezone?: string };

/**
 * Accepts an invitation: the person joins the organisation the invitation belongs to (never any other),
 * and a new person gets their name, time zone and password. The token is consumed by one conditional
 * UPDATE, so of many simultaneous accepts exactly one joins. Rate-limited per client address and link.
 */
export async function acceptInvitation(db: Db, input: Accept, ipAddress: string | null): Promise<{ email: string; slug: string }> {
  const tokenHash = hashToken(input.token);
  const [addressOk, linkOk] = await Promise.all([
    hitAddressLimit(db, "accept", ipAddress, LIMITS.acceptPerAddress),
    hitRateLimit(db, `accept:invitation:${tokenHash}`, LIMITS.acceptPerInvitation),
  ]);
  if (!addressOk || !linkOk) throw new RateLimitedError();

  const pending = await invitationToAccept(db, tokenHash);
  if (!pending) throw new InvalidInvitationError();
  const user = await accountByEmail(db, pending.email);
  if (!user) throw new Error("acceptInvitation: the invited account is missing");
  // Someone who already has a password proves it; the link alone does not take over an account.
  if (user.passwordHash) {
    if (!(await verifyPassword(user.passwordHash, input.password))) throw fieldError("password", msg("Invitations.server.wrongPassword"));
  } else if (!input.firstName || !input.lastName || !input.timezone) {
    throw fieldError("firstName", msg("Invitations.server.enterFirstName"));
  }
  const passwordHash = user.passwordHash ? null : await hashPassword(input.password);

  // The link named the organisation: from here on everything happens inside it.
  const { organizationId } = pending;
  return tenantDb(db, organizationId).$transaction(async (tx) => {
    const consumed = await tx.$queryRaw<{ membershipId: string; email: string }[]>`
      UPDATE "Invitation" SET "acceptedAt" = now()
       WHERE "organizationId" = ${organizationId}::uuid AND "tokenHash" = ${tokenHash}
         AND "acceptedAt" IS NULL AND "cancelledAt" IS NULL AND "expiresAt" > now()
      RETURNING "membershipId", "email"`;
    if (consumed.length !== 1 || !consumed[0].membershipId) throw new InvalidInvitationError();
    const { membershipId, email } = consumed[0];
    const joined = await tx.membership.updateMany({
      where: { id: membershipId, userId: user.id, status: "INVITED" },
      data: { status: "ACTIVE", joinedAt: new Date() },
    });
    if (joined.count !== 1) throw new InvalidInvitationError();
    if (passwordHash) {
      await tx.user.update({
        where: { id: user.id },
        data: {
          passwordHash,
          firstName: input.firstName,
          lastName: input.lastName,
          timezone: input.timezone,
          passwordResetRequired: false,
        },
      });
    }
    const membership = await tx.membership.findFirstOrThrow({
      where: { id: membershipId },
      select: { role: true, organization: { select: { slug: true } } },
    });
    await recordAudit(
      tx,
      { userId: user.id, membershipId, organizationId, role: membership.role, ipAddress },
      {
        action: "invitation.accept",
        targetType: "membership",
        targetId: membershipId,
        after: { status: "ACTIVE" },
      },
    );
    // A participant's coaches see that they joined (every coach of theirs: a participant with none yet
    // keeps the row for the coaches who come later).
    if (membership.role === "PARTICIPANT") {
      await recordActivity(tx, organizationId, {
        kind: "invitation.accepted",
        coacheeMembershipId: membershipId,
        actorMembershipId: membershipId,
        data: {},
      });
    }
    return { email, slug: membership.organization.slug };
  });
}
