"use server";

import { refreshOrganisation } from "@/lib/actions/refresh";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { checkInvitations, inviteSchema } from "@/lib/invitations/check";
import { sendInvitations, type InviteResult } from "@/lib/invitations/send";
import { cancelInvitation, invitationIdSchema, resendAllPending, resendInvitation } from "@/lib/invitations/pending";
import { msg } from "@/lib/i18n/msg";

/** The Invite form: "Check" shows what would happen; "Send" does it, all or nothing. */
export const inviteAction = memberAction(
  "invitations:send",
  inviteSchema.extend({ intent: z.enum(["check", "send"]) }),
  async (actor, { intent, ...input }) => {
    if (intent === "check") {
      const checked = await checkInvitations(db(), actor, input);
      return { ok: true, data: { ...checked, sent: 0 } satisfies InviteResult, keep: true };
    }
    const result = await sendInvitations(db(), actor, input);
    if (result.sent > 0) refreshOrganisation();
    return {
      ok: true,
      data: result,
      // Nothing sent (each address refused): the addresses stay to correct.
      keep: result.sent === 0,
      message: result.sent > 0 ? msg("Invitations.server.sent", { mode: input.mode, count: result.sent }) : undefined,
    };
  },
);

export const resendInvitationAction = memberAction("invitations:send", invitationIdSchema, async (actor, { invitationId }) => {
  const invitation = await resendInvitation(db(), actor, invitationId);
  refreshOrganisation();
  return { ok: true, message: msg("Invitations.server.resent", { email: invitation.email }) };
});

export const resendAllAction = memberAction("invitations:send", z.strictObject({}), async (actor) => {
  const count = await resendAllPending(db(), actor);
  refreshOrganisation();
  return {
    ok: true,
    message: count ? msg("Invitations.server.resentAll", { count }) : msg("Invitations.server.nonePending"),
  };
});

export const cancelInvitationAction = memberAction("invitations:send", invitationIdSchema, async (actor, { invitationId }) => {
  await cancelInvitation(db(), actor, invitationId);
  refreshOrganisation();
  return { ok: true, message: msg("Invitations.server.cancelled") };
});
