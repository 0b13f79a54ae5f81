import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { fieldError } from "../errors";
import { recordActivity } from "../activity/record";
import { assertOpenAndLock } from "../sessions/access";
import { announceSession, refuseOverlap } from "../sessions/changes";
import { localMoment, sessionFields, sessionLocation as location } from "../sessions/fields";
import { CALENDAR_SESSION } from "../sessions/ical";
import { OPEN_STATUSES } from "../sessions/open";
import { meetingLinkFor } from "../sessions/meeting-links";
import { pageWindow } from "../web/pagination";
import { idField, optionalId, timeZoneSchema } from "../web/form-fields";
import { coacheeOfCoach } from "../coaching/relationship";

// A coach's sessions with one coachee: appointments whether or not the coachee is on a pathway. On a
// pathway (one the coach is primary coach of, still active) a session counts against its allotment
// exactly like one scheduled from the pathway page: attended sessions are the used ones. Status
// changes go through lib/pathways/sessions.ts setSessionStatus, the one place they are decided.

const pathwayChoice = optionalId(msg("Coachees.server.choosePathway"));

export const appointmentSchema = z.strictObject({
  coacheeMembershipId: idField(),
  ...sessionFields,
  timezone: timeZoneSchema,
  location,
  pathwayId: pathwayChoice,
});
export type AppointmentInput = z.infer<typeof appointmentSchema>;

export const startSessionSchema = z.strictObject({
  coacheeMembershipId: idField(),
  title: sessionFields.title,
  durationMinutes: sessionFields.durationMinutes,
  location,
  pathwayId: pathwayChoice,
});
export type StartSessionInput = z.infer<typeof startSessionSchema>;

export const SESSION_LOG_PAGE_SIZE = 20;
/** Upcoming appointments shown at once; more than this many open ones is a backlog to clear first. */
export const OPEN_SESSIONS_SHOWN = 50;

/** The pathways a session with this coachee may count against: theirs, active, coached by the actor. */
function coachedPathways(tx: TenantTx, actor: Actor, coacheeMembershipId: string) {
  return tx.pathway.findMany({
    where: { membershipId: coacheeMembershipId, coachMembershipId: actor.membershipId, status: "ACTIVE" },
    orderBy: { startDate: "desc" },
    select: { id: true, timezone: true, programme: { select: { name: true } }, cohort: { select: { name: true } } },
  });
}

/** The chosen pathway, locked until the transaction ends (as every session change on a pathway is), or a field error. */
async function chosenPathway(tx: TenantTx, actor: Actor, coacheeMembershipId: string, pathwayId: string | null) {
  if (!pathwayId) return null;
  const pathway = await tx.pathway.findFirst({
    where: { id: pathwayId, membershipId: coacheeMembershipId, coachMembershipId: actor.membershipId },
    select: { id: true },
  });
  if (!pathway) throw fieldError("pathwayId", msg("Coachees.server.choosePathway"));
  await assertOpenAndLock(tx, actor, pathway.id);
  return pathway.id;
}

/** The time zone a session with this coachee is entered in unless the coach picks another: the coachee's, else the coach's own. */
async function defaultZone(tx: TenantTx, actor: Actor, coacheeZone: string | null) {
  if (coacheeZone) return coacheeZone;
  const coach = await tx.membership.findFirst({ where: { id: actor.membershipId }, select: { timezone: true } });
  return coach?.timezone ?? "UTC";
}

/** What the appointment and "start now" forms need: the coachee, the zone to start from, the pathways to count against. */
export async function sessionFormContext(db: Db, actor: Actor, coacheeMembershipId: string) {
  assertCan(actor.role, "coachees:manage");
  const t = tenantDb(db, actor.organizationId);
  const coachee = await coacheeOfCoach(t, actor, coacheeMembershipId);
  const [timezone, pathways] = await Promise.all([defaultZone(t, actor, coachee.user.timezone), coachedPathways(t, actor, coachee.id)]);
  return {
    coachee,
    timezone,
    pathways: pathways.map((p) => ({ id: p.id, label: `${p.programme.name} › ${p.cohort.name}` })),
  };
}

type NewSession = { title: string; durationMinutes: number; location: string; pathwayId: string | null };

