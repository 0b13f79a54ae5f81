import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { Role } from "../db/generated/enums";
import { lockOrganization, tenantDb } from "../db/tenant";
import { otherMemberships } from "../db/cross-tenant";
import type { Actor } from "../authz/actor";
import { assertCan, assertCanChangeRole, canGrant, PROGRAMME_SCOPED_ROLES } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { fieldError, ForbiddenError } from "../errors";
import { expiryFor, IMPLEMENTATION_ADMIN_DURATIONS, implementationAdminProblem } from "./implementation-admins";
import { assertOwnersRemain, findForChange } from "./member-change";
import { profileSchema, someoneElsesName } from "./profile";
import { idField, idList, optionalId } from "../web/form-fields";
import { reserveSeats, takesSeat } from "./seats";

const uuid = idField();

export const updateMemberSchema = z.strictObject({
  membershipId: uuid,
  ...profileSchema.shape,
  ...someoneElsesName,
  // Someone who has not joined has no time zone here yet (they choose it when they accept): the form leaves it out.
  timezone: profileSchema.shape.timezone.optional(),
  unitId: optionalId(msg("Users.server.chooseUnit")),
  role: z.enum(Role, { error: msg("Users.server.chooseRole") }),
  programmeIds: idList(),
  duration: z.enum(IMPLEMENTATION_ADMIN_DURATIONS, { error: msg("Users.server.chooseDuration") }).optional(),
});
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;

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
      throw new ForbiddenError(
        before.role === "OWNER" ? msg("Users.server.onlyOwnerChangesOwner") : msg("Users.server.cannotChange", { role: before.role }),
      );
    }
    const roleChanged = input.role !== before.role;
    // Nobody changes their own role or extends their own access.
    if (before.id === actor.membershipId && input.duration) throw fieldError("duration", msg("Users.server.ownDuration"));
    if (roleChanged) {
      if (before.id === actor.membershipId) throw fieldError("role", msg("Users.server.ownRole"));
      assertCanChangeRole(actor.role, before.role, input.role);
      if (before.role === "OWNER") await assertOwnersRemain(tx, [before.id]);
      if (!takesSeat(before.role, before.status) && takesSeat(input.role, before.status)) await reserveSeats(tx, actor.organizationId, 1);
    }

    // Implementation admins: only when enabled, only from an allowed domain, for a chosen time.
    let expiresAt = before.expiresAt;
    if (input.role === "IMPLEMENTATION_ADMIN" && (roleChanged || input.duration)) {
      const org = await tx.organization.findFirstOrThrow({
        select: { implementationAdminsEnabled: true, implementationAdminDomains: true },
      });
      const problem = implementationAdminProblem(org, before.user.email);
      if (problem) throw fieldError("role", problem);
      if (!input.duration) throw fieldError("duration", msg("Users.server.chooseDuration"));
      expiresAt = expiryFor(input.duration);
    } else if (input.role !== "IMPLEMENTATION_ADMIN") {
      expiresAt = null;
    }

    // Programme-scoped roles work on at least one programme of this organisation.
    const scoped = PROGRAMME_SCOPED_ROLES.has(input.role);
    const programmeIds = scoped ? [...new Set(input.programmeIds)] : [];
    if (scoped) {
      if (programmeIds.length === 0) throw fieldError("programmeIds", msg("Users.server.needsProgramme", { role: input.role }));
      const found = await tx.programme.count({ where: { id: { in: programmeIds } } });
      if (found !== programmeIds.length) throw fieldError("programmeIds", msg("Users.server.chooseProgrammes"));
    }
    const programmesBefore = before.programmes.map((p) => p.programmeId).sort();
    const programmesChanged = programmesBefore.join() !== [...programmeIds].sort().join();
    if (programmesChanged) {
      await tx.programmeAssignment.deleteMany({ where: { membershipId: before.id } });
      if (programmeIds.length) {
        await tx.programmeAssignment.createMany({
          data: programmeIds.map((programmeId) => ({ organizationId: actor.organizationId, programmeId, membershipId: before.id })),
        });
      }
    }

    // A unit change closes the current stay and opens the next.
    const unitChanged = input.unitId !== before.unitId;
    if (unitChanged) {
      if (input.unitId) {
        const unit = await tx.orgUnit.findFirst({ where: { id: input.unitId, archivedAt: null }, select: { id: true } });
        if (!unit) throw fieldError("unitId", msg("Users.server.chooseUnit"));
      }
      const now = new Date();
      await tx.unitAssignment.updateMany({ where: { membershipId: before.id, endedAt: null }, data: { endedAt: now } });
      if (input.unitId)
        await tx.unitAssignment.create({
          data: { organizationId: actor.organizationId, membershipId: before.id, unitId: input.unitId, startedAt: now },
        });
    }

    await tx.membership.updateMany({ where: { id: before.id }, data: { role: input.role, unitId: input.unitId, expiresAt } });
    // Before the person joins, the names are only what this organisation calls them: they change here
    // and nowhere else, and the account (which may be someone's elsewhere) is not touched. Once joined,
    // name and time zone are the person's own, on their global account: an organisation may set them
    // only while the account is theirs alone, otherwise the person keeps them up to date on their profile.
    const joined = before.joinedAt !== null;
    const timezone = joined ? (input.timezone ?? before.user.timezone) : null;
    const profileChanged =
      input.firstName !== before.user.firstName || input.lastName !== before.user.lastName || timezone !== before.user.timezone;
    if (profileChanged && !joined) {
      await tx.membership.updateMany({ where: { id: before.id }, data: { firstName: input.firstName, lastName: input.lastName } });
    } else if (profileChanged) {
      if ((await otherMemberships(tx, before.userId, actor.organizationId)) > 0) {
        throw fieldError("firstName", msg("Users.server.otherOrganisation"));
      }
      await tx.user.update({
        where: { id: before.userId },
        data: { firstName: input.firstName, lastName: input.lastName, timezone: timezone! },
      });
    }
    // A pending invitation carries the role it grants: keep it in step.
    if (roleChanged)
      await tx.invitation.updateMany({
        where: { membershipId: before.id, acceptedAt: null, cancelledAt: null },
        data: { role: input.role },
      });

    const after = {
      role: input.role,
      unitId: input.unitId,
      expiresAt,
      firstName: input.firstName,
      lastName: input.lastName,
      timezone,
      programmeIds,
    };
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
        action: roleChanged ? "member.change_role" : unitChanged ? "member.change_unit" : "member.update",
        targetType: "membership",
        targetId: before.id,
        before: pick(was),
        after: pick(after),
      });
    }
    return { changed };
  });
}
