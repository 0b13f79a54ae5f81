import { z } from "zod";
import type { Db, Tx } from "../db/client";
import { Role } from "../db/generated/enums";
import { lockOrganization, tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, assertCanChangeRole, can, canGrant, PROGRAMME_SCOPED_ROLES, roleInSentence } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { nameAuditEvents } from "../audit/list";
import { issueResetToken } from "../auth/password-reset";
import { liveMembership } from "../auth/live";
import { type ExpectedError, fieldError, ForbiddenError, isExpectedError, NotFoundError, ValidationError } from "../errors";
import { queueEmail } from "../mail/outbox";
import { inProgrammes, membersOfProgrammes, programmeScope } from "../programmes/scope";
import { expiryFor, IMPLEMENTATION_ADMIN_DURATIONS, implementationAdminProblem } from "./implementation-admins";
import { profileSchema, someoneElsesName } from "./profile";
import { idList, optionalId } from "../web/form-fields";
import { reserveSeats, takesSeat } from "./seats";
import { displayName } from "./display-name";
import { type MembershipOp, stepFrom } from "./membership-state";
import { PERSON, seen } from "./person";

const uuid = z.uuid({ error: "Not found" });

export const updateMemberSchema = z.strictObject({
  membershipId: uuid,
  ...profileSchema.shape,
  ...someoneElsesName,
  // Someone who has not joined has no time zone here yet (they choose it when they accept): the form leaves it out.
  timezone: profileSchema.shape.timezone.optional(),
  unitId: optionalId("Choose a unit from the list"),
  role: z.enum(Role, { error: "Choose a role" }),
  programmeIds: idList(),
  duration: z.enum(IMPLEMENTATION_ADMIN_DURATIONS, { error: "Choose how long their access lasts" }).optional(),
});
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;

const MEMBER = {
  id: true,
  role: true,
  status: true,
  unitId: true,
  expiresAt: true,
  joinedAt: true,
  userId: true,
  ...PERSON,
  programmes: { select: { programmeId: true } },
  invitations: { where: { acceptedAt: null, cancelledAt: null }, select: { id: true, role: true }, orderBy: { lastSentAt: "desc" }, take: 1 },
} as const;

/**
 * How many other organisations the user belongs to (any status). The account is global: what one
 * organisation may change about it (name, password, sessions) depends on whether it is theirs alone.
 * The tenant layer sees only this organisation, so this asks the database directly.
 */
export async function otherMemberships(tx: Tx, userId: string, organizationId: string, live = false): Promise<number> {
  const [row] = live
    ? await tx.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM "Membership"
         WHERE "userId" = ${userId}::uuid AND "organizationId" <> ${organizationId}::uuid
           AND "status" = 'ACTIVE' AND ("expiresAt" IS NULL OR "expiresAt" > now())`
    : await tx.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM "Membership" WHERE "userId" = ${userId}::uuid AND "organizationId" <> ${organizationId}::uuid`;
  return Number(row.n);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A member of the actor's organisation the actor may see (a programme manager: within their programmes). */
async function visibleMember(db: Db, actor: Actor, membershipId: string) {
  const scope = await programmeScope(db, actor);
  const member = await tenantDb(db, actor.organizationId).membership.findFirst({
    where: { id: membershipId, ...(scope ? membersOfProgrammes(scope) : {}) },
    select: { id: true },
  });
  if (!member) throw new NotFoundError();
}

/** A user's page: details, programmes, the units they have been in, and the audit trail about them. */
export async function getMemberProfile(db: Db, actor: Actor, membershipId: string) {
  assertCan(actor.role, "users:view");
  if (!uuid.safeParse(membershipId).success) throw new NotFoundError();
  await visibleMember(db, actor, membershipId);
  const t = tenantDb(db, actor.organizationId);
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
      select: { id: true, action: true, targetType: true, targetId: true, before: true, after: true, createdAt: true, actorId: true, actor: { select: { email: true } } },
    }),
  ]);
  if (!member) throw new NotFoundError(); // gone since the check (a cancelled invitation)
  return { member: seen(member), history, audit: await nameAuditEvents(t, audit) };
}

