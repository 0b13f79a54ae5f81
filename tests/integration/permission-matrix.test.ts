import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import { can, type Permission } from "../../lib/authz/permissions";
import { listAuditEvents } from "../../lib/audit/list";
import { Role } from "../../lib/db/generated/enums";
import { ForbiddenError } from "../../lib/errors";
import { listVisibleProgrammes } from "../../lib/programmes/scope";
import { getSettings, settingsSchema, updateSettings } from "../../lib/orgs/settings";
import { createOrganization } from "../factories";
import { createActor } from "../factories/actor";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";

const db = testDb();
const roles = Object.values(Role);

// Every tenant service that exists so far, with the permission it needs and what it touches.
const services: { name: string; permission: Permission; call: (actor: Actor) => Promise<unknown> }[] = [
  { name: "getSettings", permission: "settings:manage", call: (a) => getSettings(db, a) },
  {
    name: "updateSettings",
    permission: "settings:manage",
    call: (a) => updateSettings(db, a, settingsSchema.parse({ name: `Org by ${a.role}`, invitationExpiryDays: "14", defaultInvitationMessage: "", implementationAdminDomains: "" })),
  },
  { name: "listAuditEvents", permission: "audit:view", call: (a) => listAuditEvents(db, a, { page: 1 }) },
  { name: "listVisibleProgrammes", permission: "programmes:view", call: (a) => listVisibleProgrammes(db, a) },
];

describe("permission matrix: every role x every service, in two organisations", () => {
  const orgs: { id: string; name: string }[] = [];
  beforeAll(async () => {
    orgs.push(await createOrganization(db, { name: "Matrix A" }), await createOrganization(db, { name: "Matrix B" }));
    // Something in each organisation for list services to (wrongly) find: named after its organisation.
    for (const org of orgs) await db.programme.create({ data: { organizationId: org.id, name: `${org.name} programme` } });
  });

  it("allows exactly what the permission table allows, and touches only the actor's organisation", async () => {
    let cells = 0;
    let leaks = 0;
    for (const org of orgs) {
      const other = orgs.find((o) => o.id !== org.id)!;
      for (const role of roles) {
        const actor = await createActor(db, org.id, role);
        for (const service of services) {
          const otherBefore = await db.organization.findUniqueOrThrow({ where: { id: other.id } });
          const call = service.call(actor);
          if (can(role, service.permission)) {
            const result = await call;
            // The result never carries the other organisation's data.
            if (JSON.stringify(result).includes(other.id) || JSON.stringify(result).includes(other.name)) leaks++;
          } else {
            await expect(call, `${role} ${service.name}`).rejects.toThrow(ForbiddenError);
          }
          const otherAfter = await db.organization.findUniqueOrThrow({ where: { id: other.id } });
          if (JSON.stringify(otherAfter) !== JSON.stringify(otherBefore)) leaks++;
          cells++;
        }
      }
    }
    recordFigures("permission-matrix", { matrixCells: cells, isolationChecks: cells, leaks });
    expect(cells).toBe(orgs.length * roles.length * services.length);
    expect(leaks).toBe(0);
  });

  it("a forged organisationId on the actor reaches nothing: services read it from the membership the action resolved", async () => {
    // The action wrapper builds the Actor from the session's membership; a browser never supplies
    // organizationId (settingsSchema is strict and would refuse the field).
    const parsed = settingsSchema.safeParse({ name: "x", invitationExpiryDays: "1", defaultInvitationMessage: "", implementationAdminDomains: "", organizationId: orgs[1].id });
    expect(parsed.success).toBe(false);
  });
});
