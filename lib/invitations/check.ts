import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { Role } from "../db/generated/enums";
import { tenantDb, type TenantTx } from "../db/tenant";
import { env } from "../env";
import type { Actor } from "../authz/actor";
import { assertCan, can, canGrant, PROGRAMME_SCOPED_ROLES, SEAT_ROLES } from "../authz/permissions";
import { fieldError, ForbiddenError } from "../errors";
import { renderEmail } from "../../emails";
import { pickLocale } from "../i18n/locales";
import { programmeScope } from "../programmes/scope";
import { IMPLEMENTATION_ADMIN_DURATIONS, implementationAdminProblem } from "../users/implementation-admins";
import { NO_SEATS_MESSAGE, seatUsage } from "../users/seats";
import { idList, localeChoice, optionalId } from "../web/form-fields";
import { MAX_INVITES, parseAddressList } from "./addresses";
import { invitationProps } from "./email";
import { displayName } from "../users/display-name";
import { MEMBERSHIP_MACHINE, type MembershipState, membershipState } from "../users/membership-state";

export const inviteSchema = z.strictObject({
  emails: z.string().max(10_000, msg("Invitations.server.tooMuchText", { max: MAX_INVITES })),
  role: z.enum(Role, { error: msg("Users.server.chooseRole") }),
  programmeIds: idList(msg("Users.server.chooseProgrammes")),
  unitId: optionalId(msg("Users.server.chooseUnit")),
  duration: z.enum(IMPLEMENTATION_ADMIN_DURATIONS, { error: msg("Users.server.chooseDuration") }).optional(),
  message: z
    .string()
    .trim()
    .max(2000, msg("Invitations.server.messageMax", { max: 2000 })),
  // "invite" emails a one-time link; "create" emails a new person "your account is ready" with the same
  // kind of link (admins only). Either way they are Invited until they use it.
  mode: z.enum(["invite", "create"]).default("invite"),
  // The language of their pages and emails until they choose one; none: the organisation's.
  locale: localeChoice.optional(),
});
export type InviteInput = z.infer<typeof inviteSchema>;

/** What sending invitations reads of the organisation. */
type InvitingOrganization = { name: string; invitationExpiryDays: number; defaultLocale: string };

export type AddressStatus =
  | "new"
  | "not-invited"
  | "already-invited"
  | "active-member"
  | "deactivated"
  | "deactivated-never-joined"
  | "duplicate"
  | "malformed"
  | "not-allowed";

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
 * Who may send through this path: whoever may send invitations, and, by one narrow rule, a coach
 * inviting their own coachees (lib/coachees/coachees.ts) as participants, changing nothing but the
 * status (no programmes, the unit they already have). A coach never gets "invitations:send": that would
 * open the organisation's Invitations page to them.
 */
async function assertMayInvite(tx: TenantTx, actor: Actor, input: InviteInput): Promise<void> {
  if (can(actor.role, "invitations:send")) return;
  assertCan(actor.role, "coachees:manage");
  if (input.role !== "PARTICIPANT" || input.mode !== "invite" || input.programmeIds.length > 0) throw new ForbiddenError();
  const emails = [...new Set(parseAddressList(input.emails).map((p) => p.email))];
  if (emails.length === 0 || emails.some((e) => !e)) throw new ForbiddenError();
  const own = await tx.coachingRelationship.findMany({
    where: { coachMembershipId: actor.membershipId, coachee: { role: "PARTICIPANT", user: { email: { in: emails as string[] } } } },
    select: { coachee: { select: { unitId: true } } },
  });
  if (own.length !== emails.length || own.some((r) => r.coachee.unitId !== (input.unitId ?? null))) throw new ForbiddenError();
}

/**
 * Checks a batch of invitations without writing or sending anything: the form's fields (role the
 * inviter may grant, programmes, unit, duration) and then every address, and the whole batch against
 * the seats. Sending runs the same check again, inside the transaction that writes.
 */
