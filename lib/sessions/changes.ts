import { z } from "zod";
import type { Db } from "../db/client";
import { isExclusionViolation } from "../db/errors";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { fieldError, NotFoundError, ValidationError } from "../errors";
import type { SessionStatus } from "../db/generated/enums";
import { msg } from "../i18n/msg";
import { recordActivity } from "../activity/record";
import { notify } from "../notifications/notify";
import { CONTROL_CHARACTERS, idField, isId, timeZoneSchema } from "../web/form-fields";
import { assertOpenAndLock, lockSessionToWork } from "./access";
import { availabilityOf } from "./availability";
import { OPEN_STATUSES } from "./open";
import { localMoment, sessionFields, sessionLocation } from "./fields";
import { queueSessionInvitations } from "./invitations";

// Changing a session after it is made: its details and time, or cancelling it. Each change raises the
// session's SEQUENCE, tells the other person (in the app, lib/notifications) and reaches both people's
// calendars (lib/sessions/invitations.ts), all in the change's transaction. Only a session still
// scheduled changes this way; its outcome (attended, no-show) is lib/pathways/sessions.ts setSessionStatus.

export const OVERLAP_CONSTRAINT = "CoachingSession_coach_never_overlaps";
export const CANCEL_REASON_MAX = 500;

/**
 * The database's refusal of a session that would overlap another of its coach's (an exclusion
 * constraint, so it holds under any number of concurrent bookings) as a message at `field`, or above
 * the form when it has no time field.
 */
export function refuseOverlap(field: string | null) {
  return (error: unknown): never => {
    if (!isExclusionViolation(error, OVERLAP_CONSTRAINT)) throw error;
    const message = msg("Sessions.server.overlap");
    throw field ? fieldError(field, message) : new ValidationError(message);
  };
}

export const editSessionSchema = z.strictObject({
  sessionId: idField(),
  ...sessionFields,
  timezone: timeZoneSchema,
  location: sessionLocation,
});
export type EditSessionInput = z.infer<typeof editSessionSchema>;

export const cancelSessionSchema = z.strictObject({
  sessionId: idField(),
  reason: z
    .string()
    .trim()
    .max(CANCEL_REASON_MAX, msg("Coachees.server.atMost", { max: CANCEL_REASON_MAX }))
    .refine((s) => !CONTROL_CHARACTERS.test(s), msg("Sessions.server.reasonControl"))
    .default(""),
});
export type CancelSessionInput = z.infer<typeof cancelSessionSchema>;

type Locked = Awaited<ReturnType<typeof lockSessionToWork>>;
/** What a cancellation needs of a locked session. */
type Cancellable = Pick<Locked, "id" | "coachMembershipId" | "coacheeMembershipId" | "title" | "scheduledAt">;

function assertScheduled(session: Locked) {
  if (session.status !== "SCHEDULED") throw new ValidationError(msg("Sessions.server.notScheduled"));
}

/** Tells the session's other person (its coachee, its coach, never the actor) in the app. */
function tell(tx: TenantTx, actor: Actor, session: Cancellable, kind: "session.scheduled" | "session.cancelled", title: string) {
  return notify(tx, actor.organizationId, {
    kind,
    coacheeMembershipId: session.coacheeMembershipId,
    subjectId: session.id,
    actorMembershipId: actor.membershipId,
    data: { title, coachMembershipId: session.coachMembershipId },
  });
}

/** Changes a scheduled session's title, time, length, zone or place; a move is the other person's news. */
export async function editSession(db: Db, actor: Actor, input: EditSessionInput): Promise<{ changed: boolean }> {
  assertCan(actor.role, "sessions:manage");
  return tenantDb(db, actor.organizationId)
    .$transaction(async (tx) => {
      const session = await lockSessionToWork(tx, actor, input.sessionId);
      assertScheduled(session);
      const scheduledAt = localMoment(input.date, input.time, input.timezone);
      const moved = scheduledAt.getTime() !== session.scheduledAt.getTime() || input.durationMinutes !== session.durationMinutes;
      const changed = moved || input.title !== session.title || input.location !== session.location || input.timezone !== session.timezone;
      if (!changed) return { changed: false };
      await tx.coachingSession.updateMany({
        where: { id: session.id },
        data: {
          title: input.title,
          scheduledAt,
          durationMinutes: input.durationMinutes,
          timezone: input.timezone,
          location: input.location,
          sequence: { increment: 1 },
        },
      });
      if (moved)
        await recordActivity(tx, actor.organizationId, {
          kind: "session.moved",
          coacheeMembershipId: session.coacheeMembershipId,
          actorMembershipId: actor.membershipId,
          onlyCoachMembershipId: session.coachMembershipId,
          subjectId: session.id,
          data: { title: input.title, scheduledAt: scheduledAt.toISOString(), from: session.scheduledAt.toISOString() },
        });
      await notify(tx, actor.organizationId, {
        kind: "session.changed",
        coacheeMembershipId: session.coacheeMembershipId,
        subjectId: session.id,
        actorMembershipId: actor.membershipId,
        data: { title: input.title, coachMembershipId: session.coachMembershipId, moved },
      });
      await queueSessionInvitations(tx, actor.organizationId, session.id, "changed");
      return { changed: true };
    })
    .catch(refuseOverlap("time"));
}

