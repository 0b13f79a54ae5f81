import type { TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import type { Role } from "../db/generated/enums";
import { can } from "../authz/permissions";
import { ForbiddenError, NotFoundError } from "../errors";
import { coacheeOfCoach } from "../coaching/relationship";
import { nameField, optionalDayField, textField } from "../web/form-fields";

// Who works on a coachee's goals, milestones and actions: the coachee themself ("goals:own", their own
// only) and each of their coaches ("coachees:manage", the coach's own workspace: coacheeOfCoach decides).
// Coaches need no permission of their own for goals: goals are part of working with a coachee, exactly
// like sessions and messages, and a coach who reaches a coachee's profile reaches their goals. Anyone
// else is refused before any row is read; another coach's coachee, another organisation's row and a
// missing id all answer "not found".

/** Refuses roles that never work on goals (admins, programme managers and sponsors see overviews only). */
export function assertGoalsRole(role: Role): void {
  if (!can(role, "goals:own") && !can(role, "coachees:manage")) throw new ForbiddenError();
}

/** The coachee's membership id when the actor may work on their goals, or not found. */
export async function reachCoachee(tx: TenantTx, actor: Actor, coacheeMembershipId: string): Promise<string> {
  if (can(actor.role, "goals:own")) {
    if (coacheeMembershipId !== actor.membershipId) throw new NotFoundError();
    return actor.membershipId;
  }
  return (await coacheeOfCoach(tx, actor, coacheeMembershipId)).id;
}

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;

/** A title: one line (it shows in lists, activity and emails), like every name in the app. */
export const titleField = nameField({ label: "a title", max: TITLE_MAX });

export const descriptionField = textField({ max: DESCRIPTION_MAX });

/** A due date from a date input: empty (or null) for none. */
export const dueDateField = optionalDayField().nullable().default(null);