async function findForChange(tx: TenantTx, membershipId: string) {
  const member = await tx.membership.findFirst({ where: { id: membershipId }, select: MEMBER });
  if (!member) throw new NotFoundError();
  return seen(member);
}

/** Refuses a change that would leave the organisation with no active OWNER (call with the org locked). */
async function assertOwnersRemain(tx: TenantTx, leaving: string[]) {
  const others = await tx.membership.count({ where: { role: "OWNER", ...liveMembership(), id: { notIn: leaving } } });
  if (others === 0) throw new ForbiddenError("The organisation needs at least one active owner: make someone else an owner first.");
}

/**
 * Edits a member: name and time zone, unit (keeping the history of the unit they were in), role with
 * its programme scope. One transaction with the organisation locked, so the seat limit and the last
 * owner hold under concurrency. A role change takes effect on the member's next request.
 */
export async function updateMember(db: Db, actor: Actor, input: UpdateMemberInput) {
  assertCan(actor.role, "users:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    const before = await findForChange(tx, input.membershipId);
    // Whoever you may not grant, you may not edit either: an ADMIN leaves OWNERs alone.
    if (!canGrant(actor.role, before.role)) {
      throw new ForbiddenError(before.role === "OWNER" ? "Only an owner can change an owner." : `You cannot change ${roleInSentence(before.role)}.`);
    }
    const roleChanged = input.role !== before.role;
    // Nobody changes their own role or extends their own access.
    if (before.id === actor.membershipId && input.duration) throw fieldError("duration", "You cannot change how long your own access lasts");
    if (roleChanged) {
      if (before.id === actor.membershipId) throw fieldError("role", "You cannot change your own role");
      assertCanChangeRole(actor.role, before.role, input.role);
      if (before.role === "OWNER") await assertOwnersRemain(tx, [before.id]);
      if (!takesSeat(before.role, before.status) && takesSeat(input.role, before.status)) await reserveSeats(tx, actor.organizationId, 1);
    }

    // Implementation admins: only when enabled, only from an allowed domain, for a chosen time.
    let expiresAt = before.expiresAt;
    if (input.role === "IMPLEMENTATION_ADMIN" && (roleChanged || input.duration)) {
      const org = await tx.organization.findFirstOrThrow({ select: { implementationAdminsEnabled: true, implementationAdminDomains: true } });
      const problem = implementationAdminProblem(org, before.user.email);
      if (problem) throw fieldError("role", problem);
      if (!input.duration) throw fieldError("duration", "Choose how long their access lasts");
      expiresAt = expiryFor(input.duration);
    } else if (input.role !== "IMPLEMENTATION_ADMIN") {
      expiresAt = null;
    }

    // Programme-scoped roles work on at least one programme of this organisation.
    const scoped = PROGRAMME_SCOPED_ROLES.has(input.role);
    const programmeIds = scoped ? [...new Set(input.programmeIds)] : [];
    if (scoped) {
      if (programmeIds.length === 0) throw fieldError("programmeIds", `${capitalise(roleInSentence(input.role))} needs at least one programme`);
      const found = await tx.programme.count({ where: { id: { in: programmeIds } } });
      if (found !== programmeIds.length) throw fieldError("programmeIds", "Choose programmes from the list");
    }
    const programmesBefore = before.programmes.map((p) => p.programmeId).sort();
    const programmesChanged = programmesBefore.join() !== [...programmeIds].sort().join();
    if (programmesChanged) {
      await tx.programmeAssignment.deleteMany({ where: { membershipId: before.id } });
      if (programmeIds.length) {
        await tx.programmeAssignment.createMany({ data: programmeIds.map((programmeId) => ({ organizationId: actor.organizationId, programmeId, membershipId: before.id })) });
      }
    }

    // A unit change closes the current stay and opens the next.
    const unitChanged = input.unitId !== before.unitId;
    if (unitChanged) {
      if (input.unitId) {
        const unit = await tx.orgUnit.findFirst({ where: { id: input.unitId, archivedAt: null }, select: { id: true } });
        if (!unit) throw fieldError("unitId", "Choose a unit from the list");
      }
      const now = new Date();
      await tx.unitAssignment.updateMany({ where: { membershipId: before.id, endedAt: null }, data: { endedAt: now } });
      if (input.unitId) await tx.unitAssignment.create({ data: { organizationId: actor.organizationId, membershipId: before.id, unitId: input.unitId, startedAt: now } });
    }

    await tx.membership.updateMany({ where: { id: before.id }, data: { role: input.role, unitId: input.unitId, expiresAt } });
    // Before the person joins, the names are only what this organisation calls them: they change here
    // and nowhere else, and the account (which may be someone's elsewhere) is not touched. Once joined,
    // name and time zone are the person's own, on their global account: an organisation may set them
    // only while the account is theirs alone, otherwise the person keeps them up to date on their profile.
    const joined = before.joinedAt !== null;
    const timezone = joined ? (input.timezone ?? before.user.timezone) : null;
    const profileChanged = input.firstName !== before.user.firstName || input.lastName !== before.user.lastName || timezone !== before.user.timezone;
    if (profileChanged && !joined) {
      await tx.membership.updateMany({ where: { id: before.id }, data: { firstName: input.firstName, lastName: input.lastName } });
    } else if (profileChanged) {
      if ((await otherMemberships(tx, before.userId, actor.organizationId)) > 0) {
        throw fieldError("firstName", "This person also belongs to another organisation: only they can change their name and time zone, on their profile");
      }
      await tx.user.update({ where: { id: before.userId }, data: { firstName: input.firstName, lastName: input.lastName, timezone: timezone! } });
    }
    // A pending invitation carries the role it grants: keep it in step.
    if (roleChanged) await tx.invitation.updateMany({ where: { membershipId: before.id, acceptedAt: null, cancelledAt: null }, data: { role: input.role } });

    const after = { role: input.role, unitId: input.unitId, expiresAt, firstName: input.firstName, lastName: input.lastName, timezone, programmeIds };
    const was = {
      role: before.role,
      unitId: before.unitId,
      expiresAt: before.expiresAt,
      firstName: before.user.firstName,
      lastName: before.user.lastName,
      timezone: before.user.timezone,
      programmeIds: programmesBefore,
    };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(was[k]));
    if (changed.length) {
      const pick = (o: Record<string, unknown>) => JSON.parse(JSON.stringify(Object.fromEntries(changed.map((k) => [k, o[k]]))));
      await recordAudit(tx, actor, {
        action: roleChanged ? "member.role_change" : unitChanged ? "member.unit_change" : "member.update",
        targetType: "membership",
        targetId: before.id,
        before: pick(was),
        after: pick(after),
      });
    }
    return { changed };
  });
}