/** Cancels a scheduled session, with the reason the other person is told when one is given. */
export async function cancelSession(db: Db, actor: Actor, input: CancelSessionInput): Promise<void> {
  assertCan(actor.role, "sessions:manage");
  await tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const session = await lockSessionToWork(tx, actor, input.sessionId);
    assertScheduled(session);
    await cancelLocked(tx, actor, session, input.reason || null);
  });
}

/** Cancels a session already locked by lockSessionToWork (a cancellation here or by its status). */
export async function cancelLocked(tx: TenantTx, actor: Actor, session: Cancellable, reason: string | null, countsAsUsed = false) {
  await tx.coachingSession.updateMany({
    where: { id: session.id },
    data: { status: "CANCELLED", cancelReason: reason, countsAsUsed, sequence: { increment: 1 } },
  });
  await recordActivity(tx, actor.organizationId, {
    kind: "session.cancelled",
    coacheeMembershipId: session.coacheeMembershipId,
    actorMembershipId: actor.membershipId,
    onlyCoachMembershipId: session.coachMembershipId,
    subjectId: session.id,
    data: { title: session.title, scheduledAt: session.scheduledAt.toISOString() },
  });
  await tell(tx, actor, session, "session.cancelled", session.title);
  await queueSessionInvitations(tx, actor.organizationId, session.id, "cancelled");
}

/** A cancelled session scheduled again (its status set back): a new invitation with a higher SEQUENCE. */
export async function restoreLocked(tx: TenantTx, actor: Actor, session: Locked) {
  await tx.coachingSession.updateMany({
    where: { id: session.id },
    data: { status: "SCHEDULED", cancelReason: null, countsAsUsed: false, sequence: { increment: 1 } },
  });
  await tell(tx, actor, session, "session.scheduled", session.title);
  await queueSessionInvitations(tx, actor.organizationId, session.id, "scheduled");
}

/** A new session's news: the other person is told, and both people's calendars get it. */
export async function announceSession(
  tx: TenantTx,
  actor: Actor,
  session: { id: string; title: string; coachMembershipId: string; coacheeMembershipId: string },
) {
  await notify(tx, actor.organizationId, {
    kind: "session.scheduled",
    coacheeMembershipId: session.coacheeMembershipId,
    subjectId: session.id,
    actorMembershipId: actor.membershipId,
    data: { title: session.title, coachMembershipId: session.coachMembershipId },
  });
  await queueSessionInvitations(tx, actor.organizationId, session.id, "scheduled");
}

export const answerBookingSchema = z.strictObject({
  sessionId: idField(),
  answer: z.enum(["approve", "decline"], { error: msg("Sessions.server.notRequested") }),
});
export type AnswerBookingInput = z.infer<typeof answerBookingSchema>;

/** The coach's answer to a booking awaiting it: approved, it is scheduled and both calendars get it; declined, it is cancelled. */
export async function answerBooking(db: Db, actor: Actor, input: AnswerBookingInput): Promise<void> {
  assertCan(actor.role, "sessions:manage");
  await tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const session = await lockSessionToWork(tx, actor, input.sessionId);
    if (session.status !== "REQUESTED") throw new ValidationError(msg("Sessions.server.notRequested"));
    if (input.answer === "decline") return cancelLocked(tx, actor, session, null);
    await tx.coachingSession.updateMany({ where: { id: session.id }, data: { status: "SCHEDULED" } });
    await announceSession(tx, actor, session);
  });
}

/** The cancellation window of a coach who has not set one: a day. */
export const DEFAULT_CANCEL_WINDOW_HOURS = 24;

/**
 * The participant cancels one of their own sessions still to come. Inside the coach's cancellation
 * window it is late; a late cancellation on a pathway whose programme says so counts as a used session
 * (USED_SESSION). The coach is told, both calendars follow.
 */
export async function cancelMySession(db: Db, actor: Actor, input: CancelSessionInput): Promise<{ late: boolean; countsAsUsed: boolean }> {
  assertCan(actor.role, "portal:use");
  if (!isId(input.sessionId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const mine = await tx.coachingSession.findFirst({
      where: { id: input.sessionId, coacheeMembershipId: actor.membershipId },
      select: {
        id: true,
        pathwayId: true,
        coachMembershipId: true,
        coacheeMembershipId: true,
        pathway: { select: { programme: { select: { lateCancellationCounts: true } } } },
      },
    });
    if (!mine) throw new NotFoundError();
    if (mine.pathwayId) await assertOpenAndLock(tx, actor, mine.pathwayId);
    const [row] = await tx.$queryRaw<{ status: string; title: string; scheduledAt: Date; hoursLeft: number }[]>`
      SELECT "status", "title", "scheduledAt", EXTRACT(EPOCH FROM ("scheduledAt" - now())) / 3600 AS "hoursLeft"
        FROM "CoachingSession" WHERE "organizationId" = ${actor.organizationId}::uuid AND "id" = ${mine.id}::uuid FOR UPDATE`;
    if (!row || !OPEN_STATUSES.includes(row.status as SessionStatus) || Number(row.hoursLeft) <= 0)
      throw new ValidationError(msg("Sessions.server.notScheduled"));
    const window = (await availabilityOf(tx, mine.coachMembershipId))?.cancelWindowHours ?? DEFAULT_CANCEL_WINDOW_HOURS;
    const late = Number(row.hoursLeft) < window;
    const countsAsUsed = late && (mine.pathway?.programme.lateCancellationCounts ?? false);
    await cancelLocked(tx, actor, { ...mine, title: row.title, scheduledAt: row.scheduledAt }, input.reason || null, countsAsUsed);
    return { late, countsAsUsed };
  });
}
