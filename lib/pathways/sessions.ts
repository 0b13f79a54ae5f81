import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import type { Db } from "../db/client";
import { SessionStatus } from "../db/generated/enums";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { NotFoundError, ValidationError } from "../errors";
import { isoDayField } from "../web/form-fields";
import { pathwayInScope, uuid } from "./scope";
import { NOT_STARTED_MESSAGE, SESSION_OUTCOMES } from "./session-outcomes";

/**
 * Locks the pathway's row for the rest of the transaction: archiving (which counts attended sessions to
 * credit the rest) and session changes then happen one after the other, never interleaved.
 */
async function assertOpenAndLock(tx: TenantTx, actor: Actor, pathwayId: string) {
  const [row] = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status" FROM "Pathway" WHERE "organizationId" = ${actor.organizationId}::uuid AND "id" = ${pathwayId}::uuid FOR UPDATE`;
  if (row?.status !== "ACTIVE") throw new ValidationError("This pathway is archived: its sessions can no longer change.");
}

export const sessionSchema = z.strictObject({
  pathwayId: uuid,
  title: z.string().trim().min(1, "Enter a title").max(120, "At most 120 characters"),
  date: isoDayField("Enter the date, like 2026-01-31"),
  time: z.iso.time({ precision: -1, error: "Enter the time, like 09:30" }),
  durationMinutes: z.coerce
    .number({ error: "Enter the length in minutes" })
    .int("Whole minutes")
    .min(5, "At least 5 minutes")
    .max(480, "At most 8 hours"),
});
export const sessionStatusSchema = z.strictObject({ sessionId: uuid, status: z.enum(SessionStatus, { error: "Choose a status" }) });

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
    const [y, m, d] = input.date.split("-").map(Number);
    const [hh, mm] = input.time.split(":").map(Number);
    const scheduledAt = new Date(new TZDate(y, m - 1, d, hh, mm, timezone).getTime());
    return tx.coachingSession.create({
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
  });
}

/**
 * Marks a session attended, cancelled or no-show (or back to scheduled). Used sessions = attended ones,
 * so attended and no-show wait until the session has started, by the database's clock (the one clock
 * every server shares, and the one getPathway reads to decide which buttons to show); cancel any time.
 */
export async function setSessionStatus(db: Db, actor: Actor, input: z.infer<typeof sessionStatusSchema>) {
  assertCan(actor.role, "sessions:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const session = await tx.coachingSession.findFirst({ where: { id: input.sessionId }, select: { id: true, pathwayId: true } });
    // Sessions outside any pathway are the coach's own (lib/coaching); this path works a pathway's.
    if (!session?.pathwayId) throw new NotFoundError();
    const pathway = await pathwayInScope(tx, actor, session.pathwayId);
    await assertOpenAndLock(tx, actor, pathway.id);
    if (SESSION_OUTCOMES.has(input.status)) {
      const [row] = await tx.$queryRaw<{ started: boolean }[]>`
        SELECT "scheduledAt" <= now() AS started FROM "CoachingSession"
         WHERE "organizationId" = ${actor.organizationId}::uuid AND "id" = ${session.id}::uuid`;
      if (!row?.started) throw new ValidationError(NOT_STARTED_MESSAGE);
    }
    await tx.coachingSession.updateMany({ where: { id: session.id }, data: { status: input.status } });
  });
}