export type BulkOutcome = { membershipId: string; name: string; outcome: "done" | "skipped" | "refused"; reason?: string };
export type BulkResult = { applied: boolean; outcomes: BulkOutcome[] };

export type Planned = Awaited<ReturnType<typeof findForChange>>;

/** Thrown inside a step's transaction to roll it back and answer with these outcomes instead. */
class StepRefused extends Error {
  constructor(readonly result: BulkResult) {
    super("step refused");
  }
}

/** The message of an expected error, the field's own one for a field error. */
function reasonOf(error: ExpectedError): string {
  const fields = error instanceof ValidationError ? Object.values(error.fieldErrors).flat() : [];
  return fields[0] ?? error.message;
}

/**
 * Runs one operation of the membership state machine (membership-state.ts) over many members: every
 * member is checked first (exists, not yourself, hierarchy, what the machine allows from their state,
 * the step's own rules), then `seats` more seats are reserved for the whole step at once. If anything
 * is refused, before or while applying, nothing changes and the result names each member refused,
 * why and what to do instead. Single and bulk actions both come through here.
 */
export async function bulkStep(
  db: Db,
  actor: Actor,
  membershipIds: string[],
  step: {
    op: MembershipOp;
    check?: (m: Planned) => { skip: string } | { refuse: string } | null; // the step's own rules beyond the machine
    seatsNeeded: (ms: Planned[]) => number;
    after?: (tx: TenantTx, ms: Planned[]) => Promise<void>; // cross-member rules, e.g. the last owner
    apply: (tx: TenantTx, m: Planned) => Promise<void>;
  },
): Promise<BulkResult> {
  const refuse = (outcomes: BulkOutcome[], reason: string): BulkResult => ({
    applied: false,
    outcomes: outcomes.map((o) => (o.outcome === "done" ? { ...o, outcome: "refused" as const, reason } : o)),
  });
  try {
    return await tenantDb(db, actor.organizationId).$transaction(
      async (tx) => {
        await lockOrganization(tx, actor.organizationId);
        const ids = [...new Set(membershipIds)];
        const found = (await tx.membership.findMany({ where: { id: { in: ids } }, select: MEMBER })).map(seen);
        const byId = new Map(found.map((m) => [m.id, m]));
        const outcomes: BulkOutcome[] = [];
        const go: Planned[] = [];
        for (const id of ids) {
          const m = byId.get(id);
          if (!m) {
            outcomes.push({ membershipId: id, name: "Unknown user", outcome: "refused", reason: "Not found" });
            continue;
          }
          const name = displayName(m.user);
          const machine = stepFrom(m, step.op);
          const verdict =
            m.id === actor.membershipId
              ? { refuse: "You cannot do this to yourself: ask another admin" }
              : !canGrant(actor.role, m.role)
                ? { refuse: `You cannot change ${roleInSentence(m.role)}: ask ${m.role === "OWNER" ? "an owner" : "an owner or an admin"}` }
                : "to" in machine
                  ? (step.check?.(m) ?? null)
                  : machine;
          if (verdict && "skip" in verdict) outcomes.push({ membershipId: id, name, outcome: "skipped", reason: verdict.skip });
          else if (verdict) outcomes.push({ membershipId: id, name, outcome: "refused", reason: verdict.refuse });
          else {
            outcomes.push({ membershipId: id, name, outcome: "done" });
            go.push(m);
          }
        }
        const refused = outcomes.filter((o) => o.outcome === "refused").map((o) => o.name);
        if (refused.length) return refuse(outcomes, heldBy(refused));
        try {
          await step.after?.(tx, go);
          await reserveSeats(tx, actor.organizationId, step.seatsNeeded(go));
        } catch (error) {
          if (isExpectedError(error)) return refuse(outcomes, error.message);
          throw error;
        }
        for (const m of go) {
          try {
            await step.apply(tx, m);
          } catch (error) {
            if (!isExpectedError(error)) throw error;
            // Found only while applying (the invitation path checks again): undo the members before it.
            const name = displayName(m.user);
            const marked = outcomes.map((o) => (o.membershipId === m.id ? { ...o, outcome: "refused" as const, reason: reasonOf(error) } : o));
            throw new StepRefused(refuse(marked, heldBy([name])));
          }
        }
        return { applied: true, outcomes };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof StepRefused) return error.result;
    throw error;
  }
}

/** Why the members who could have gone ahead did not, and what to do about it. */
function heldBy(refused: string[]): string {
  const who = refused.length <= 3 ? refused.join(", ") : `${refused.slice(0, 3).join(", ")} and ${refused.length - 3} more`;
  const one = refused.length === 1;
  return `Not changed, because ${who} ${one ? "was" : "were"} refused: leave ${one ? "them" : "those"} out, or do what ${one ? "their line says" : "their lines say"}, then try again`;
}

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
      await tx.invitation.updateMany({ where: { membershipId: m.id, acceptedAt: null, cancelledAt: null }, data: { cancelledAt: new Date() } });
      if ((await otherMemberships(tx, m.userId, actor.organizationId, true)) === 0) await tx.user.update({ where: { id: m.userId }, data: { sessionVersion: { increment: 1 } } });
      await recordAudit(tx, actor, { action: "member.deactivate", targetType: "membership", targetId: m.id, before: { status: m.status }, after: { status: "DEACTIVATED" } });
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
      await recordAudit(tx, actor, { action: "member.reactivate", targetType: "membership", targetId: m.id, before: { status: "DEACTIVATED" }, after: { status: "ACTIVE" } });
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
      });
    },
  });
}
