import type { TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import type { Role } from "../db/generated/enums";
import { can } from "../authz/permissions";
import { ForbiddenError, NotFoundError } from "../errors";
import { coacheeOfCoach } from "./relationship";

// Who works on a coachee's material (goals, milestones, actions, notes, files, assessments): the coachee
// themself ("goals:own", their own only) and each of their coaches ("coachees:manage", the coach's own
// workspace: coacheeOfCoach decides). Coaches need no permission of their own for it: it is part of
// working with a coachee, exactly like sessions and messages. Anyone else is refused before any row is
// read; another coach's coachee, another organisation's row and a missing id all answer "not found".

/** Refuses roles that never work on a coachee's material (admins, programme managers and sponsors see overviews only). */
export function assertCoacheeMaterialRole(role: Role): void {
  if (!can(role, "goals:own") && !can(role, "coachees:manage")) throw new ForbiddenError();
}

/** The coachee's membership id when the actor may work on their material, or not found. */
export async function reachCoachee(tx: TenantTx, actor: Actor, coacheeMembershipId: string): Promise<string> {
  if (can(actor.role, "goals:own")) {
    if (coacheeMembershipId !== actor.membershipId) throw new NotFoundError();
    return actor.membershipId;
  }
  return (await coacheeOfCoach(tx, actor, coacheeMembershipId)).id;
}