export async function checkBatch(tx: TenantTx, actor: Actor, input: InviteInput): Promise<InviteCheck & { org: InvitingOrganization }> {
  await assertMayInvite(tx, actor, input);
  if (input.mode === "create") assertCan(actor.role, "users:manage");
  if (!canGrant(actor.role, input.role)) throw fieldError("role", msg("Invitations.server.cannotInviteAs", { role: input.role }));

  const org = await tx.organization.findFirstOrThrow({
    select: {
      name: true,
      invitationExpiryDays: true,
      defaultLocale: true,
      implementationAdminsEnabled: true,
      implementationAdminDomains: true,
    },
  });

  // Programmes: programme-scoped roles need at least one; a programme manager invites into theirs only.
  const scope = await programmeScope(tx, actor);
  const programmeIds = [...new Set(input.programmeIds)];
  if ((PROGRAMME_SCOPED_ROLES.has(input.role) || scope) && programmeIds.length === 0) {
    throw fieldError("programmeIds", msg("Invitations.server.chooseProgramme"));
  }
  if (programmeIds.length) {
    const found = await tx.programme.count({ where: { id: { in: programmeIds } } });
    if (found !== programmeIds.length || (scope && programmeIds.some((id) => !scope.includes(id))))
      throw fieldError("programmeIds", msg("Users.server.chooseProgrammes"));
  }
  if (input.unitId && !(await tx.orgUnit.findFirst({ where: { id: input.unitId, archivedAt: null }, select: { id: true } }))) {
    throw fieldError("unitId", msg("Users.server.chooseUnit"));
  }
  const implementationAdmin = input.role === "IMPLEMENTATION_ADMIN";
  if (implementationAdmin && !org.implementationAdminsEnabled) throw fieldError("role", msg("Users.server.implementationAdminsOff"));
  if (implementationAdmin && !input.duration) throw fieldError("duration", msg("Users.server.chooseDuration"));

  const parsed = parseAddressList(input.emails);
  if (parsed.length === 0) throw fieldError("emails", msg("Invitations.server.enterEmail"));
  if (parsed.length > MAX_INVITES)
    throw fieldError("emails", msg("Invitations.server.tooManyAddresses", { max: MAX_INVITES, count: parsed.length }));

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
    if (!p.email) return { input: p.input, status: "malformed", ok: false, message: msg("Invitations.server.notAnEmail") };
    const base = { input: p.input, email: p.email };
    if (seen.has(p.email)) return { ...base, status: "duplicate", ok: false, message: msg("Invitations.server.listedTwice") };
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
        : {
            ...base,
            status: "not-allowed",
            ok: false,
            message: msg("Invitations.server.addedEarlierAs", { role: membership.role }),
          };
    }
    // Whether the address already has a Pathwise account elsewhere is not this organisation's business:
    // both read the same. (Such a person joins without a new password when they accept.)
    return {
      ...base,
      status: "new",
      ok: true,
      message: input.mode === "create" ? msg("Invitations.server.willBeSetUp") : msg("Users.server.step.willBeInvited"),
    };
  });

  const seatsNeeded = SEAT_ROLES.has(input.role) ? addresses.filter((a) => a.ok).length : 0;
  const seats = await seatUsage(tx);
  const problems = addresses.filter((a) => !a.ok).length;
  const refusal = problems
    ? msg("Invitations.server.needAttention", { count: problems })
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
async function previewEmail(tx: TenantTx, actor: Actor, input: InviteInput, org: InvitingOrganization) {
  const inviter = await tx.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { firstName: true, lastName: true, email: true },
  });
  // Where each person's own link goes; "…" stands for the token, which only the email carries.
  const link = (path: string) => `${new URL(path, env().APP_URL)}…`;
  // In the language a new person will read it in (an existing account's own choice may differ).
  const locale = pickLocale(input.locale, org.defaultLocale);
  const email =
    input.mode === "create"
      ? await renderEmail(
          "account-created",
          {
            organizationName: org.name,
            inviterName: displayName(inviter),
            url: link("/invite/"),
            expiresInDays: org.invitationExpiryDays,
          },
          locale,
        )
      : await renderEmail(
          "invitation",
          { ...invitationProps(org, inviter, input.role, input.message, "…"), url: link("/invite/") },
          locale,
        );
  return { subject: email.subject, text: email.text };
}

/** The Invite dialog's "Check": per-address results, seats and the email's preview; writes nothing. */
export async function checkInvitations(db: Db, actor: Actor, input: InviteInput): Promise<InviteCheck> {
  assertCan(actor.role, "invitations:send");
  const { org: _org, ...result } = await checkBatch(tenantDb(db, actor.organizationId), actor, input);
  return result;
}
