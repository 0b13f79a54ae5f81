import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { recordActivity } from "../activity/record";
import { assertOpenAndLock } from "../sessions/access";
import { announceSession, refuseOverlap } from "../sessions/changes";
import { localMoment, sessionFields } from "../sessions/fields";
import { meetingLinkFor } from "../sessions/meeting-links";
import { pathwayInScope, uuid } from "./scope";

export const sessionSchema = z.strictObject({ pathwayId: uuid, ...sessionFields });

// Who works a pathway's sessions: "sessions:manage" within the pathway reach, so its programme
// managers and admins, and its primary coach (a coach reaches only the pathways they coach).

/** Schedules a coaching session at a local date and time in the pathway's time zone. */
export async function scheduleSession(db: Db, actor: Actor, input: z.infer<typeof sessionSchema>) {
  return tenantDb(db, actor.organizationId)
    .$transaction(async (tx) => {
      assertCan(actor.role, "sessions:manage");
      const pathway = await pathwayInScope(tx, actor, input.pathwayId);
      await assertOpenAndLock(tx, actor, pathway.id);
      const { timezone, coachMembershipId, membershipId } = await tx.pathway.findFirstOrThrow({
        where: { id: pathway.id },
        select: { timezone: true, coachMembershipId: true, membershipId: true },
      });
      const scheduledAt = localMoment(input.date, input.time, timezone);
      // The pathway form asks no place: the session's coach's meeting link is it.
      const location = await meetingLinkFor(tx, coachMembershipId, { ...input, scheduledAt });
      const session = await tx.coachingSession.create({
        data: {
          organizationId: actor.organizationId,
          pathwayId: pathway.id,
          coachMembershipId,
          coacheeMembershipId: membershipId,
          timezone,
          title: input.title,
          location,
          scheduledAt,
          durationMinutes: input.durationMinutes,
        },
      });
      await recordActivity(tx, actor.organizationId, {
        kind: "session.scheduled",
        coacheeMembershipId: membershipId,
        actorMembershipId: actor.membershipId,
        onlyCoachMembershipId: coachMembershipId,
        subjectId: session.id,
        data: { title: session.title, scheduledAt: scheduledAt.toISOString(), pathwayId: pathway.id },
      });
      await announceSession(tx, actor, session);
      return session;
    })
    .catch(refuseOverlap("time"));
}
