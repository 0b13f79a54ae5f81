import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { fieldError, NotFoundError, ValidationError } from "../errors";
import { forgetNotifications, notify } from "../notifications/notify";
import { membersOfProgrammes, programmeScope } from "../programmes/scope";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";
import { emailSchema, idField, isId } from "../web/form-fields";

// Consent before access (SECURITY.md item 28). A coach who adds the email of someone already in the
// organisation only asks: a CoachingRequest, which grants nothing. The member, if a participant, is
// asked in the app and by email (the notification "coaching.requested", which leads to the Coaching
// requests page through sign-in); accepting starts the CoachingRelationship that every read path checks
// (lib/coaching/relationship.ts), declining ends the request. Until then the coach sees only what they
// typed. A request to anyone who is not a participant is kept the same way and never delivered or
// accepted, so the coach learns nothing from it. An administrator, or a programme manager within their
// programmes, may make the relationship directly, audited. Either way the member's coaches are told.

/** How many requests a coach may have waiting at once; checked on every add, whatever the address. */
export const PENDING_REQUESTS_LIMIT = 100;
export const TOO_MANY_PENDING = msg("CoachingRequests.server.tooManyPending", { max: PENDING_REQUESTS_LIMIT });

type Typed = { email: string; firstName: string; lastName: string };

const pendingOf = (coachMembershipId: string) => ({ coachMembershipId, declinedAt: null });

/** Refuses the add when the coach has as many requests waiting as allowed (asked before anything else, so the answer never depends on the address). */
export async function assertRoomForRequest(tx: TenantTx, actor: Actor) {
  const waiting = await tx.coachingRequest.count({ where: pendingOf(actor.membershipId) });
  if (waiting >= PENDING_REQUESTS_LIMIT) throw new ValidationError(TOO_MANY_PENDING);
}

/**
 * In addCoachee's transaction: the acting coach asks to coach an existing member. Nothing happens when
 * they already coach them or already asked (waiting or declined: a declined coach does not ask again),
 * so a repeat is no way to pester anyone or to tell one case from another.
 */
export async function requestCoachingIn(tx: TenantTx, actor: Actor, member: { id: string; role: string; status: string }, typed: Typed) {
  const [relationship, request] = await Promise.all([
    tx.coachingRelationship.findFirst({ where: { coachMembershipId: actor.membershipId, coacheeMembershipId: member.id } }),
    tx.coachingRequest.findFirst({ where: { coachMembershipId: actor.membershipId, coacheeMembershipId: member.id } }),
  ]);
  if (relationship || request) return;
  const created = await tx.coachingRequest.create({
    data: { organizationId: actor.organizationId, coachMembershipId: actor.membershipId, coacheeMembershipId: member.id, ...typed },
    select: { id: true },
  });
  await recordAudit(tx, actor, {
    action: "coaching.request",
    targetType: "membership",
    targetId: member.id,
    after: { ...typed, coachMembershipId: actor.membershipId },
  });
  // Only a participant is asked; notify tells an active one (in the app, and by email as they prefer).
  // Anyone else's request waits unseen and can never be accepted.
  if (member.role === "PARTICIPANT")
    await notify(tx, actor.organizationId, {
      kind: "coaching.requested",
      coacheeMembershipId: member.id,
      subjectId: created.id,
      actorMembershipId: actor.membershipId,
      data: {},
    });
}

export type WaitingRequest = Typed & { id: string; createdAt: Date };

/** The acting coach's requests still waiting, as they typed them: nothing of the member's own. */
export async function listWaitingRequests(db: Db, actor: Actor): Promise<WaitingRequest[]> {
  assertCan(actor.role, "coachees:manage");
  return tenantDb(db, actor.organizationId).coachingRequest.findMany({
    where: pendingOf(actor.membershipId),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PENDING_REQUESTS_LIMIT,
    select: { id: true, email: true, firstName: true, lastName: true, createdAt: true },
  });
}

