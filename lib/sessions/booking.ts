import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { NotFoundError, ValidationError } from "../errors";
import { msg } from "../i18n/msg";
import { recordActivity } from "../activity/record";
import { coachOfCoachee } from "../coaching/relationship";
import { isoDate } from "../format/dates";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { idField, isoDayField, nameField, optionalId } from "../web/form-fields";
import { assertOpenAndLock } from "./access";
import { availabilityOf, busyTimes, freeStarts, nextDay as nextDayOf } from "./availability";
import { announceSession, refuseOverlap } from "./changes";
import { notify } from "../notifications/notify";
import { meetingLinkFor } from "./meeting-links";
import { OPEN_STATUSES, USED_SESSION } from "./open";

// A participant books a free slot with one of their coaches, in the coach's published availability
// (lib/sessions/availability.ts). On a pathway a booking draws from its allotment: the programme's
// included sessions less those attended or booked. Bookings of one coach take turns on the coach's
// availability row, so the buffer and the daily maximum hold under concurrency; and the database's
// exclusion constraint is the last wall: a coach's sessions never overlap, however they were made.

/** Slots are listed a week at a time. */
export const SLOT_DAYS = 7;

export const slotsQuerySchema = z.object({
  coach: idField().optional().catch(undefined),
  length: z.coerce.number().int().optional().catch(undefined),
  from: isoDayField().optional().catch(undefined),
  pathway: idField().optional().catch(undefined),
});
export type SlotsQuery = z.infer<typeof slotsQuerySchema>;

export const bookingSchema = z.strictObject({
  coachMembershipId: idField(),
  start: z.iso.datetime({ error: msg("Booking.server.slotGone") }),
  length: z.coerce.number({ error: msg("Booking.server.slotGone") }).int(),
  pathwayId: optionalId(msg("Booking.server.choosePathway")),
  title: nameField({ label: "a title", max: 120 }),
});
export type BookingInput = z.infer<typeof bookingSchema>;

/** The participant's active pathways with this coach, each with the sessions it has left to book. */
async function pathwaysWith(tx: TenantTx, actor: Actor, coachMembershipId: string) {
  const pathways = await tx.pathway.findMany({
    where: { membershipId: actor.membershipId, coachMembershipId, status: "ACTIVE" },
    orderBy: { startDate: "desc" },
    select: { id: true, programme: { select: { name: true, sessionsIncluded: true } }, cohort: { select: { name: true } } },
  });
  const taken = await tx.coachingSession.groupBy({
    by: ["pathwayId"],
    where: { pathwayId: { in: pathways.map((p) => p.id) }, OR: [{ status: { in: OPEN_STATUSES } }, ...USED_SESSION.OR] },
    _count: { _all: true },
  });
  const used = new Map(taken.map((t) => [t.pathwayId, t._count._all]));
  return pathways.map((p) => ({
    id: p.id,
    label: `${p.programme.name} › ${p.cohort.name}`,
    left: Math.max(0, p.programme.sessionsIncluded - (used.get(p.id) ?? 0)),
  }));
}

/**
 * What the booking page shows the participant: their coaches who take bookings; for the chosen one, the
 * lengths offered, their pathways with them (with what is left), and a week of free slots from `from`.
 */
export async function bookingOptions(db: Db, actor: Actor, query: SlotsQuery, now: Date = new Date()) {
  assertCan(actor.role, "portal:use");
  const t = tenantDb(db, actor.organizationId);
  const relationships = await t.coachingRelationship.findMany({
    where: { coacheeMembershipId: actor.membershipId, coach: { status: "ACTIVE", availability: { isNot: null } } },
    select: { coach: { select: { id: true, ...PERSON } } },
    take: 100,
  });
  const coaches = relationships.map((r) => ({ id: r.coach.id, name: displayName(seen(r.coach).user) }));
  const coach = coaches.find((c) => c.id === query.coach) ?? coaches[0];
  if (!coach) return { coaches, chosen: null };
  const availability = (await availabilityOf(t, coach.id))!;
  const length = availability.lengths.includes(query.length ?? -1) ? query.length! : availability.lengths[0];
  const busy = await busyTimes(
    t,
    coach.id,
    now,
    new Date(now.getTime() + (availability.horizonDays + 1) * 86_400_000),
    availability.timezone,
  );
  const firstDay = query.from ?? isoDate(now, availability.timezone);
  const lastDay = isoDate(new Date(Date.parse(`${firstDay}T12:00:00Z`) + (SLOT_DAYS - 1) * 86_400_000), availability.timezone);
  const shown = freeStarts(availability, length, busy, now, { fromDay: firstDay, toDay: lastDay });
  // Whether there is anything after this week, and from which day: the first free start past it.
  const [later] = freeStarts(availability, length, busy, now, { fromDay: nextDayOf(lastDay), limit: 1 });
  const pathways = await pathwaysWith(t, actor, coach.id);
  return {
    coaches,
    chosen: {
      coach,
      lengths: availability.lengths,
      length,
      zone: availability.timezone,
      pathways,
      pathway: pathways.find((p) => p.id === query.pathway) ?? null,
      slots: shown,
      from: firstDay,
      next: later ? isoDate(later, availability.timezone) : null,
    },
  };
}

