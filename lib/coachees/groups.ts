import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { fieldError, NotFoundError } from "../errors";
import { isUniqueViolation } from "../db/errors";
import { idField, idList, isId, NAME_MAX, nameField } from "../web/form-fields";
import { coacheeOfCoach } from "../coaching/relationship";

// A coach's coachee groups: theirs alone (another coach's group answers "not found"), named uniquely
// per coach, holding only the coach's own coachees (CoacheeGroupMember's foreign key to the
// relationship says so too). Deleting a group removes its member rows, never a coachee.

const MAX_MEMBERS = 2_000;
export const DESCRIPTION_MAX = 500;

const groupFields = {
  name: nameField({ label: "the group's name", max: NAME_MAX }),
  description: z
    .string()
    .trim()
    .max(DESCRIPTION_MAX, msg("Coachees.server.atMost", { max: DESCRIPTION_MAX }))
    .default(""),
  coacheeIds: idList(msg("Coachees.server.chooseCoachees"), MAX_MEMBERS),
};

export const createGroupSchema = z.strictObject(groupFields);
export type CreateGroupInput = z.infer<typeof createGroupSchema>;
export const updateGroupSchema = z.strictObject({ groupId: idField(), ...groupFields });
export type UpdateGroupInput = z.infer<typeof updateGroupSchema>;
export const groupIdSchema = z.strictObject({ groupId: idField() });
export const addToGroupSchema = z.strictObject({ groupId: idField(msg("Coachees.server.chooseGroup")), coacheeId: idField() });

async function ownGroup(tx: TenantTx, actor: Actor, groupId: string) {
  if (!isId(groupId)) throw new NotFoundError();
  const group = await tx.coacheeGroup.findFirst({
    where: { id: groupId, coachMembershipId: actor.membershipId },
    select: { id: true, name: true, description: true },
  });
  if (!group) throw new NotFoundError();
  return group;
}

/** Every id must be one of the coach's coachees; a stranger's id is refused as "choose from the list". */
async function ownCoachees(tx: TenantTx, actor: Actor, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await tx.coachingRelationship.count({
    where: { coachMembershipId: actor.membershipId, coacheeMembershipId: { in: unique } },
  });
  if (found !== unique.length) throw fieldError("coacheeIds", msg("Coachees.server.chooseCoachees"));
  return unique;
}

async function assertNameFree(tx: TenantTx, actor: Actor, name: string, except?: string) {
  const clash = await tx.coacheeGroup.findFirst({
    where: {
      coachMembershipId: actor.membershipId,
      name: { equals: name, mode: "insensitive" },
      ...(except ? { NOT: { id: except } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw fieldError("name", NAME_TAKEN);
}

const NAME_TAKEN = msg("Coachees.server.nameTaken");

/** Two saves of one name at the same moment both pass the check; the unique index refuses the second, with the same message. */
async function nameTakenAsFieldError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("name", NAME_TAKEN);
    throw error;
  }
}

/** Puts the coach's coachees in one of their groups; those already in it stay as they are. */
function addMembers(tx: TenantTx, actor: Actor, groupId: string, coacheeMembershipIds: string[]) {
  return tx.coacheeGroupMember.createMany({
    data: coacheeMembershipIds.map((coacheeMembershipId) => ({
      organizationId: actor.organizationId,
      groupId,
      coachMembershipId: actor.membershipId,
      coacheeMembershipId,
    })),
    skipDuplicates: true,
  });
}

export async function createGroup(db: Db, actor: Actor, input: CreateGroupInput) {
  assertCan(actor.role, "coachees:manage");
  return nameTakenAsFieldError(
    tenantDb(db, actor.organizationId).$transaction(async (tx) => {
      await assertNameFree(tx, actor, input.name);
      const members = await ownCoachees(tx, actor, input.coacheeIds);
      const group = await tx.coacheeGroup.create({
        data: {
          organizationId: actor.organizationId,
          coachMembershipId: actor.membershipId,
          name: input.name,
          description: input.description,
        },
        select: { id: true },
      });
      await addMembers(tx, actor, group.id, members);
      return group;
    }),
  );
}

/** Name, description and the whole member list (as the edit form's checkboxes send it). */
export async function updateGroup(db: Db, actor: Actor, input: UpdateGroupInput) {
  assertCan(actor.role, "coachees:manage");
  return nameTakenAsFieldError(
    tenantDb(db, actor.organizationId).$transaction(async (tx) => {
      const group = await ownGroup(tx, actor, input.groupId);
      await assertNameFree(tx, actor, input.name, group.id);
      const members = await ownCoachees(tx, actor, input.coacheeIds);
      await tx.coacheeGroup.updateMany({ where: { id: group.id }, data: { name: input.name, description: input.description } });
      await tx.coacheeGroupMember.deleteMany({ where: { groupId: group.id, coacheeMembershipId: { notIn: members } } });
      await addMembers(tx, actor, group.id, members);
    }),
  );
}

/** Deletes the group; its coachees stay the coach's coachees. */
export async function deleteGroup(db: Db, actor: Actor, groupId: string) {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const group = await ownGroup(tx, actor, groupId);
    await tx.coacheeGroupMember.deleteMany({ where: { groupId: group.id } });
    await tx.coacheeGroup.deleteMany({ where: { id: group.id } });
    return group;
  });
}

/** The coach's groups by name, with how many coachees each holds. */
export async function listGroups(db: Db, actor: Actor) {
  assertCan(actor.role, "coachees:manage");
  const t = tenantDb(db, actor.organizationId);
  const groups = await t.coacheeGroup.findMany({
    where: { coachMembershipId: actor.membershipId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, description: true, _count: { select: { members: true } } },
  });
  return groups.map(({ _count, ...g }) => ({ ...g, members: _count.members }));
}

/** One group with its members' ids, for the edit form. */
export async function getGroup(db: Db, actor: Actor, groupId: string) {
  assertCan(actor.role, "coachees:manage");
  const t = tenantDb(db, actor.organizationId);
  const group = await ownGroup(t, actor, groupId);
  const members = await t.coacheeGroupMember.findMany({ where: { groupId: group.id }, select: { coacheeMembershipId: true } });
  return { ...group, coacheeIds: members.map((m) => m.coacheeMembershipId) };
}

/** A row's Options: puts one coachee in one of the coach's groups (already there: nothing changes). */
export async function addToGroup(db: Db, actor: Actor, input: { groupId: string; coacheeId: string }) {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const coachee = await coacheeOfCoach(tx, actor, input.coacheeId);
    const group = await ownGroup(tx, actor, input.groupId);
    const added = await addMembers(tx, actor, group.id, [coachee.id]);
    return { group: group.name, added: added.count === 1 };
  });
}
