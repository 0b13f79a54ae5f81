import type { Db } from "../db/client";
import type { SessionStatus } from "../db/generated/enums";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/permissions";
import { NotFoundError, ValidationError } from "../errors";
import { msg } from "../i18n/msg";
import { coacheeOfCoach } from "../coaching/relationship";
import { pathwayScope } from "../pathways/scope";
import { PERSON, seen } from "../users/person";
import { isId } from "../web/form-fields";
import { CALENDAR_SESSION } from "./ical";

// Who reaches a session. Its two people see it: the coachee and the session's coach. A pathway's session
// is also seen by whoever reaches the pathway (its programme managers and sponsors, admins), and worked
// by those of them who may manage sessions; a session outside any pathway is its coach's own with their
// coachee, and nobody else's. Every other id, another organisation's included, is not found.

/**
 * Locks the pathway's row for the rest of the transaction: archiving (which counts attended sessions to
 * credit the rest) and session changes then happen one after the other, never interleaved.
 */
export async function assertOpenAndLock(tx: TenantTx, actor: Actor, pathwayId: string) {
  const [row] = await tx.$queryRaw<{ status: string }[]>`
    SELECT "status" FROM "Pathway" WHERE "organizationId" = ${actor.organizationId}::uuid AND "id" = ${pathwayId}::uuid FOR UPDATE`;
  if (row?.status !== "ACTIVE") throw new ValidationError(msg("Pathways.server.archivedSessions"));
}

/**
 * A session the actor may change, its pathway (if any) and its own row locked until the transaction
 * ends: two changes of one session, or a change and the pathway's archiving, happen one after the other.
 */
export async function lockSessionToWork(tx: TenantTx, actor: Actor, sessionId: string) {
  if (!isId(sessionId)) throw new NotFoundError();
  const session = await tx.coachingSession.findFirst({
    where: { id: sessionId },
    select: { id: true, pathwayId: true, coachMembershipId: true, coacheeMembershipId: true },
  });
  if (!session) throw new NotFoundError();
  if (session.pathwayId) {
    const reached = await tx.pathway.findFirst({
      where: { id: session.pathwayId, ...(await pathwayScope(tx, actor)) },
      select: { id: true },
    });
    if (!reached || !can(actor.role, "sessions:manage")) throw new NotFoundError();
    await assertOpenAndLock(tx, actor, reached.id);
  } else {
    if (!can(actor.role, "coachees:manage") || session.coachMembershipId !== actor.membershipId) throw new NotFoundError();
    await coacheeOfCoach(tx, actor, session.coacheeMembershipId);
  }
  const [row] = await tx.$queryRaw<
    {
      status: SessionStatus;
      started: boolean;
      title: string;
      scheduledAt: Date;
      durationMinutes: number;
      timezone: string;
      location: string;
    }[]
  >`
    SELECT "status", "scheduledAt" <= now() AS started, "title", "scheduledAt", "durationMinutes", "timezone", "location"
      FROM "CoachingSession"
     WHERE "organizationId" = ${actor.organizationId}::uuid AND "id" = ${session.id}::uuid FOR UPDATE`;
  if (!row) throw new NotFoundError();
  return { ...session, ...row };
}

/** Whether the actor may change the session (the page shows its forms only then); never throws. */
async function mayWork(tx: TenantTx, actor: Actor, session: { pathwayId: string | null; coachMembershipId: string }) {
  if (!can(actor.role, "sessions:manage")) return false;
  if (!session.pathwayId) return can(actor.role, "coachees:manage") && session.coachMembershipId === actor.membershipId;
  return (await tx.pathway.count({ where: { id: session.pathwayId, status: "ACTIVE", ...(await pathwayScope(tx, actor)) } })) > 0;
}

/** The terms of the coachee's own cancellation: the coach's window, and the programme's rule. */
async function cancellationTerms(t: TenantTx, session: { coachMembershipId: string; pathwayId: string | null }) {
  const [availability, pathway] = await Promise.all([
    t.coachAvailability.findFirst({ where: { membershipId: session.coachMembershipId }, select: { cancelWindowHours: true } }),
    session.pathwayId
      ? t.pathway.findFirst({ where: { id: session.pathwayId }, select: { programme: { select: { lateCancellationCounts: true } } } })
      : null,
  ]);
  return { windowHours: availability?.cancelWindowHours ?? 24, countsWhenLate: pathway?.programme.lateCancellationCounts ?? false };
}

/** One session as its page shows it, with what the actor may do to it; not found for anyone who does not reach it. */
export async function sessionDetails(db: Db, actor: Actor, sessionId: string) {
  assertCan(actor.role, "pathways:view");
  if (!isId(sessionId)) throw new NotFoundError();
  const t = tenantDb(db, actor.organizationId);
  const session = await t.coachingSession.findFirst({
    where: { id: sessionId },
    select: {
      ...CALENDAR_SESSION,
      cancelReason: true,
      pathwayId: true,
      coachMembershipId: true,
      coacheeMembershipId: true,
      pathway: { select: { programme: { select: { name: true } }, cohort: { select: { name: true } } } },
      coach: { select: PERSON },
      coachee: { select: PERSON },
    },
  });
  if (!session) throw new NotFoundError();
  const own = session.coacheeMembershipId === actor.membershipId || session.coachMembershipId === actor.membershipId;
  const viaPathway =
    session.pathwayId !== null &&
    can(actor.role, "pathways:view") &&
    (await t.pathway.count({ where: { id: session.pathwayId, ...(await pathwayScope(t, actor)) } })) > 0;
  if (!own && !viaPathway) throw new NotFoundError();
  const [[{ now }], work, cancellation] = await Promise.all([
    t.$queryRaw<{ now: Date }[]>`SELECT now() AS now`,
    mayWork(t, actor, session),
    session.coacheeMembershipId === actor.membershipId ? cancellationTerms(t, session) : null,
  ]);
  return {
    ...session,
    coach: seen(session.coach).user,
    coachee: seen(session.coachee).user,
    started: session.scheduledAt <= now,
    canWork: work,
    /** For the coachee: when cancelling is late, and whether a late cancellation counts as used. */
    cancellation,
  };
}

/**
 * The session a note or an action of this coachee's is written in: one of the coachee's, and the actor
 * is one of its two people (its coach, or the coachee). Anything else, another organisation's id
 * included, is not found.
 */
export async function sessionToWriteIn(tx: TenantTx, actor: Actor, coacheeMembershipId: string, sessionId: string) {
  if (!isId(sessionId)) throw new NotFoundError();
  const session = await tx.coachingSession.findFirst({
    where: {
      id: sessionId,
      coacheeMembershipId,
      OR: [{ coachMembershipId: actor.membershipId }, { coacheeMembershipId: actor.membershipId }],
    },
    select: { id: true },
  });
  if (!session) throw new NotFoundError();
  return session.id;
}