export const requestIdSchema = z.strictObject({ requestId: idField() });

/** The member's notification of a request dies with the request (it would lead to nothing). */
async function forgetRequestNotification(tx: TenantTx, request: { id: string; coacheeMembershipId: string }) {
  await forgetNotifications(tx, "coaching.requested", request.id, request.coacheeMembershipId);
}

/**
 * Ends a waiting request: declined (kept, so the coach cannot ask again) or gone. One answer per
 * request: a double click, a second tab or the coach withdrawing at the same moment finds it ended.
 */
async function endRequest(tx: TenantTx, request: { id: string; coacheeMembershipId: string }, declined: boolean) {
  const waiting = { id: request.id, declinedAt: null };
  const { count } = declined
    ? await tx.coachingRequest.updateMany({ where: waiting, data: { declinedAt: new Date() } })
    : await tx.coachingRequest.deleteMany({ where: waiting });
  if (count !== 1) throw new NotFoundError();
  await forgetRequestNotification(tx, request);
}

/** The acting coach takes back a request still waiting; another's, or a decided one, is not found. */
export async function withdrawRequest(db: Db, actor: Actor, requestId: string) {
  assertCan(actor.role, "coachees:manage");
  if (!isId(requestId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const request = await tx.coachingRequest.findFirst({ where: { id: requestId, ...pendingOf(actor.membershipId) } });
    if (!request) throw new NotFoundError();
    await endRequest(tx, request, false);
    await recordAudit(tx, actor, { action: "coaching.withdraw", targetType: "membership", targetId: request.coacheeMembershipId });
    return { name: displayName(request) };
  });
}

export type RequestForMe = { id: string; coachName: string; createdAt: Date };

/** The requests waiting for the acting participant's answer, with the asking coach's name. */
export async function requestsForMe(db: Db, actor: Actor): Promise<RequestForMe[]> {
  assertCan(actor.role, "portal:use");
  const rows = await tenantDb(db, actor.organizationId).coachingRequest.findMany({
    where: { coacheeMembershipId: actor.membershipId, declinedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PENDING_REQUESTS_LIMIT,
    select: { id: true, createdAt: true, coach: { select: { role: true, ...PERSON } } },
  });
  return rows
    .filter((r) => can(r.coach.role, "coachees:manage"))
    .map((r) => ({ id: r.id, createdAt: r.createdAt, coachName: displayName(seen(r.coach).user) }));
}

/** The organisation's slug, for the page an answer leads back to. */
async function slugOf(tx: TenantTx) {
  return (await tx.organization.findFirstOrThrow({ select: { slug: true } })).slug;
}

/** One request waiting for the acting participant, from someone who still coaches; else not found. */
async function myRequest(tx: TenantTx, actor: Actor, requestId: string) {
  if (!isId(requestId)) throw new NotFoundError();
  const request = await tx.coachingRequest.findFirst({
    where: { id: requestId, coacheeMembershipId: actor.membershipId, declinedAt: null },
    select: { id: true, coachMembershipId: true, coacheeMembershipId: true, coach: { select: { role: true, ...PERSON } } },
  });
  if (!request || !can(request.coach.role, "coachees:manage")) throw new NotFoundError();
  return { ...request, coachName: displayName(seen(request.coach).user) };
}

/**
 * Starts a relationship (the one thing that grants a coach access), telling the coachee's coaches so
 * far, and the coachee when someone else made it: notify runs before the row exists, so the new coach
 * is not among those told.
 */
async function startRelationship(tx: TenantTx, actor: Actor, coach: { id: string; name: string }, coacheeMembershipId: string) {
  await notify(tx, actor.organizationId, {
    kind: "coaching.started",
    coacheeMembershipId,
    subjectId: coach.id,
    actorMembershipId: actor.membershipId,
    data: { coach: coach.name },
  });
  await tx.coachingRelationship.create({
    data: { organizationId: actor.organizationId, coachMembershipId: coach.id, coacheeMembershipId, origin: "ADDED" },
  });
}

/** The acting participant accepts: the coach now works with them (and sees what they share with their coaches). */
export async function acceptRequest(db: Db, actor: Actor, requestId: string) {
  assertCan(actor.role, "portal:use");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const request = await myRequest(tx, actor, requestId);
    await endRequest(tx, request, false);
    const already = await tx.coachingRelationship.findFirst({
      where: { coachMembershipId: request.coachMembershipId, coacheeMembershipId: actor.membershipId },
    });
    if (!already) await startRelationship(tx, actor, { id: request.coachMembershipId, name: request.coachName }, actor.membershipId);
    await recordAudit(tx, actor, {
      action: "coaching.accept",
      targetType: "membership",
      targetId: actor.membershipId,
      after: { coachMembershipId: request.coachMembershipId },
    });
    return { coachName: request.coachName, orgSlug: await slugOf(tx) };
  });
}

