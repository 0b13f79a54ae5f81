import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { lockOrganization, tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { fieldError, NotFoundError, ValidationError } from "../errors";
import { resendInvitationIn } from "../invitations/pending";
import { sendInvitationsIn } from "../invitations/send";
import { someoneElsesName } from "../users/profile";
import { checkbox, emailSchema, idField } from "../web/form-fields";
import { coacheeOfCoach } from "../coaching/relationship";
import { assertRoomForRequest, requestCoachingIn } from "../coaching/requests";

// Adding a coachee (a new person, or a participant already here: then a request they answer), inviting
// them, resending their invitation and editing them while they have never joined. The list of a
// coach's coachees is in ./coachees.ts.

export const addCoacheeSchema = z.strictObject({
  ...someoneElsesName,
  email: emailSchema,
  sendInvitation: checkbox.default(false),
});
export type AddCoacheeInput = z.infer<typeof addCoacheeSchema>;

/** The answer to "add coachee": one shape and one message, whatever the address belongs to. */
export type AddCoacheeResult = { message: string };

/**
 * The one message "add coachee" answers with. It depends only on what the coach typed, never on
 * whose the address is (SECURITY.md item 28): a new person, a participant (another coach's or already
 * this coach's), anyone in another role.
 */
export function addCoacheeAnswer(input: Pick<AddCoacheeInput, "firstName" | "lastName" | "sendInvitation">): string {
  const name = `${input.firstName} ${input.lastName}`;
  return msg(input.sendInvitation ? "Coachees.server.answerInvited" : "Coachees.server.answerNotInvited", { name });
}

/**
 * Adds a coachee. A new email (or one whose account is elsewhere: the organisation learns nothing
 * about it) becomes a participant here, Not invited, with the names the coach typed, and with
 * "send invitation" goes through the invitation path. An email of anyone already in the organisation
 * (any role, any status) only asks them (lib/coaching/requests.ts): nothing of theirs is reached until
 * they accept. The answer is the same in every case.
 */
export async function addCoachee(db: Db, actor: Actor, input: AddCoacheeInput): Promise<AddCoacheeResult> {
  assertCan(actor.role, "coachees:manage");
  await tenantDb(db, actor.organizationId).$transaction(
    async (tx) => {
      await lockOrganization(tx, actor.organizationId);
      await assertRoomForRequest(tx, actor);
      const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      const member = user
        ? await tx.membership.findFirst({ where: { userId: user.id }, select: { id: true, role: true, status: true } })
        : null;
      if (member) {
        await requestCoachingIn(tx, actor, member, { email: input.email, firstName: input.firstName, lastName: input.lastName });
        return;
      }

      // The global account: created once for any organisation; an existing one is reused as it is
      // (its own names stay its own: this organisation sees the names the coach typed until they join).
      await tx.user.createMany({ data: [{ email: input.email }], skipDuplicates: true });
      const account = await tx.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true } });
      const membership = await tx.membership.create({
        data: {
          organizationId: actor.organizationId,
          userId: account.id,
          role: "PARTICIPANT",
          status: "NOT_INVITED",
          firstName: input.firstName,
          lastName: input.lastName,
        },
        select: { id: true },
      });
      await link(tx, actor, membership.id, { email: input.email, firstName: input.firstName, lastName: input.lastName });
      if (input.sendInvitation) await inviteIn(tx, actor, { id: membership.id, email: input.email, unitId: null });
    },
    { timeout: 30_000 },
  );
  return { message: addCoacheeAnswer(input) };
}

async function link(tx: TenantTx, actor: Actor, coacheeMembershipId: string, after: Prisma.InputJsonObject) {
  await tx.coachingRelationship.create({
    data: { organizationId: actor.organizationId, coachMembershipId: actor.membershipId, coacheeMembershipId, origin: "ADDED" },
  });
  await recordAudit(tx, actor, {
    action: "coachee.add",
    targetType: "membership",
    targetId: coacheeMembershipId,
    after: { ...after, coachMembershipId: actor.membershipId },
  });
}

/** Through the one invitation path (checks, token, outbox, audit), with nothing but the status changing. */
async function inviteIn(tx: TenantTx, actor: Actor, coachee: { id: string; email: string; unitId: string | null }) {
  const org = await tx.organization.findFirstOrThrow({ select: { defaultInvitationMessage: true } });
  const sent = await sendInvitationsIn(tx, actor, {
    emails: coachee.email,
    role: "PARTICIPANT",
    programmeIds: [],
    unitId: coachee.unitId,
    message: org.defaultInvitationMessage,
    mode: "invite",
  });
  if (sent.refusal) throw new ValidationError(sent.addresses.find((a) => !a.ok)?.message ?? sent.refusal);
}

export const coacheeIdSchema = z.strictObject({ coacheeId: idField() });

async function ownCoachee(tx: TenantTx, actor: Actor, coacheeId: string) {
  const coachee = await coacheeOfCoach(tx, actor, coacheeId);
  if (coachee.role !== "PARTICIPANT") throw new NotFoundError();
  const unit = await tx.membership.findFirstOrThrow({ where: { id: coachee.id }, select: { unitId: true } });
  return { ...coachee, unitId: unit.unitId };
}

