import { describe, expect, it } from "vitest";
import { can, assertCan, PERMISSIONS, ROLE_RANK, SEAT_ROLES } from "../../lib/authz/permissions";
import { Role } from "../../lib/db/generated/enums";
import { ForbiddenError } from "../../lib/errors";

const roles = Object.values(Role);

describe("the permission table", () => {
  it("lets every role see its dashboard", () => {
    for (const role of roles) expect(can(role, "dashboard:view"), role).toBe(true);
  });

  it("keeps user management to the admin roles", () => {
    const managers = roles.filter((r) => can(r, "users:manage"));
    expect(managers.sort()).toEqual(["ADMIN", "IMPLEMENTATION_ADMIN", "OWNER"]);
  });

  it("gives the plan to the OWNER alone", () => {
    expect(roles.filter((r) => can(r, "plan:manage"))).toEqual(["OWNER"]);
  });

  it("gives participants only their own goals", () => {
    expect(PERMISSIONS.filter((p) => can("PARTICIPANT", p)).sort()).toEqual(["dashboard:view", "goals:own"]);
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
});
