import { z } from "zod";
import type { Db, Tx } from "../db/client";
import { Role } from "../db/generated/enums";
import { lockOrganization, tenantDb } from "../db/tenant";
import { env } from "../env";
import type { Actor } from "../authz/actor";
import { assertCan, can, canGrant, PROGRAMME_SCOPED_ROLES, SEAT_ROLES } from "../authz/permissions";
import { ROLE_LABELS } from "../labels";
import { recordAudit } from "../audit/record";
import { issueResetToken } from "../auth/password-reset";
import { fieldError } from "../errors";
import { queueEmail } from "../mail/outbox";
import { renderEmail } from "../../emails";
import { programmeScope } from "../programmes/scope";
import { generateToken } from "../security/tokens";
import { expiryFor, IMPLEMENTATION_ADMIN_DURATIONS, implementationAdminProblem } from "../users/implementation-admins";
import { NO_SEATS_MESSAGE, reserveSeats, seatUsage } from "../users/seats";
import { idList, optionalId } from "../web/form-fields";
import { MAX_INVITES, parseAddressList } from "./addresses";
import { displayName } from "../users/display-name";
import { MEMBERSHIP_MACHINE, type MembershipState, membershipState } from "../users/membership-state";
import { plural } from "../words";

export const inviteSchema = z.strictObject({
  emails: z.string().max(10_000, "That is too much text: paste at most 20 addresses"),
  role: z.enum(Role, { error: "Choose a role" }),
  programmeIds: idList("Choose programmes from the list"),
  unitId: optionalId("Choose a unit from the list"),
  duration: z.enum(IMPLEMENTATION_ADMIN_DURATIONS, { error: "Choose how long their access lasts" }).optional(),
  message: z.string().trim().max(2000, "At most 2,000 characters"),
  // "invite" emails a one-time link; "create" sets the account up at once (admins only).
  mode: z.enum(["invite", "create"]).default("invite"),
});
export type InviteInput = z.infer<typeof inviteSchema>;

export type AddressStatus =
  "new" | "not-invited" | "already-invited" | "active-member" | "deactivated" | "deactivated-never-joined" | "duplicate" | "malformed" | "not-allowed";

const ADDRESS_STATUS: Record<MembershipState, AddressStatus> = {
  NONE: "new",
  NOT_INVITED: "not-invited",
  INVITED: "already-invited",
  ACTIVE: "active-member",
  DEACTIVATED: "deactivated",
  DEACTIVATED_NEVER_JOINED: "deactivated-never-joined",
};

export type AddressResult = {
  input: string;
  email?: string;
  status: AddressStatus;
  ok: boolean;
  message: string;
  /** For an address already invited: the pending invitation, so it can be resent instead. */
  invitationId?: string;
};

export type InviteCheck = {
  addresses: AddressResult[];
  seatsNeeded: number;
  seats: { used: number; limit: number };
  /** The whole batch is refused: set when any address has a problem or seats run out. */
  refusal?: string;
  preview: { subject: string; text: string };
};


/**
 * Checks a batch of invitations without writing or sending anything: the form's fields (role the
 * inviter may grant, programmes, unit, duration) and then every address, and the whole batch against
 * the seats. Sending runs the same check again, inside the transaction that writes.
 */
