import type { Db } from "../db/client";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { ValidationError } from "../errors";
import { takesSeat } from "../users/seats";
import { bulkStep, type BulkResult } from "../users/bulk-step";
import { sendInvitationsIn } from "./send";

/**
 * Invites members who have a membership here but no way in: added earlier and never invited, or
 * deactivated before they joined. Each goes through the invitation path itself (sendInvitationsIn:
 * its checks, seat reservation, token, email and audit) with the role, programmes and unit they
 * already have and the organisation's default message; the membership moves to INVITED.
 */
export async function inviteMembers(db: Db, actor: Actor, membershipIds: string[]): Promise<BulkResult> {
  assertCan(actor.role, "users:manage");
  assertCan(actor.role, "invitations:send");
  return bulkStep(db, actor, membershipIds, {
    op: "invite",
    seatsNeeded: (ms) => ms.filter((m) => takesSeat(m.role, "INVITED")).length,
    apply: async (tx, m) => {
      const org = await tx.organization.findFirstOrThrow({ select: { defaultInvitationMessage: true } });
      const sent = await sendInvitationsIn(tx, actor, {
        emails: m.user.email,
        role: m.role,
        programmeIds: m.programmes.map((p) => p.programmeId),
        unitId: m.unitId,
        // An implementation admin's access runs for the invite form's default from the day they are
        // invited again; it can be changed on their page.
        duration: m.role === "IMPLEMENTATION_ADMIN" ? "3" : undefined,
        message: org.defaultInvitationMessage,
        mode: "invite",
      });
      // The invitation path checks again under the lock: its answer for this address is the reason.
      if (sent.refusal) throw new ValidationError(sent.addresses.find((a) => !a.ok)?.message ?? sent.refusal);
    },
  });
}
