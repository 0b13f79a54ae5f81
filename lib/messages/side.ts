import type { Role } from "../db/generated/enums";
import { can } from "../authz/permissions";
import { ForbiddenError } from "../errors";

/**
 * Which end of a coach–coachee thread a role writes from: a coach from their workspace
 * (coachees:manage), a participant from their portal (portal:use). Anyone else has no threads.
 */
export function messagingSide(role: Role): "coach" | "coachee" {
  if (can(role, "coachees:manage")) return "coach";
  if (can(role, "portal:use")) return "coachee";
  throw new ForbiddenError();
}