async function check(tx: Tx, actor: Actor, input: InviteInput): Promise<InviteCheck & { org: { name: string; invitationExpiryDays: number } }> {
  assertCan(actor.role, "invitations:send");
  if (input.mode === "create") assertCan(actor.role, "users:manage");
  if (!canGrant(actor.role, input.role)) throw fieldError("role", `You cannot invite someone as ${ROLE_LABELS[input.role].toLowerCase()}`);

  const org = await tx.organization.findFirstOrThrow({
    select: { name: true, invitationExpiryDays: true, implementationAdminsEnabled: true, implementationAdminDomains: true },
  });

  // Programmes: programme-scoped roles need at least one; a programme manager invites into theirs only.
  const scope = await programmeScope(tx, actor);
  const programmeIds = [...new Set(input.programmeIds)];
  if ((PROGRAMME_SCOPED_ROLES.has(input.role) || scope) && programmeIds.length === 0) {
    throw fieldError("programmeIds", "Choose at least one programme");
  }
  if (programmeIds.length) {
    const found = await tx.programme.count({ where: { id: { in: programmeIds } } });
    if (found !== programmeIds.length || (scope && programmeIds.some((id) => !scope.includes(id))))
      throw fieldError("programmeIds", "Choose programmes from the list");
  }
  if (input.unitId && !(await tx.orgUnit.findFirst({ where: { id: input.unitId, archivedAt: null }, select: { id: true } }))) {
    throw fieldError("unitId", "Choose a unit from the list");
  }
  const implementationAdmin = input.role === "IMPLEMENTATION_ADMIN";
  if (implementationAdmin && !org.implementationAdminsEnabled) throw fieldError("role", "Implementation admins are turned off in the organisation's settings");
  if (implementationAdmin && !input.duration) throw fieldError("duration", "Choose how long their access lasts");

  const parsed = parseAddressList(input.emails);
  if (parsed.length === 0) throw fieldError("emails", "Enter at least one email address");
  if (parsed.length > MAX_INVITES) throw fieldError("emails", `At most ${MAX_INVITES} addresses at once: you entered ${parsed.length}`);

  const emails = parsed.flatMap((p) => (p.email ? [p.email] : []));
  const users = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, passwordHash: true } });
  const userByEmail = new Map(users.map((u) => [u.email, u]));
  const memberships = await tx.membership.findMany({
    where: { userId: { in: users.map((u) => u.id) } },
    select: {
      userId: true,
      role: true,
      status: true,
      joinedAt: true,
      invitations: { where: { acceptedAt: null, cancelledAt: null }, select: { id: true }, orderBy: { lastSentAt: "desc" }, take: 1 },
    },
  });
  const membershipByUser = new Map(memberships.map((m) => [m.userId, m]));

  const seen = new Set<string>();
  const addresses: AddressResult[] = parsed.map((p): AddressResult => {
    if (!p.email) return { input: p.input, status: "malformed", ok: false, message: "Not a valid email address" };
    const base = { input: p.input, email: p.email };
    if (seen.has(p.email)) return { ...base, status: "duplicate", ok: false, message: "Listed twice" };
    seen.add(p.email);
    if (implementationAdmin) {
      const problem = implementationAdminProblem(org, p.email);
      if (problem) return { ...base, status: "not-allowed", ok: false, message: problem };
    }
    const user = userByEmail.get(p.email);
    const membership = user ? membershipByUser.get(user.id) : undefined;
    if (membership) {
      // Someone with a membership here: what inviting does from their state (membership-state.ts).
      const state = membershipState(membership);
      const step = MEMBERSHIP_MACHINE[state].steps.invite;
      const status = ADDRESS_STATUS[state];
      if (!("to" in step)) {
        const message = "skip" in step ? step.skip : step.refuse;
        return { ...base, status, ok: false, message, invitationId: state === "INVITED" ? membership.invitations[0]?.id : undefined };
      }
      return canGrant(actor.role, membership.role)
        ? { ...base, status, ok: true, message: step.says }
        : { ...base, status: "not-allowed", ok: false, message: `Added earlier as ${ROLE_LABELS[membership.role].toLowerCase()}: you cannot invite them` };
    }
    // Whether the address already has a Pathwise account elsewhere is not this organisation's business:
    // both read the same. (Such a person joins without a new password when they accept.)
    return {
      ...base,
      status: "new",
      ok: true,
      message: input.mode === "create" ? "Will be set up (someone who already uses Pathwise gets an invitation instead)" : "Will be invited",
    };
  });

  const seatsNeeded = SEAT_ROLES.has(input.role) ? addresses.filter((a) => a.ok).length : 0;
  const seats = await seatUsage(tx);
  const problems = addresses.filter((a) => !a.ok).length;
  const refusal = problems
    ? `${plural(problems, "address", "addresses")} ${problems === 1 ? "needs" : "need"} attention: fix or remove ${problems === 1 ? "it" : "them"} before sending.`
    : seatsNeeded > 0 && seats.used + seatsNeeded > seats.limit
      ? NO_SEATS_MESSAGE
      : undefined;

  const preview = await previewEmail(tx, actor, input, org);
  return { addresses, seatsNeeded, seats, refusal, preview, org };
}

/**
 * The email as the people invited will read it, signed with the inviter's name. Creating accounts
 * shows the account-created email, which is what a new person gets then.
 */
async function previewEmail(tx: Tx, actor: Actor, input: InviteInput, org: { name: string; invitationExpiryDays: number }) {
  const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { firstName: true, lastName: true, email: true } });
  // Where each person's own link goes; "…" stands for the token, which only the email carries.
  const link = (path: string) => `${new URL(path, env().APP_URL)}…`;
  const email =
    input.mode === "create"
      ? await renderEmail("account-created", {
          organizationName: org.name,
          inviterName: displayName(inviter),
          url: link("/reset-password/"),
          expiresInDays: org.invitationExpiryDays,
        })
      : await renderEmail("invitation", { ...invitationProps(org, inviter, input.role, input.message, "…"), url: link("/invite/") });
  return { subject: email.subject, text: email.text };
}

/** The Invite dialog's "Check": per-address results, seats and the email's preview; writes nothing. */
export async function checkInvitations(db: Db, actor: Actor, input: InviteInput): Promise<InviteCheck> {
  const { org: _org, ...result } = await check(tenantDb(db, actor.organizationId), actor, input);
  return result;
}

export type InviteResult = InviteCheck & { sent: number };

/**
 * Sends a batch: all of it or none. Under the organisation's lock it checks again, reserves the seats
 * for the whole batch, then for each address creates (or reuses) the global user, the membership
 * (INVITED, or ACTIVE when creating), its programmes and unit, an invitation whose token only the email
 * carries (its SHA-256 is stored), and queues the email, which leaves after commit.
 */
