"use server";

import { revalidatePath } from "next/cache";
import { msg } from "@/lib/i18n/msg";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import {
  addCoachee,
  addCoacheeSchema,
  coacheeIdSchema,
  editCoachee,
  editCoacheeSchema,
  inviteCoachee,
  resendCoacheeInvitation,
} from "@/lib/coachees/add-coachee";
import { requestIdSchema, withdrawRequest } from "@/lib/coaching/requests";
import {
  addToGroup,
  addToGroupSchema,
  createGroup,
  createGroupSchema,
  deleteGroup,
  groupIdSchema,
  updateGroup,
  updateGroupSchema,
} from "@/lib/coachees/groups";

const refresh = () => revalidatePath("/[org]/coachees", "layout");

// One answer whatever the address belongs to (lib/coachees/coachees.ts addCoacheeAnswer).
export const addCoacheeAction = memberAction("coachees:manage", addCoacheeSchema, async (actor, input) => {
  const { message } = await addCoachee(db(), actor, input);
  refresh();
  return { ok: true, message };
});

export const withdrawRequestAction = memberAction("coachees:manage", requestIdSchema, async (actor, { requestId }) => {
  const { name } = await withdrawRequest(db(), actor, requestId);
  refresh();
  return { ok: true, message: msg("Coachees.server.withdrew", { name }) };
});

export const inviteCoacheeAction = memberAction("coachees:manage", coacheeIdSchema, async (actor, { coacheeId }) => {
  await inviteCoachee(db(), actor, coacheeId);
  refresh();
  return { ok: true, message: msg("Coachees.server.invited") };
});

export const resendCoacheeInvitationAction = memberAction("coachees:manage", coacheeIdSchema, async (actor, { coacheeId }) => {
  await resendCoacheeInvitation(db(), actor, coacheeId);
  refresh();
  return { ok: true, message: msg("Coachees.server.reinvited") };
});

export const editCoacheeAction = memberAction("coachees:manage", editCoacheeSchema, async (actor, input) => {
  const { changed, reinvited } = await editCoachee(db(), actor, input);
  refresh();
  if (!changed.length) return { ok: true, message: msg("Coachees.server.nothingToChange") };
  return {
    ok: true,
    message: reinvited ? msg("Coachees.server.savedReinvited") : msg("Coachees.server.saved"),
  };
});

export const addToGroupAction = memberAction("coachees:manage", addToGroupSchema, async (actor, input) => {
  const { group, added } = await addToGroup(db(), actor, input);
  refresh();
  return { ok: true, message: added ? msg("Coachees.server.addedToGroup", { group }) : msg("Coachees.server.alreadyInGroup", { group }) };
});

export const createGroupAction = memberAction("coachees:manage", createGroupSchema, async (actor, input) => {
  await createGroup(db(), actor, input);
  refresh();
  return {
    ok: true,
    message: msg("Coachees.server.groupCreated", { name: input.name, count: input.coacheeIds.length }),
  };
});

export const updateGroupAction = memberAction("coachees:manage", updateGroupSchema, async (actor, input) => {
  await updateGroup(db(), actor, input);
  refresh();
  return { ok: true, message: msg("Coachees.server.groupSaved") };
});

export const deleteGroupAction = memberAction("coachees:manage", groupIdSchema, async (actor, { groupId }) => {
  const group = await deleteGroup(db(), actor, groupId);
  refresh();
  return { ok: true, message: msg("Coachees.server.groupDeleted", { name: group.name }) };
});
