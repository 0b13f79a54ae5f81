import { readdirSync, readFileSync } from "node:fs";
import { readerFor } from "../../lib/i18n/translator";
import { beforeAll, describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../lib/audit/actions";
import { auditSentence } from "../../lib/audit/sentence";
import { listAuditEvents } from "../../lib/audit/list";
import { Role } from "../../lib/db/generated/enums";
import { ForbiddenError } from "../../lib/errors";
import { getSettings, settingsSchema, updateSettings } from "../../lib/orgs/settings";
import { createActor, createOrganization } from "../factories";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createOrganizationWith } from "../support/world";
import { isoDay } from "../../lib/format/dates";

// The sentences as an English reader reads them.
const en = await readerFor("en");

const db = testDb();
const input = (over: Record<string, unknown> = {}) =>
  settingsSchema.parse({
    name: "Renamed Org",
    invitationExpiryDays: "7",
    defaultInvitationMessage: "Welcome aboard",
    implementationAdminsEnabled: "on",
    implementationAdminDomains: "partner.example.com, Other.Example.org",
    ...over,
  });

let orgA: { id: string };
let orgB: { id: string };
beforeAll(async () => {
  orgA = await createOrganization(db, { seatLimit: 10 });
  orgB = await createOrganization(db, { name: "Untouched B", seatLimit: 10 });
});

describe("organisation settings", () => {
  it("an ADMIN saves the settings, parsed from the form, and the change is audited with before and after", async () => {
    const admin = await createActor(db, orgA.id, "ADMIN");
    const saved = await updateSettings(db, admin, input());
    expect(saved).toMatchObject({
      name: "Renamed Org",
      invitationExpiryDays: 7,
      implementationAdminsEnabled: true,
      implementationAdminDomains: ["partner.example.com", "other.example.org"],
    });
    const [event] = (await listAuditEvents(db, admin, { page: 1, action: "settings.update" })).events;
    expect(event.actor?.email).toBe(admin.email);
    expect(event.ipAddress).toBe("192.0.2.10");
    expect(event.before).toMatchObject({ invitationExpiryDays: 14 });
    expect(event.after).toMatchObject({ invitationExpiryDays: 7 });
  });

  it("only an OWNER changes the seat limit; an ADMIN's attempt changes nothing", async () => {
    const admin = await createActor(db, orgA.id, "ADMIN");
    await expect(updateSettings(db, admin, input({ seatLimit: "500", name: "Should not stick" }))).rejects.toThrow(ForbiddenError);
    expect(await db.organization.findUniqueOrThrow({ where: { id: orgA.id } })).toMatchObject({ seatLimit: 10, name: "Renamed Org" });

    const owner = await createActor(db, orgA.id, "OWNER");
    expect((await updateSettings(db, owner, input({ seatLimit: "500" }))).seatLimit).toBe(500);
  });

  it("refuses roles without the permission, with an ADMIN as the positive control", async () => {
    for (const role of Object.values(Role)) {
      const actor = await createActor(db, orgA.id, role);
      const allowed = ["OWNER", "ADMIN", "IMPLEMENTATION_ADMIN"].includes(role);
      if (allowed) await expect(getSettings(db, actor)).resolves.toMatchObject({ slug: expect.any(String) });
      else await expect(getSettings(db, actor)).rejects.toThrow(ForbiddenError);
    }
  });

  it("a change in one organisation leaves the other untouched, and its audit log shows nothing of it", async () => {
    const adminB = await createActor(db, orgB.id, "ADMIN");
    expect((await getSettings(db, adminB)).name).toBe("Untouched B");
    const seen = await listAuditEvents(db, adminB, { page: 1 });
    expect(seen.events.filter((e) => e.targetId === orgA.id)).toHaveLength(0);
    recordFigures("settings", { isolationChecks: 1, leaks: seen.events.filter((e) => e.targetId === orgA.id).length });
  });

  it("bad input gets a message per field", () => {
    const result = settingsSchema.safeParse({
      name: "",
      invitationExpiryDays: "0",
      defaultInvitationMessage: "",
      implementationAdminDomains: "not a domain",
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["name", "invitationExpiryDays", "implementationAdminDomains"]));
  });
});

describe("audit log", () => {
  it("filters by action, actor, target and date, and pages", async () => {
    const { org, owner } = await createOrganizationWith(db, ["owner"]);
    for (let i = 0; i < 30; i++) await updateSettings(db, owner, input({ name: `Name ${i}` }));

    const page1 = await listAuditEvents(db, owner, { page: 1 });
    expect(page1.total).toBe(30);
    expect(page1.pages).toBe(2);
    expect(page1.events).toHaveLength(25);
    expect((page1.events[0].after as { name: string }).name).toBe("Name 29");
    expect((await listAuditEvents(db, owner, { page: 2 })).events).toHaveLength(5);

    expect((await listAuditEvents(db, owner, { page: 1, actor: owner.email.toUpperCase() })).total).toBe(30);
    expect((await listAuditEvents(db, owner, { page: 1, actor: "nobody@" })).total).toBe(0);
    expect((await listAuditEvents(db, owner, { page: 1, target: org.id })).total).toBe(30);
    expect((await listAuditEvents(db, owner, { page: 1, action: "user." })).total).toBe(0);
    const today = isoDay(new Date());
    expect((await listAuditEvents(db, owner, { page: 1, from: today, to: today })).total).toBe(30);
    expect((await listAuditEvents(db, owner, { page: 1, to: "2020-01-01" })).total).toBe(0);
  });

  it("is closed to roles without audit:view", async () => {
    const { coach } = await createOrganizationWith(db, ["coach"]);
    await expect(listAuditEvents(db, coach, { page: 1 })).rejects.toThrow(ForbiddenError);
  });
});

describe("audit action names", () => {
  it("the migration renames rows written under the old names to the noun.verb ones, and leaves the rest", async () => {
    const org = await createOrganization(db);
    const owner = await createActor(db, org.id, "OWNER");
    const old = ["member.role_change", "member.unit_change", "member.update", "settings.update"];
    await db.auditEvent.createMany({
      data: old.map((action) => ({ organizationId: org.id, actorId: owner.userId, action, targetType: "membership" })),
    });
    const folder = readdirSync("prisma/migrations").find((name) => name.endsWith("_audit_action_names"));
    const sql = readFileSync(`prisma/migrations/${folder}/migration.sql`, "utf8");
    for (const statement of sql
      .split(";")
      .map((s) => s.replace(/--.*$/gm, "").trim())
      .filter(Boolean))
      await db.$executeRawUnsafe(statement);
    const now = (await db.auditEvent.findMany({ where: { organizationId: org.id }, orderBy: { action: "asc" } })).map((e) => e.action);
    expect(now).toEqual(["member.change_role", "member.change_unit", "member.update", "settings.update"]);
    // Every name now in the log is one the code knows, and reads as a sentence.
    expect(now.every((a) => a in AUDIT_ACTIONS)).toBe(true);
    const roleChange = {
      action: "member.change_role",
      targetType: "membership",
      actorName: "Adam Admin",
      targetName: "Pat Participant",
      before: { role: "PARTICIPANT" },
      after: { role: "COACH" },
      names: {},
    };
    expect(auditSentence(en, roleChange)).toBe("Adam Admin changed Pat Participant's role from Participant to Coach");
  });
});
