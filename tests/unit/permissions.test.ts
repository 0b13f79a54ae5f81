import { describe, expect, it } from "vitest";
import {
  assertCan,
  assertCanChangeRole,
  can,
  canGrant,
  grantableRoles,
  PERMISSIONS,
  ROLE_RANK,
  SEAT_ROLES,
} from "../../lib/authz/permissions";
import { Role } from "../../lib/db/generated/enums";
import { ForbiddenError } from "../../lib/errors";
import { english } from "../support/english";

/** What a refusal says, in English. */
function refusal(work: () => void): string {
  try {
    work();
  } catch (error) {
    return english((error as Error).message);
  }
  throw new Error("expected a refusal");
}

const roles = Object.values(Role);

describe("the permission table", () => {
  it("lets every role see its dashboard", () => {
    for (const role of roles) expect(can(role, "dashboard:view"), role).toBe(true);
  });

  it("keeps user management to the admin roles", () => {
    const managers = roles.filter((r) => can(r, "users:manage"));
    expect(managers.sort()).toEqual(["ADMIN", "IMPLEMENTATION_ADMIN", "OWNER"]);
  });

  it("lets administrators and programme managers make a coaching relationship directly, never a coach (who only asks)", () => {
    expect(roles.filter((r) => can(r, "coachees:link")).sort()).toEqual(["ADMIN", "IMPLEMENTATION_ADMIN", "OWNER", "PROGRAM_MANAGER"]);
  });

  it("gives the plan to the OWNER alone", () => {
    expect(roles.filter((r) => can(r, "plan:manage"))).toEqual(["OWNER"]);
  });

  it("gives participants only their own goals and pathways", () => {
    expect(PERMISSIONS.filter((p) => can("PARTICIPANT", p)).sort()).toEqual([
      "calendar:view",
      "dashboard:view",
      "goals:own",
      "notifications:use",
      "pathways:view",
      "portal:use",
    ]);
  });

  it("throws an expected error when a role lacks a permission, and not when it has it", () => {
    expect(() => assertCan("COACH", "users:manage")).toThrow(ForbiddenError);
    expect(() => assertCan("ADMIN", "users:manage")).not.toThrow();
  });

  it("ranks OWNER above everyone and counts seats as the design says", () => {
    for (const role of roles.filter((r) => r !== "OWNER")) expect(ROLE_RANK.OWNER).toBeGreaterThan(ROLE_RANK[role]);
    expect(SEAT_ROLES.has("PARTICIPANT")).toBe(false);
    expect(SEAT_ROLES.has("IMPLEMENTATION_ADMIN")).toBe(false);
    expect(SEAT_ROLES.has("COACH")).toBe(true);
  });

  it("never lets anyone grant a role above their own, and only an OWNER grants OWNER", () => {
    for (const granter of roles) {
      for (const role of grantableRoles(granter))
        expect(ROLE_RANK[role], `${granter} grants ${role}`).toBeLessThanOrEqual(ROLE_RANK[granter]);
    }
    expect(roles.filter((r) => canGrant(r, "OWNER"))).toEqual(["OWNER"]);
    expect(canGrant("ADMIN", "ADMIN")).toBe(true);
    expect(canGrant("IMPLEMENTATION_ADMIN", "ADMIN")).toBe(false);
    expect(grantableRoles("PROGRAM_MANAGER")).toEqual(["PARTICIPANT"]);
    expect(grantableRoles("SPONSOR")).toEqual([]);
  });

  it("refuses a role change that touches a role the changer could not grant, either side", () => {
    expect(refusal(() => assertCanChangeRole("ADMIN", "OWNER", "ADMIN"))).toMatch(/Only an owner/);
    expect(refusal(() => assertCanChangeRole("ADMIN", "COACH", "OWNER"))).toMatch(/Only an owner/);
    expect(refusal(() => assertCanChangeRole("IMPLEMENTATION_ADMIN", "COACH", "ADMIN"))).toMatch(/above your own/);
    expect(() => assertCanChangeRole("PROGRAM_MANAGER", "PARTICIPANT", "COACH")).toThrow(ForbiddenError);
    // positive controls
    expect(() => assertCanChangeRole("OWNER", "OWNER", "ADMIN")).not.toThrow();
    expect(() => assertCanChangeRole("ADMIN", "COACH", "ADMIN")).not.toThrow();
    expect(() => assertCanChangeRole("IMPLEMENTATION_ADMIN", "PARTICIPANT", "PROGRAM_MANAGER")).not.toThrow();
  });
});
