import { z } from "zod";
import type { Db } from "../db/client";
import type { SessionStatus } from "../db/generated/enums";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { ValidationError } from "../errors";
import { msg } from "../i18n/msg";
import { recordActivity } from "../activity/record";
import { NOT_STARTED_MESSAGE, SESSION_OUTCOMES } from "../pathways/session-outcomes";
import { idField } from "../web/form-fields";
import { lockSessionToWork } from "./access";
import { announceSession, cancelLocked, refuseOverlap, restoreLocked } from "./changes";

export const sessionStatusSchema = z.strictObject({
  sessionId: idField(),
  // A booking awaiting its coach is answered (lib/sessions/changes.ts answerBooking), never set by hand.
  status: z.enum(["SCHEDULED", "ATTENDED", "CANCELLED", "NO_SHOW"] satisfies SessionStatus[], {
    error: msg("Pathways.server.chooseStatus"),
  }),
});

/**
 * Marks a session attended, cancelled or no-show (or back to scheduled). A pathway's session is worked
 * by whoever reaches the pathway (its programme managers, admins, its primary coach); a session outside
 * any pathway only by its own coach, while the coachee is still theirs. Used sessions = attended ones,
 * so attended and no-show wait until the session has started, by the database's clock (the one clock
 * every server shares, and the one the pages read to decide which buttons to show); cancel any time.
 * Attended and no-show are written to the coachee's activity in the same transaction, once per change.
 */
export async function setSessionStatus(db: Db, actor: Actor, input: z.infer<typeof sessionStatusSchema>) {
  assertCan(actor.role, "sessions:manage");
  return tenantDb(db, actor.organizationId)
    .$transaction(async (tx) => {
      // The session's row is locked: two clicks of "Mark attended" change it (and write activity) once.
      const session = await lockSessionToWork(tx, actor, input.sessionId);
      if (SESSION_OUTCOMES.has(input.status) && !session.started) throw new ValidationError(NOT_STARTED_MESSAGE);
      if (session.status === input.status) return;
      // Into or out of cancelled, the two people's calendars follow (and a restored time may be taken).
      if (input.status === "CANCELLED") return cancelLocked(tx, actor, session, null);
      if (session.status === "CANCELLED" && input.status === "SCHEDULED") return restoreLocked(tx, actor, session);
      if (session.status === "REQUESTED" && input.status === "SCHEDULED") {
        await tx.coachingSession.updateMany({ where: { id: session.id }, data: { status: "SCHEDULED" } });
        return announceSession(tx, actor, session);
      }
      await tx.coachingSession.updateMany({ where: { id: session.id }, data: { status: input.status, countsAsUsed: false } });
      const common = {
        coacheeMembershipId: session.coacheeMembershipId,
        actorMembershipId: actor.membershipId,
        onlyCoachMembershipId: session.coachMembershipId,
        subjectId: session.id,
      };
      const scheduledAt = session.scheduledAt.toISOString();
      if (input.status === "ATTENDED") {
        await recordActivity(tx, actor.organizationId, {
          ...common,
          kind: "session.attended",
          data: { title: session.title, scheduledAt, durationMinutes: session.durationMinutes, pathwayId: session.pathwayId },
        });
      } else if (input.status === "NO_SHOW") {
        await recordActivity(tx, actor.organizationId, { ...common, kind: "session.no_show", data: { title: session.title, scheduledAt } });
      }
    })
    .catch(refuseOverlap(null));
}
