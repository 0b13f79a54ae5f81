import type { Role } from "../db/generated/enums";
import { msg } from "../i18n/msg";
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
  "pathways:view",
  "pathways:manage",
  "pathways:restore",
  "sessions:manage",
  "imports:run",
  // A coach's own workspace: their coachees, groups, the coachee profile, sessions and messages with them.
  "coachees:manage",
  // Seeing any coach's coachees from the coach's user page (within a programme manager's programmes).
  "coachees:oversee",
  // Making a coach someone's coach without asking them (an administrator's act, audited; a programme
  // manager's within their programmes). A coach can only ask (lib/coaching/requests.ts).
  "coachees:link",
  // A participant's own portal: their home, sessions and messages with their coaches.
  "portal:use",
  // Opening the calendar. Whose sessions it shows is decided by the permissions above it: a coach's own
  // ("coachees:manage"), a participant's own ("portal:use"), one chosen coach's ("coachees:oversee").
  "calendar:view",
  // A participant's own goals, milestones and actions. Their coaches work on them through
  // "coachees:manage" (goals are part of working with a coachee, like sessions and messages).
  "goals:own",
  // Everyone's own notification centre and preferences: what they are told about is decided by who may
  // see the thing (lib/notifications), never by this permission.
  "notifications:use",
  // Building assessment templates: a coach's own, and an admin's for the whole organisation. Assigning
  // and reviewing them is working with a coachee ("coachees:manage"); filling them in is the portal's.
  "assessments:build",
  "audit:view",
  "settings:manage",
  "plan:manage",
  "devtools:view",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Admins may do everything but the plan (an OWNER's), a coach's own workspace and a participant's portal:
// those belong to the person in that role (an admin oversees coachees, never works them).
const NOT_ADMIN: ReadonlySet<Permission> = new Set(["plan:manage", "coachees:manage", "portal:use", "goals:own"]);
const ADMIN = PERMISSIONS.filter((p) => !NOT_ADMIN.has(p));

const TABLE: Record<Role, ReadonlySet<Permission>> = {
  OWNER: new Set([...ADMIN, "plan:manage"]),
  ADMIN: new Set(ADMIN),
  IMPLEMENTATION_ADMIN: new Set(ADMIN),
  PROGRAM_MANAGER: new Set([
    "dashboard:view",
    "users:view",
    "invitations:send",
    "programmes:view",
    "programmes:manage",
    "pathways:view",
    "pathways:manage",
    "sessions:manage",
    "coachees:oversee",
    "coachees:link",
    "calendar:view",
    "notifications:use",
  ]),
  COACH: new Set([
    "dashboard:view",
    "coachees:manage",
    "assessments:build",
    "pathways:view",
    "sessions:manage",
    "calendar:view",
    "notifications:use",
  ]),
  SPONSOR: new Set(["dashboard:view", "programmes:view", "pathways:view", "notifications:use"]),
  PARTICIPANT: new Set(["dashboard:view", "portal:use", "goals:own", "pathways:view", "calendar:view", "notifications:use"]),
};

export function can(role: Role, permission: Permission): boolean {
  return TABLE[role].has(permission);
}

/** Whether `role` holds `permission`, or with a list any one of them (a page or action two roles share). */
export function canAny(role: Role, permission: Permission | readonly Permission[]): boolean {
  return [permission].flat().some((p) => can(role, p));
}

export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) throw new ForbiddenError();
}

/** Roles in order of power, for display and sorting. */
export const ROLE_RANK: Record<Role, number> = {
  OWNER: 6,
  ADMIN: 5,
  IMPLEMENTATION_ADMIN: 4,
  PROGRAM_MANAGER: 3,
  SPONSOR: 2,
  COACH: 2,
  PARTICIPANT: 1,
};

// The role hierarchy: which roles each role may grant, and so also whose role it may change. Nobody
// grants a role above their own; only an OWNER grants OWNER; an implementation admin makes nobody an
// ADMIN or another implementation admin (either could outlive their own expiry); programme managers
// and coaches only bring in participants.
const EVERY_ROLE = Object.keys(ROLE_RANK) as Role[];
const GRANTS: Record<Role, ReadonlySet<Role>> = {
  OWNER: new Set(EVERY_ROLE),
  ADMIN: new Set(EVERY_ROLE.filter((r) => r !== "OWNER")),
  IMPLEMENTATION_ADMIN: new Set(EVERY_ROLE.filter((r) => r !== "OWNER" && r !== "ADMIN" && r !== "IMPLEMENTATION_ADMIN")),
  PROGRAM_MANAGER: new Set(["PARTICIPANT"]),
  COACH: new Set(["PARTICIPANT"]),
  SPONSOR: new Set(),
  PARTICIPANT: new Set(),
};

/** May someone with role `granter` give role `role` to anyone? */
export function canGrant(granter: Role, role: Role): boolean {
  return GRANTS[granter].has(role);
}

/** The roles `granter` may give, in order of power, for pickers. */
export function grantableRoles(granter: Role): Role[] {
  return EVERY_ROLE.filter((r) => GRANTS[granter].has(r));
}

/**
 * Changing someone from `from` to `to` needs both: you may neither promote someone above what you may
 * grant, nor touch someone who holds a role you could not have granted (an ADMIN cannot demote an OWNER).
 */
export function assertCanChangeRole(granter: Role, from: Role, to: Role): void {
  if (!canGrant(granter, from) || !canGrant(granter, to)) {
    throw new ForbiddenError(
      to === "OWNER" || from === "OWNER" ? msg("Users.server.onlyOwnerGrantsOwner") : msg("Users.server.roleAboveYours"),
    );
  }
}

/**
 * Which pathways a role reaches: the whole organisation's, those of the programmes assigned to the
 * member, those they are the primary coach of, or their own.
 */
export const PATHWAY_REACH: Record<Role, "all" | "programmes" | "coached" | "own"> = {
  OWNER: "all",
  ADMIN: "all",
  IMPLEMENTATION_ADMIN: "all",
  PROGRAM_MANAGER: "programmes",
  SPONSOR: "programmes",
  COACH: "coached",
  PARTICIPANT: "own",
};

/** Roles whose access is limited to the programmes they are assigned (at least one). */
export const PROGRAMME_SCOPED_ROLES: ReadonlySet<Role> = new Set(EVERY_ROLE.filter((r) => PATHWAY_REACH[r] === "programmes"));

/** Roles that take a seat while ACTIVE or INVITED. */
export const SEAT_ROLES: ReadonlySet<Role> = new Set(["OWNER", "ADMIN", "PROGRAM_MANAGER", "COACH", "SPONSOR"]);
