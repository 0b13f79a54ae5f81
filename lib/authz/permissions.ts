import type { Role } from "../db/generated/enums";
import { ForbiddenError } from "../errors";

// The one permission table: role -> what it may do. Every page, server action and route handler asks
// `can` / `assertCan`; nothing compares roles anywhere else.
export const PERMISSIONS = [
  "dashboard:view",
  "users:view",
  "users:manage",
  "units:manage",
  "invitations:send",
  "programmes:view",
  "programmes:manage",
  "pathways:manage",
  "imports:run",
  "coachees:manage",
  "goals:own",
  "audit:view",
  "settings:manage",
  "plan:manage",
  "devtools:view",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Admins may do everything but the plan (an OWNER's) and a participant's own goals.
const ADMIN = PERMISSIONS.filter((p) => p !== "plan:manage" && p !== "goals:own");

const TABLE: Record<Role, ReadonlySet<Permission>> = {
  OWNER: new Set([...ADMIN, "plan:manage"]),
  ADMIN: new Set(ADMIN),
  IMPLEMENTATION_ADMIN: new Set(ADMIN),
  PROGRAM_MANAGER: new Set(["dashboard:view", "users:view", "invitations:send", "programmes:view", "programmes:manage", "pathways:manage"]),
  COACH: new Set(["dashboard:view", "coachees:manage"]),
  SPONSOR: new Set(["dashboard:view", "programmes:view"]),
  PARTICIPANT: new Set(["dashboard:view", "goals:own"]),
};

export function can(role: Role, permission: Permission): boolean {
  return TABLE[role].has(permission);
}

export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new ForbiddenError();
}

/** Roles in order of power; nobody grants a role above their own (only an OWNER grants OWNER). */
export const ROLE_RANK: Record<Role, number> = {
  OWNER: 6,
  ADMIN: 5,
  IMPLEMENTATION_ADMIN: 4,
  PROGRAM_MANAGER: 3,
  SPONSOR: 2,
  COACH: 2,
  PARTICIPANT: 1,
};

/** Roles that take a seat while ACTIVE or INVITED. */
export const SEAT_ROLES: ReadonlySet<Role> = new Set(["OWNER", "ADMIN", "PROGRAM_MANAGER", "COACH", "SPONSOR"]);

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  IMPLEMENTATION_ADMIN: "Implementation admin",
  PROGRAM_MANAGER: "Programme manager",
  COACH: "Coach",
  SPONSOR: "Sponsor",
  PARTICIPANT: "Participant",
};
