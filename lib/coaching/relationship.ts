import type { TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import type { Role } from "../db/generated/enums";
import { assertCan, can } from "../authz/permissions";
import { ForbiddenError, NotFoundError } from "../errors";
import { PERSON, seen } from "../users/person";
import { isId } from "../web/form-fields";

// The one place that decides whether a coach reaches a coachee, and a participant a coach: a row in
// CoachingRelationship. Everything on the coachee profile, in sessions and in messages starts here, so
// another coach's coachee, another organisation's member and a missing id all answer "not found".

const COACHEE = {
  id: true,
  role: true,
  status: true,
  joinedAt: true,
  lastActiveAt: true,
  ...PERSON,
} as const;

/** One of the acting coach's coachees, or not found. */
export async function coacheeOfCoach(tx: TenantTx, actor: Actor, coacheeMembershipId: string) {
  assertCan(actor.role, "coachees:manage");
  if (!isId(coacheeMembershipId)) throw new NotFoundError();
  const row = await tx.coachingRelationship.findFirst({
    where: { coachMembershipId: actor.membershipId, coacheeMembershipId },
    select: { origin: true, createdAt: true, lastActivityAt: true, coachee: { select: COACHEE } },
  });
  if (!row) throw new NotFoundError();
  return { ...seen(row.coachee), origin: row.origin, since: row.createdAt, lastActivityAt: row.lastActivityAt };
}

/** One of the acting participant's coaches, or not found. */
export async function coachOfCoachee(tx: TenantTx, actor: Actor, coachMembershipId: string) {
  assertCan(actor.role, "portal:use");
  if (!isId(coachMembershipId)) throw new NotFoundError();
  const row = await tx.coachingRelationship.findFirst({
    where: { coacheeMembershipId: actor.membershipId, coachMembershipId },
    select: { coach: { select: { id: true, status: true, ...PERSON } } },
  });
  if (!row) throw new NotFoundError();
  return seen(row.coach);
}

/**
 * Which end of a coach–coachee pair a role stands at: a coach from their workspace (coachees:manage), a
 * participant from their portal (portal:use). Anyone else is at neither end.
 */
export function coachingSide(role: Role): "coach" | "coachee" {
  if (can(role, "coachees:manage")) return "coach";
  if (can(role, "portal:use")) return "coachee";
  throw new ForbiddenError();
}

/**
 * The two ends of a coach–coachee pair as the actor stands in it: a coach names the coachee, a
 * participant names the coach. Messages and sessions, which both sides use, go through this.
 */
export async function pairOf(tx: TenantTx, actor: Actor, otherMembershipId: string) {
  if (coachingSide(actor.role) === "coachee") {
    const coach = await coachOfCoachee(tx, actor, otherMembershipId);
    return { coachMembershipId: coach.id, coacheeMembershipId: actor.membershipId, other: coach };
  }
  const coachee = await coacheeOfCoach(tx, actor, otherMembershipId);
  return { coachMembershipId: actor.membershipId, coacheeMembershipId: coachee.id, other: coachee };
}

/**
 * Everyone who works with a coachee's coaching (their goals, actions and comments), for telling them
 * about it: the coachee, while an active member whose role works on their own goals, and each coach of
 * theirs (a CoachingRelationship row), while active and in a coaching role. Nobody else: not admins, not
 * programme managers, not another coach's coachee's coach, not a deactivated coach.
 */
export async function coachingCircle(tx: TenantTx, coacheeMembershipId: string) {
  const [coachee, relationships] = await Promise.all([
    tx.membership.findFirst({ where: { id: coacheeMembershipId, status: "ACTIVE" }, select: { id: true, role: true, ...PERSON } }),
    tx.coachingRelationship.findMany({
      where: { coacheeMembershipId, coach: { status: "ACTIVE" } },
      orderBy: { coachMembershipId: "asc" },
      select: { coach: { select: { id: true, role: true, ...PERSON } } },
    }),
  ]);
  return {
    coachee: coachee && can(coachee.role, "goals:own") ? seen(coachee) : null,
    coaches: relationships
      .map((r) => r.coach)
      .filter((c) => c.id !== coacheeMembershipId && can(c.role, "coachees:manage"))
      .map(seen),
  };
}
