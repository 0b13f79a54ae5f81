"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { bulkSchema, runBulk } from "@/lib/users/bulk";
import { deactivateMembers, reactivateMembers } from "@/lib/users/activation";
import { updateMember, updateMemberSchema } from "@/lib/users/update-member";
import { type BulkResult } from "@/lib/users/bulk-step";
import { inviteMembers } from "@/lib/invitations/invite-members";
import { resendForMembers } from "@/lib/invitations/pending";
import { idField } from "@/lib/web/form-fields";
import { linkCoachee, linkCoacheeSchema } from "@/lib/coaching/requests";
import { msg } from "@/lib/i18n/msg";

const single = z.strictObject({ membershipId: idField() });

export const updateMemberAction = memberAction("users:manage", updateMemberSchema, async (actor, input) => {
  const { changed } = await updateMember(db(), actor, input);
  revalidatePath(`/[org]/users`, "layout");
  return { ok: true, message: changed.length ? msg("Users.server.saved") : msg("Users.server.nothingToChange") };
});

/** "Nothing to do: already active.": a skip reason of the state machine (Users.server.step.*), in the middle of a sentence. */
function nothingToDo(reason: string | undefined): string {
  const step = /^@Users\.server\.step\.(\w+)$/.exec(reason ?? "")?.[1];
  return step ? msg("Users.server.nothingToDo", { reason: step }) : (reason ?? msg("Users.server.refused"));
}

/** One user's step from their page (membership-state.ts): the bulk step with one id, so the rules are the same. */
function one(run: typeof deactivateMembers, done: string) {
  const NOT_FOUND = msg("Server.missing");
  return memberAction("users:manage", single, async (actor, { membershipId }) => {
    const result = await run(db(), actor, [membershipId]);
    const outcome = result.outcomes[0];
    if (outcome.outcome === "refused")
      return { ok: false, error: outcome.reason === NOT_FOUND ? msg("Server.notFound") : (outcome.reason ?? msg("Users.server.refused")) };
    revalidatePath(`/[org]/users`, "layout");
    return { ok: true, message: outcome.outcome === "skipped" ? nothingToDo(outcome.reason) : done };
  });
}

export const deactivateMemberAction = one(deactivateMembers, msg("Users.server.deactivatedOne"));
export const reactivateMemberAction = one(reactivateMembers, msg("Users.server.reactivatedOne"));
export const inviteMemberAction = one(inviteMembers, msg("Users.server.invitedOne"));
export const resendMemberInvitationAction = one(resendForMembers, msg("Users.server.resentOne"));

export const bulkUsersAction = memberAction("users:manage", bulkSchema, async (actor, input) => {
  const result: BulkResult = await runBulk(db(), actor, input);
  revalidatePath(`/[org]/users`, "layout");
  const done = result.outcomes.filter((o) => o.outcome === "done").length;
  return result.applied
    ? { ok: true, data: result, message: msg("Users.server.bulkDone", { op: input.op, count: done }) }
    : { ok: true, data: result, message: msg("Users.server.bulkNothingChanged") };
});

/** An administrator (or a programme manager in scope) makes a coach someone's coach without asking them: audited. */
export const linkCoacheeAction = memberAction("coachees:link", linkCoacheeSchema, async (actor, input) => {
  await linkCoachee(db(), actor, input);
  revalidatePath(`/[org]/users`, "layout");
  return { ok: true, message: msg("Users.server.linked") };
});