/**
 * Books one free slot with one of the participant's coaches: the coach is told and both calendars get it,
 * or, when the coach answers each booking first, the coach is asked (lib/sessions/changes.ts answerBooking).
 */
export async function bookSession(db: Db, actor: Actor, input: BookingInput, now: Date = new Date()) {
  assertCan(actor.role, "portal:use");
  return tenantDb(db, actor.organizationId)
    .$transaction(async (tx) => {
      const coach = await coachOfCoachee(tx, actor, input.coachMembershipId);
      if (coach.status !== "ACTIVE") throw new NotFoundError();
      // Bookings of one coach take turns here: the buffer and the daily maximum then hold under concurrency.
      const [locked] = await tx.$queryRaw<{ ok: number }[]>`
        SELECT 1 AS ok FROM "CoachAvailability"
         WHERE "organizationId" = ${actor.organizationId}::uuid AND "membershipId" = ${coach.id}::uuid FOR UPDATE`;
      const availability = locked ? await availabilityOf(tx, coach.id) : null;
      if (!availability) throw new NotFoundError();
      if (!availability.lengths.includes(input.length)) throw new ValidationError(msg("Booking.server.slotGone"));
      const start = new Date(input.start);
      const around = (days: number) => new Date(start.getTime() + days * 86_400_000);
      const busy = await busyTimes(tx, coach.id, around(-2), around(2), availability.timezone);
      const day = isoDate(start, availability.timezone);
      const free = freeStarts(availability, input.length, busy, now, { fromDay: day, toDay: day });
      if (!free.some((s) => s.getTime() === start.getTime())) throw new ValidationError(msg("Booking.server.slotGone"));
      const pathwayId = input.pathwayId ? await drawFromPathway(tx, actor, coach.id, input.pathwayId) : null;
      const me = await tx.membership.findFirstOrThrow({ where: { id: actor.membershipId }, select: { timezone: true } });
      const session = await tx.coachingSession.create({
        data: {
          organizationId: actor.organizationId,
          pathwayId,
          coachMembershipId: coach.id,
          coacheeMembershipId: actor.membershipId,
          title: input.title,
          scheduledAt: start,
          durationMinutes: input.length,
          timezone: me.timezone ?? availability.timezone,
          status: availability.needsApproval ? "REQUESTED" : "SCHEDULED",
          // The coach's meeting room, as for every session they schedule without a place.
          location: await meetingLinkFor(tx, coach.id, { title: input.title, scheduledAt: start, durationMinutes: input.length }),
        },
      });
      await recordActivity(tx, actor.organizationId, {
        kind: "session.scheduled",
        coacheeMembershipId: actor.membershipId,
        actorMembershipId: actor.membershipId,
        onlyCoachMembershipId: coach.id,
        subjectId: session.id,
        data: { title: session.title, scheduledAt: start.toISOString(), pathwayId },
      });
      // A coach who answers each booking first is asked; the calendars get it once they say yes.
      if (session.status === "REQUESTED")
        await notify(tx, actor.organizationId, {
          kind: "session.requested",
          coacheeMembershipId: actor.membershipId,
          subjectId: session.id,
          actorMembershipId: actor.membershipId,
          data: { title: session.title, coachMembershipId: coach.id },
        });
      else await announceSession(tx, actor, session);
      return session;
    })
    .catch(refuseOverlap(null));
}

/** The pathway a booking counts against, locked; refused when it is not theirs with this coach, or has none left. */
async function drawFromPathway(tx: TenantTx, actor: Actor, coachMembershipId: string, pathwayId: string) {
  const mine = await tx.pathway.findFirst({
    where: { id: pathwayId, membershipId: actor.membershipId, coachMembershipId, status: "ACTIVE" },
    select: { id: true },
  });
  if (!mine) throw new ValidationError(msg("Booking.server.choosePathway"));
  await assertOpenAndLock(tx, actor, mine.id);
  const left = (await pathwaysWith(tx, actor, coachMembershipId)).find((p) => p.id === mine.id)?.left ?? 0;
  if (left <= 0) throw new ValidationError(msg("Booking.server.noneLeft"));
  return mine.id;
}