/** Not invited (or deactivated before joining) -> Invited, through the invitation path. */
export async function inviteCoachee(db: Db, actor: Actor, coacheeId: string) {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId).$transaction(
    async (tx) => {
      await lockOrganization(tx, actor.organizationId);
      const coachee = await ownCoachee(tx, actor, coacheeId);
      if (coachee.status === "INVITED") throw new ValidationError(msg("Coachees.server.alreadyInvited"));
      if (coachee.status === "ACTIVE") throw new ValidationError(msg("Coachees.server.alreadyJoined"));
      // An administrator ended their access: only an administrator gives it back.
      if (coachee.status === "DEACTIVATED") throw new ValidationError(msg("Coachees.server.deactivatedByAdmin"));
      await inviteIn(tx, actor, { id: coachee.id, email: coachee.user.email, unitId: coachee.unitId });
    },
    { timeout: 30_000 },
  );
}

async function pendingInvitation(tx: TenantTx, membershipId: string) {
  return tx.invitation.findFirst({
    where: { membershipId, acceptedAt: null, cancelledAt: null },
    orderBy: { lastSentAt: "desc" },
    select: { id: true },
  });
}

/** Invited: a fresh link (the old one dies), rate limited like every resend (lib/invitations/pending.ts). */
export async function resendCoacheeInvitation(db: Db, actor: Actor, coacheeId: string) {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coachee = await ownCoachee(tx, actor, coacheeId);
    const invitation = coachee.status === "INVITED" ? await pendingInvitation(tx, coachee.id) : null;
    if (!invitation) throw new ValidationError(msg("Coachees.server.noInvitationToResend", { status: coachee.status }));
    await resendInvitationIn(tx, actor, invitation.id);
  });
}

// Editing ------------------------------------------------------------------------------------------

export const editCoacheeSchema = z.strictObject({
  coacheeId: idField(),
  ...someoneElsesName,
  email: emailSchema,
});
export type EditCoacheeInput = z.infer<typeof editCoacheeSchema>;

export const NEVER_ACTIVE_ONLY = msg("Coachees.server.neverActiveOnly");
const SHARED_EMAIL = msg("Coachees.server.sharedEmail");

/** The coachee as the edit form shows them, with whether they may still be edited. */
export async function coacheeForEdit(db: Db, actor: Actor, coacheeId: string) {
  assertCan(actor.role, "coachees:manage");
  const coachee = await ownCoachee(tenantDb(db, actor.organizationId), actor, coacheeId);
  return { ...coachee, editable: coachee.joinedAt === null };
}

/**
 * The update found the member still never joined: they may join while an edit runs (the read above
 * takes no lock), and the update waits for that to commit and then finds nothing to change.
 */
async function stillNeverJoined(update: Promise<{ count: number }>) {
  if ((await update).count !== 1) throw new ValidationError(NEVER_ACTIVE_ONLY);
}

/**
 * Name and email of a coachee who has never joined. The names are this organisation's own (the account,
 * possibly someone's elsewhere, is untouched). A new email moves the membership to that email's account;
 * an invitation already sent to the old address is cancelled (its link dies) and a fresh one goes to the new.
 */
export async function editCoachee(db: Db, actor: Actor, input: EditCoacheeInput) {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId).$transaction(
    async (tx) => {
      await lockOrganization(tx, actor.organizationId);
      const coachee = await ownCoachee(tx, actor, input.coacheeId);
      if (coachee.joinedAt !== null) throw new ValidationError(NEVER_ACTIVE_ONLY);
      const before = { firstName: coachee.user.firstName, lastName: coachee.user.lastName, email: coachee.user.email };
      const emailChanged = input.email !== before.email;
      let reinvite = false;
      if (emailChanged) {
        // The email decides who joins as this member, and with the membership go the other coaches'
        // conversations and sessions with them: only a coachee who is this coach's alone may move.
        if (
          await tx.coachingRelationship.findFirst({
            where: { coacheeMembershipId: coachee.id, coachMembershipId: { not: actor.membershipId } },
          })
        )
          throw fieldError("email", SHARED_EMAIL);
        const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
        if (user && (await tx.membership.findFirst({ where: { userId: user.id }, select: { id: true } })))
          throw fieldError("email", msg("Coachees.server.emailTaken"));
        await tx.user.createMany({ data: [{ email: input.email }], skipDuplicates: true });
        const account = await tx.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true } });
        // The link sent to the old address dies with its invitation; the new address gets its own.
        const cancelled = await tx.invitation.updateMany({
          where: { membershipId: coachee.id, acceptedAt: null, cancelledAt: null },
          data: { cancelledAt: new Date() },
        });
        reinvite = coachee.status === "INVITED" || cancelled.count > 0;
        await stillNeverJoined(
          tx.membership.updateMany({
            where: { id: coachee.id, joinedAt: null },
            data: { userId: account.id, ...(coachee.status === "INVITED" ? { status: "NOT_INVITED" } : {}) },
          }),
        );
      }
      await stillNeverJoined(
        tx.membership.updateMany({
          where: { id: coachee.id, joinedAt: null },
          data: { firstName: input.firstName, lastName: input.lastName },
        }),
      );
      const after = { firstName: input.firstName, lastName: input.lastName, email: input.email };
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
      if (changed.length)
        await recordAudit(tx, actor, {
          action: "member.update",
          targetType: "membership",
          targetId: coachee.id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        });
      if (reinvite) await inviteIn(tx, actor, { id: coachee.id, email: input.email, unitId: coachee.unitId });
      return { changed, reinvited: reinvite };
    },
    { timeout: 30_000 },
  );
}
