import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import { recordAudit } from "../../lib/audit/record";
import type { Db, Tx } from "../../lib/db/client";
import { lockOrganization, TENANT_MODELS, tenantDb, type TenantDb, type TenantTx } from "../../lib/db/tenant";
import { validateRows } from "../../lib/imports/validate";
import { sendInvitationsIn } from "../../lib/invitations/send";
import { programmeScope } from "../../lib/programmes/scope";
import { allUnits } from "../../lib/units/units";
import { seatUsage } from "../../lib/users/seats";

// Type-level tests: the functions below are compiled by `tsc --noEmit` (`npm test`'s type-check tier,
// `npm run typecheck`) and never run. Each `@ts-expect-error` says the line must NOT compile; the
// compiler fails on one that compiles after all.

const entry = { action: "settings.update", targetType: "organization" } as const;

async function plainClientsAreRefused(db: Db, tx: Tx, actor: Actor) {
  // @ts-expect-error a plain client is not tenant-scoped
  await recordAudit(db, actor, entry);
  // @ts-expect-error nor is a transaction opened on one
  await recordAudit(tx, actor, entry);
  // @ts-expect-error lockOrganization needs a tenant-scoped client
  await lockOrganization(tx, actor.organizationId);
  // @ts-expect-error seatUsage needs a tenant-scoped client
  await seatUsage(db);
  // @ts-expect-error allUnits needs a tenant-scoped client
  await allUnits(db);
  // @ts-expect-error programmeScope needs a tenant-scoped client
  await programmeScope(db, actor);
  // @ts-expect-error validateRows needs a tenant-scoped client
  await validateRows(tx, [], null);
  await db.$transaction(async (plain) => {
    // @ts-expect-error a plain client's transaction stays plain
    await sendInvitationsIn(plain, actor, { emails: "", role: "PARTICIPANT", programmeIds: [], unitId: null, message: "", mode: "invite" });
  });
}

async function scopedClientsAreAccepted(db: Db, actor: Actor) {
  const t = tenantDb(db, actor.organizationId);
  await recordAudit(t, actor, entry);
  await seatUsage(t);
  await t.$transaction(async (tx) => {
    expectTypeOf(tx).toEqualTypeOf<TenantTx>();
    await lockOrganization(tx, actor.organizationId);
    await recordAudit(tx, actor, entry);
    await validateRows(tx, [], null);
  });
}

async function onlyNamedAuditActions(db: Db, actor: Actor) {
  const t = tenantDb(db, actor.organizationId);
  // @ts-expect-error audit actions are the union in lib/audit/actions.ts, named noun.verb
  await recordAudit(t, actor, { action: "invite", targetType: "membership" });
  // @ts-expect-error an old name is refused too
  await recordAudit(t, actor, { action: "member.role_change", targetType: "membership" });
}

void [plainClientsAreRefused, scopedClientsAreAccepted, onlyNamedAuditActions];

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .filter((f) => !f.includes(`${path.sep}generated${path.sep}`));
}

// The client's property for each tenant model (`goal` for Goal), read off the same list tenantDb scopes
// by, and the organisation itself.
const DELEGATES = [...TENANT_MODELS].map((m) => m[0].toLowerCase() + m.slice(1));
const PLAIN_ACCESS = new RegExp(`\\b(db|client)(\\(\\))?\\.(${[...DELEGATES, "organization"].join("|")})\\b`);

describe("tenant-scoped clients", () => {
  it("are told apart from plain ones by the compiler", () => {
    expectTypeOf<Db>().not.toExtend<TenantTx>();
    expectTypeOf<Tx>().not.toExtend<TenantTx>();
    expectTypeOf<TenantDb>().toExtend<TenantTx>();
    expectTypeOf<TenantTx>().toExtend<Tx>();
  });

  it("are never built by a page, action or route handler: they call services", () => {
    const builds = (f: string) => /\btenantDb\(|lib\/db\/tenant/.test(readFileSync(path.join(ROOT, f), "utf8"));
    const pages = sourceFiles("app");
    expect(pages.length).toBeGreaterThan(50);
    // The check sees a service that builds one.
    expect(builds(path.join("lib", "goals", "goals.ts"))).toBe(true);
    expect(pages.filter(builds)).toEqual([]);
  });

  it("tenant tables are read through the plain client only in lib/db/cross-tenant.ts", () => {
    // Every model with an organizationId is a tenant model (the outbox, one queue for all, aside), and
    // the check sees a plain read of each: it could fail for any of them.
    expect(DELEGATES).toEqual(
      expect.arrayContaining(["membership", "goal", "note", "coacheeFile", "notification", "assessmentAssignment"]),
    );
    expect(DELEGATES).not.toContain("emailOutbox");
    for (const delegate of DELEGATES) expect(PLAIN_ACCESS.test(`await db.${delegate}.findMany()`), delegate).toBe(true);
    expect(PLAIN_ACCESS.test("await t.goal.findMany()")).toBe(false);
    // The one file allowed plain reads has them, and the scan reaches the rest.
    expect(PLAIN_ACCESS.test(readFileSync(path.join(ROOT, "lib", "db", "cross-tenant.ts"), "utf8"))).toBe(true);
    const scanned = [...sourceFiles("lib"), ...sourceFiles("app")];
    expect(scanned.length).toBeGreaterThan(100);
    const offenders = scanned
      .filter((f) => f !== path.join("lib", "db", "cross-tenant.ts"))
      .filter((f) => PLAIN_ACCESS.test(readFileSync(path.join(ROOT, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