async function createSession(
  tx: TenantTx,
  actor: Actor,
  coacheeMembershipId: string,
  input: NewSession,
  when: (coacheeZone: string | null) => Promise<{ scheduledAt: Date; timezone: string }>,
) {
  const coachee = await coacheeOfCoach(tx, actor, coacheeMembershipId);
  const pathwayId = await chosenPathway(tx, actor, coachee.id, input.pathwayId);
  const { scheduledAt, timezone } = await when(coachee.user.timezone);
  // A place typed on the form wins; else the coach's meeting link fills it.
  const place = input.location || (await meetingLinkFor(tx, actor.membershipId, { ...input, scheduledAt }));
  const session = await tx.coachingSession.create({
    data: {
      organizationId: actor.organizationId,
      pathwayId,
      coachMembershipId: actor.membershipId,
      coacheeMembershipId: coachee.id,
      timezone,
      title: input.title,
      location: place,
      scheduledAt,
      durationMinutes: input.durationMinutes,
    },
  });
  await recordActivity(tx, actor.organizationId, {
    kind: "session.scheduled",
    coacheeMembershipId: coachee.id,
    actorMembershipId: actor.membershipId,
    onlyCoachMembershipId: actor.membershipId,
    subjectId: session.id,
    data: { title: session.title, scheduledAt: scheduledAt.toISOString(), pathwayId },
  });
  return session;
}

/** Schedules an appointment with one of the coach's coachees at a local date and time in the chosen zone. */
export async function scheduleAppointment(db: Db, actor: Actor, input: AppointmentInput) {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId)
    .$transaction(async (tx) => {
      const session = await createSession(tx, actor, input.coacheeMembershipId, input, async () => ({
        scheduledAt: localMoment(input.date, input.time, input.timezone),
        timezone: input.timezone,
      }));
      await announceSession(tx, actor, session);
      return session;
    })
    .catch(refuseOverlap("time"));
}

/** A session with one of the coach's coachees that starts now by the database's clock, so it can be marked attended at once. */
export async function startSessionNow(db: Db, actor: Actor, input: StartSessionInput) {
  assertCan(actor.role, "coachees:manage");
  // Under way at once: no invitation for anyone's calendar. It still may not overlap the coach's others.
  return tenantDb(db, actor.organizationId)
    .$transaction((tx) =>
      createSession(tx, actor, input.coacheeMembershipId, input, async (coacheeZone) => {
        // The transaction's own now(): a later status change reads a later now(), so "started" holds at once.
        const [{ now }] = await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
        return { scheduledAt: now, timezone: await defaultZone(tx, actor, coacheeZone) };
      }),
    )
    .catch(refuseOverlap(null));
}

const SESSION_ROW = {
  ...CALENDAR_SESSION,
  pathway: { select: { id: true, programme: { select: { name: true } }, cohort: { select: { name: true } } } },
} as const;

/**
 * The Sessions tab: the coach's open appointments with the coachee (scheduled, soonest first, each with
 * whether it has started by the database's clock) and one page of the session log (attended, newest first).
 */
export async function coacheeSessions(db: Db, actor: Actor, coacheeMembershipId: string, { page }: { page: number }) {
  assertCan(actor.role, "coachees:manage");
  const t = tenantDb(db, actor.organizationId);
  const coachee = await coacheeOfCoach(t, actor, coacheeMembershipId);
  const pair = { coachMembershipId: actor.membershipId, coacheeMembershipId: coachee.id };
  const total = await t.coachingSession.count({ where: { ...pair, status: "ATTENDED" } });
  const { pages, page: shown, skip, take } = pageWindow(total, SESSION_LOG_PAGE_SIZE, page);
  const [open, log, [{ now }]] = await Promise.all([
    t.coachingSession.findMany({
      where: { ...pair, status: { in: OPEN_STATUSES } },
      orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
      take: OPEN_SESSIONS_SHOWN,
      select: SESSION_ROW,
    }),
    t.coachingSession.findMany({
      where: { ...pair, status: "ATTENDED" },
      orderBy: [{ scheduledAt: "desc" }, { id: "desc" }],
      skip,
      take,
      select: SESSION_ROW,
    }),
    t.$queryRaw<{ now: Date }[]>`SELECT now() AS now`,
  ]);
  return { open: open.map((s) => ({ ...s, started: s.scheduledAt <= now })), log, total, pages, page: shown };
}
