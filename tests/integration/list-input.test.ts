import { beforeAll, describe, expect, it } from "vitest";
import { auditFilterSchema, listAuditEvents } from "../../lib/audit/list";
import type { Actor } from "../../lib/authz/actor";
import { listUsers, userFilterSchema } from "../../lib/users/list";
import { firstValues, type RawSearchParams } from "../../lib/web/search-params";
import { createActor, createMember, createOrganization, unique } from "../factories";
import { testDb } from "../support/db";

const db = testDb();

// What a list page does with its URL: the shared parser, then the service, against the real database.
const users = (actor: Actor, raw: RawSearchParams) => listUsers(db, actor, userFilterSchema.parse(firstValues(raw)));
const audit = (actor: Actor, raw: RawSearchParams) => listAuditEvents(db, actor, auditFilterSchema.parse(firstValues(raw)));

describe("list searches and filters from hostile URLs", () => {
  let admin: Actor;
  const named: Record<string, string> = {};

  beforeAll(async () => {
    const org = await createOrganization(db, { name: "Wildcards Org", seatLimit: 50 });
    admin = await createActor(db, org.id, "ADMIN");
    // Six ordinary names, one with a literal %, one with a literal _, one with a backslash.
    for (const [first, last] of [
      ["Ada", "Lovelace"],
      ["Alan", "Turing"],
      ["Grace", "Hopper"],
      ["Edsger", "Dijkstra"],
      ["Barbara", "Liskov"],
      ["Ken", "Thompson"],
      ["Hundred", "Per%cent"],
      ["Under", "Sco_re"],
      ["Back", "Sla\\sh"],
    ]) {
      const { user } = await createMember(db, org.id, {
        email: `${first.toLowerCase()}-${unique()}@wild.test`,
      });
      await db.user.update({ where: { id: user.id }, data: { firstName: first, lastName: last } });
      named[last] = user.id;
    }
    await db.auditEvent.createMany({
      data: [
        { organizationId: org.id, actorId: admin.userId, action: "settings.update", targetType: "organization" },
        { organizationId: org.id, actorId: admin.userId, action: "member_role.change", targetType: "membership" },
        { organizationId: org.id, actorId: admin.userId, action: "memberXrole.change", targetType: "membership" },
      ],
    });
  });

  it("treats % _ and \\ in the users search as the characters themselves", async () => {
    const lastNames = async (q: string) => (await users(admin, { q })).rows.map((r) => r.user.lastName).sort();
    expect(await lastNames("%")).toEqual(["Per%cent"]);
    expect(await lastNames("_")).toEqual(["Sco_re"]);
    expect(await lastNames("\\")).toEqual(["Sla\\sh"]);
    expect(await lastNames("per%c")).toEqual(["Per%cent"]);
    expect(await lastNames("a_a")).toEqual([]);
    // The positive control: an ordinary word still finds by part of a name.
    expect(await lastNames("ov")).toEqual(["Liskov", "Lovelace"]);
  });

  it("answers a NUL, a 10,000-character search and a nonsense page with a list, not a database error", async () => {
    expect((await users(admin, { q: "\u0000" })).total).toBe(10);
    expect((await users(admin, { q: "Lo\u0000velace" })).rows.map((r) => r.user.lastName)).toEqual(["Lovelace"]);
    expect((await users(admin, { q: "x".repeat(10_000) })).total).toBe(10);
    expect((await users(admin, { q: '\'; DROP TABLE "User"; --', page: "-1" })).total).toBe(0);
    // A page past the end (however far) shows the last: here the one page of the ten.
    const deep = await users(admin, { page: "99999999999999999999" });
    expect(deep).toMatchObject({ page: 1, pages: 1, total: 10 });
    expect(deep.rows).toHaveLength(10);
  });

  it("reads audit filters the same way: literal text, far dates ignored", async () => {
    const actions = async (raw: RawSearchParams) => (await audit(admin, raw)).events.map((e) => e.action).sort();
    expect(await actions({ action: "member_" })).toEqual(["member_role.change"]);
    expect(await actions({ action: "%" })).toEqual([]);
    expect(await actions({ actor: "%" })).toEqual([]);
    expect(await actions({ actor: "\u0000", action: "settings\u0000" })).toEqual(["settings.update"]);
    for (const day of ["0000-01-01", "99999-12-31", "1899-12-31", "2026-02-30"]) {
      expect(await actions({ from: day, to: day }), day).toHaveLength(3);
    }
    expect(await actions({ from: "2200-12-31" })).toEqual([]);
    expect(await actions({ to: "1900-01-01" })).toEqual([]);
  });
});
