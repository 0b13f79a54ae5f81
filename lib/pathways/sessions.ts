import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import type { Db } from "../db/client";
import { SessionStatus } from "../db/generated/enums";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/permissions";
import { NotFoundError, ValidationError } from "../errors";
import { msg } from "../i18n/msg";
import { recordActivity } from "../activity/record";
import { coacheeOfCoach } from "../coaching/relationship";
import { isoTime } from "../format/dates";
import { isoDayField, nameField } from "../web/form-fields";
import { MAX_YEAR, MIN_YEAR } from "../web/search-params";
import { pathwayInScope, uuid } from "./scope";
import { NOT_STARTED_MESSAGE, SESSION_OUTCOMES } from "./session-outcomes";

/**
 * Locks the pathway's row for the rest of the transaction: archiving (which counts attended sessions to
 * credit the rest) and session changes then happen one after the other, never interleaved.
 */
export async function assertOpenAndLock(tx: TenantTx, actor: Actor, pathwayId: string) {
  const [row] = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status" FROM "Pathway" WHERE "organizationId" = ${actor.organizationId}::uuid AND "id" = ${pathwayId}::uuid FOR UPDATE`;
  if (row?.status !== "ACTIVE") throw new ValidationError(msg("Pathways.server.archivedSessions"));
}

/** The fields every session form shares (a pathway's, a coachee's appointment): title, local date and time, length. */
export const sessionFields = {
  title: nameField({ label: "a title", max: 120 }),
  // Within the years a date means anything in (a year below 100 would be read as 19xx by Date).
  date: isoDayField(msg("Pathways.server.dateFormat")).refine(
    (s) => {
      const year = Number(s.slice(0, 4));
      return year >= MIN_YEAR && year <= MAX_YEAR;
    },
    msg("Pathways.server.dateRange", { min: MIN_YEAR, max: MAX_YEAR }),
  ),
  time: z.iso.time({ precision: -1, error: msg("Pathways.server.timeFormat") }),
  durationMinutes: z.coerce
    .number({ error: msg("Pathways.server.durationMissing") })
    .int(msg("Pathways.server.wholeMinutes"))
    .min(5, msg("Pathways.server.minMinutes"))
    .max(480, msg("Pathways.server.maxHours")),
};

export const sessionSchema = z.strictObject({ pathwayId: uuid, ...sessionFields });
export const sessionStatusSchema = z.strictObject({
  sessionId: uuid,
  status: z.enum(SessionStatus, { error: msg("Pathways.server.chooseStatus") }),
});

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** A calendar day as a message's values, for the reader's language to write ("Mon 14 Dec 2026", "lun. 14 déc. 2026"). */
function dayParts(year: number, month: number, day: number) {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return { weekday: WEEKDAYS[date.getUTCDay()], day, month: MONTHS[month - 1], year };
}

/**
 * The moment a local date ("2026-01-31") and time ("09:30") name in a time zone. A time the clocks skip
 * that night (01:30 when they go forward from 01:00 to 02:00) names no moment: it is refused at the time
 * field with the time it would have become, never shifted silently. (A time the clocks pass twice, when
 * they go back, is its first passing.)
 */
export function localMoment(date: string, time: string, timezone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const moment = new Date(new TZDate(y, m - 1, d, hh, mm, timezone).getTime());
  const read = isoTime(moment, timezone);
  if (read !== `${date} ${time}`)
    throw new ValidationError(msg("Server.checkFields"), {
      time: [
        msg("Pathways.server.skippedTime", {
          time,
          ...dayParts(y, m, d),
          timezone,
          suggestion: read.slice(11),
        }),
      ],
    });
  return moment;
}

// Who works a pathway's sessions: "sessions:manage" within the pathway reach, so its programme
// managers and admins, and its primary coach (a coach reaches only the pathways they coach).

/** Schedules a coaching session at a local date and time in the pathway's time zone. */
export async function scheduleSession(db: Db, actor: Actor, input: z.infer<typeof sessionSchema>) {
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    assertCan(actor.role, "sessions:manage");
    const pathway = await pathwayInScope(tx, actor, input.pathwayId);
    await assertOpenAndLock(tx, actor, pathway.id);
    const { timezone, coachMembershipId, membershipId } = await tx.pathway.findFirstOrThrow({
      where: { id: pathway.id },
      select: { timezone: true, coachMembershipId: true, membershipId: true },
    });
    const scheduledAt = localMoment(input.date, input.time, timezone);
    const session = await tx.coachingSession.create({
      data: {
        organizationId: actor.organizationId,
        pathwayId: pathway.id,
        coachMembershipId,
        coacheeMembershipId: membershipId,
        timezone,
        title: input.title,
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
    return session;
  });
}

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
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const session = await tx.coachingSession.findFirst({
      where: { id: input.sessionId },
      select: { id: true, pathwayId: true, coachMembershipId: true, coacheeMembershipId: true },
    });
    if (!session) throw new NotFoundError();
    if (session.pathwayId) {
      const pathway = await pathwayInScope(tx, actor, session.pathwayId);
      await assertOpenAndLock(tx, actor, pathway.id);
    } else {
      // Outside pathways a session is the coach's own with their coachee: nobody else reaches it.
      if (!can(actor.role, "coachees:manage") || session.coachMembershipId !== actor.membershipId) throw new NotFoundError();
      await coacheeOfCoach(tx, actor, session.coacheeMembershipId);
    }
    // The session's row, locked: two clicks of "Mark attended" change it (and write activity) once.
    const [row] = await tx.$queryRaw<
      { status: SessionStatus; started: boolean; title: string; scheduledAt: Date; durationMinutes: number }[]
    >`
      SELECT "status", "scheduledAt" <= now() AS started, "title", "scheduledAt", "durationMinutes" FROM "CoachingSession"
       WHERE "organizationId" = ${actor.organizationId}::uuid AND "id" = ${session.id}::uuid FOR UPDATE`;
    if (!row) throw new NotFoundError();
    if (SESSION_OUTCOMES.has(input.status) && !row.started) throw new ValidationError(NOT_STARTED_MESSAGE);
    if (row.status === input.status) return;
    await tx.coachingSession.updateMany({ where: { id: session.id }, data: { status: input.status } });
    const common = {
      coacheeMembershipId: session.coacheeMembershipId,
      actorMembershipId: actor.membershipId,
      onlyCoachMembershipId: session.coachMembershipId,
      subjectId: session.id,
    };
    const scheduledAt = row.scheduledAt.toISOString();
    if (input.status === "ATTENDED") {
      await recordActivity(tx, actor.organizationId, {
        ...common,
        kind: "session.attended",
        data: { title: row.title, scheduledAt, durationMinutes: row.durationMinutes, pathwayId: session.pathwayId },
      });
    } else if (input.status === "NO_SHOW") {
      await recordActivity(tx, actor.organizationId, { ...common, kind: "session.no_show", data: { title: row.title, scheduledAt } });
    }
  });
}