export async function sendInvitations(db: Db, actor: Actor, input: InviteInput): Promise<InviteResult> {
  return tenantDb(db, actor.organizationId).$transaction(
    async (tx) => {
      await lockOrganization(tx, actor.organizationId);
      return sendInvitationsIn(tx, actor, input);
    },
    { timeout: 30_000 },
  );
}

/** The body of sendInvitations, for callers that hold the organisation's lock in their own transaction (tenant-scoped). */
export async function sendInvitationsIn(tx: Tx, actor: Actor, input: InviteInput): Promise<InviteResult> {
  const { org, ...checked } = await check(tx, actor, input);
  if (checked.refusal) {
    const problems = checked.addresses.some((a) => !a.ok);
    return { ...checked, refusal: problems ? `Nothing was sent. ${checked.refusal}` : checked.refusal, sent: 0 };
  }
  await reserveSeats(tx, actor.organizationId, checked.seatsNeeded);

  const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { firstName: true, lastName: true, email: true } });
  const expiresAt = new Date(Date.now() + org.invitationExpiryDays * 86_400_000);
  const memberExpiry = input.role === "IMPLEMENTATION_ADMIN" ? expiryFor(input.duration) : null;
  const now = new Date();
  const active = input.mode === "create";

  for (const address of checked.addresses) {
    const email = address.email!;
    // Create instead of invite only sets up accounts that are new: nobody who already has a Pathwise
    // account is made a member without accepting, so they get an invitation instead.
    const existedBefore = Boolean(await tx.user.findUnique({ where: { email }, select: { id: true } }));
    const activate = active && !existedBefore;
    // The global user: created once for any organisation; a concurrent invite elsewhere may win the insert.
    await tx.user.createMany({ data: [{ email }], skipDuplicates: true });
    const user = await tx.user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true } });
    const data = {
      role: input.role,
      status: activate ? ("ACTIVE" as const) : ("INVITED" as const),
      unitId: input.unitId,
      expiresAt: memberExpiry,
      joinedAt: activate ? now : null,
    };
    // Someone added earlier, or deactivated before joining, is invited on the membership they have.
    const existing = await tx.membership.findFirst({ where: { userId: user.id }, select: { id: true, status: true, unitId: true } });
    const membership = existing
      ? await tx.membership.update({ where: { organizationId_id: { organizationId: actor.organizationId, id: existing.id } }, data, select: { id: true } })
      : await tx.membership.create({ data: { organizationId: actor.organizationId, userId: user.id, ...data }, select: { id: true } });
    if (input.programmeIds.length) {
      await tx.programmeAssignment.createMany({
        data: [...new Set(input.programmeIds)].map((programmeId) => ({ organizationId: actor.organizationId, programmeId, membershipId: membership.id })),
        skipDuplicates: true,
      });
    }
    // A unit change closes the stay in the unit they were in and opens the next.
    if (existing && existing.unitId !== input.unitId) {
      await tx.unitAssignment.updateMany({ where: { membershipId: membership.id, endedAt: null }, data: { endedAt: now } });
    }
    if (input.unitId && existing?.unitId !== input.unitId)
      await tx.unitAssignment.create({ data: { organizationId: actor.organizationId, membershipId: membership.id, unitId: input.unitId, startedAt: now } });

    if (activate) {
      // Create instead of invite: the account works now; the new person chooses a password from the email.
      const url = await issueResetToken(tx, user.id, org.invitationExpiryDays * 24 * 60);
      await queueEmail(tx, {
        organizationId: actor.organizationId,
        to: email,
        template: "account-created",
        props: {
          organizationName: org.name,
          inviterName: displayName(inviter),
          url,
          expiresInDays: org.invitationExpiryDays,
        },
      });
      await recordAudit(tx, actor, {
        action: "member.create",
        targetType: "membership",
        targetId: membership.id,
        after: { email, role: input.role, status: "ACTIVE" },
      });
      continue;
    }
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
    await queueEmail(tx, {
      organizationId: actor.organizationId,
      to: email,
      template: "invitation",
      props: invitationProps(org, inviter, input.role, input.message, token),
    });
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
  const done = active ? "Set up, or invited if they already use Pathwise" : "Invited";
  return { ...checked, addresses: checked.addresses.map((a) => ({ ...a, message: done })), sent: checked.addresses.length };
}

/** The invitation email's properties; the link is built from the configured app URL, never a request's host. */
export function invitationProps(
  org: { name: string; invitationExpiryDays: number },
  inviter: { firstName: string; lastName: string; email: string },
  role: Role,
  message: string,
  token: string,
) {
  return {
    organizationName: org.name,
    inviterName: displayName(inviter),
    roleLabel: ROLE_LABELS[role],
    message,
    url: new URL(`/invite/${token}`, env().APP_URL).toString(),
    expiresInDays: org.invitationExpiryDays,
  };
}

/** Whether the actor may use "create instead of invite". */
export const canCreateAccounts = (actor: Pick<Actor, "role">) => can(actor.role, "users:manage");
