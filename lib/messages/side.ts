import type { Actor } from "../authz/actor";
import { can } from "../authz/permissions";
import { ForbiddenError } from "../errors";

/**
 * Which end of a coach–coachee thread the actor writes from: a coach from their workspace
 * (coachees:manage), a participant from their portal (portal:use). Anyone else has no threads.
 */
export function messagingSide(actor: Actor): "coach" | "coachee" {
  if (can(actor.role, "coachees:manage")) return "coach";
  if (can(actor.role, "portal:use")) return "coachee";
  throw new ForbiddenError();
}
