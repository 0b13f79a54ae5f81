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
import { plural } from "@/lib/words";

const single = z.strictObject({ membershipId: idField() });

export const updateMemberAction = memberAction("users:manage", updateMemberSchema, async (actor, input) => {
  const { changed } = await updateMember(db(), actor, input);
  revalidatePath(`/[org]/users`, "layout");
  return { ok: true, message: changed.length ? "Changes saved." : "Nothing to change." };
});

/** One user's step from their page (membership-state.ts): the bulk step with one id, so the rules are the same. */
function one(run: typeof deactivateMembers, done: string) {
  return memberAction("users:manage", single, async (actor, { membershipId }) => {
    const result = await run(db(), actor, [membershipId]);
    const outcome = result.outcomes[0];
    if (outcome.outcome === "refused")
      return { ok: false, error: outcome.reason === "Not found" ? "Not found." : (outcome.reason ?? "Refused.") };
    revalidatePath(`/[org]/users`, "layout");
    return { ok: true, message: outcome.outcome === "skipped" ? `Nothing to do: ${outcome.reason?.toLowerCase()}.` : done };
  });
}

export const deactivateMemberAction = one(deactivateMembers, "Deactivated. Their sessions have ended.");
export const reactivateMemberAction = one(reactivateMembers, "Reactivated. We have emailed them a link to choose a new password.");
export const inviteMemberAction = one(inviteMembers, "Invited. We have emailed them a link to join.");
export const resendMemberInvitationAction = one(resendForMembers, "Sent the invitation again; the earlier link no longer works.");

export const bulkUsersAction = memberAction("users:manage", bulkSchema, async (actor, input) => {
  const result: BulkResult = await runBulk(db(), actor, input);
  revalidatePath(`/[org]/users`, "layout");
  const done = result.outcomes.filter((o) => o.outcome === "done").length;
  const verb = { deactivate: "Deactivated", reactivate: "Reactivated", resend: "Sent invitations again to", invite: "Invited" }[input.op];
  return result.applied
    ? { ok: true, data: result, message: `${verb} ${plural(done, "user")}.` }
    : { ok: true, data: result, message: "Nothing was changed: see why for each user below." };
});

/** An administrator (or a programme manager in scope) makes a coach someone's coach without asking them: audited. */
export const linkCoacheeAction = memberAction("coachees:link", linkCoacheeSchema, async (actor, input) => {
  await linkCoachee(db(), actor, input);
  revalidatePath(`/[org]/users`, "layout");
  return { ok: true, message: "Done: they are this coach's coachee now, and they and their other coaches have been told." };
});