/** The acting participant declines: the request ends, and the same coach cannot ask again. */
export async function declineRequest(db: Db, actor: Actor, requestId: string) {
  assertCan(actor.role, "portal:use");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const request = await myRequest(tx, actor, requestId);
    await endRequest(tx, request, true);
    await recordAudit(tx, actor, {
      action: "coaching.decline",
      targetType: "membership",
      targetId: actor.membershipId,
      after: { coachMembershipId: request.coachMembershipId },
    });
    return { coachName: request.coachName, orgSlug: await slugOf(tx) };
  });
}

// An administrator's act ----------------------------------------------------------------------------

export const linkCoacheeSchema = z.strictObject({ coachMembershipId: idField(), email: emailSchema });
export type LinkCoacheeInput = z.infer<typeof linkCoacheeSchema>;

/**
 * An admin (or a programme manager, for a coach and a participant both within their programmes) makes
 * the coach the participant's coach without asking, audited; a request between them ends. Admins see
 * every member anyway, so the answers may say what is wrong.
 */
export async function linkCoachee(db: Db, actor: Actor, input: LinkCoacheeInput) {
  assertCan(actor.role, "coachees:link");
  if (!isId(input.coachMembershipId)) throw new NotFoundError();
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const scope = await programmeScope(tx, actor);
    const visible = scope ? membersOfProgrammes(scope) : {};
    const coach = await tx.membership.findFirst({
      where: { id: input.coachMembershipId, role: "COACH", ...visible },
      select: { id: true, ...PERSON },
    });
    if (!coach) throw new NotFoundError();
    const participant = await tx.membership.findFirst({
      where: { role: "PARTICIPANT", user: { email: input.email }, ...visible },
      select: { id: true },
    });
    if (!participant)
      throw fieldError(
        "email",
        scope ? msg("CoachingRequests.server.noParticipantInProgrammes") : msg("CoachingRequests.server.noParticipantHere"),
      );
    const already = await tx.coachingRelationship.findFirst({
      where: { coachMembershipId: coach.id, coacheeMembershipId: participant.id },
    });
    if (already) throw fieldError("email", msg("CoachingRequests.server.alreadyCoached"));
    const request = await tx.coachingRequest.findFirst({
      where: { coachMembershipId: coach.id, coacheeMembershipId: participant.id },
      select: { id: true, coacheeMembershipId: true },
    });
    if (request) {
      await tx.coachingRequest.deleteMany({ where: { id: request.id } });
      await forgetRequestNotification(tx, request);
    }
    await startRelationship(tx, actor, { id: coach.id, name: displayName(seen(coach).user) }, participant.id);
    await recordAudit(tx, actor, {
      action: "coaching.link",
      targetType: "membership",
      targetId: participant.id,
      after: { coachMembershipId: coach.id },
    });
    return { coacheeId: participant.id };
  });
}
