import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../../lib/errors";
import { archiveUnit, createUnit, createUnitSchema, listUnits, moveUnit, renameUnit } from "../../lib/units/units";
import { createMember, createOrganization } from "../factories";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createOrganizationWith } from "../support/world";
import { english, englishError } from "../support/english";

const db = testDb();

describe("organisational units", () => {
  it("are created, renamed, moved and archived, in tree order, audited", async () => {
    const { org, admin } = await createOrganizationWith(db, ["admin"]);
    const emea = await createUnit(db, admin, createUnitSchema.parse({ name: "EMEA" }));
    const uk = await createUnit(db, admin, createUnitSchema.parse({ name: "UK", parentId: emea.id }));
    const london = await createUnit(db, admin, createUnitSchema.parse({ name: "London", parentId: uk.id }));
    const apac = await createUnit(db, admin, createUnitSchema.parse({ name: "APAC" }));
    await renameUnit(db, admin, { unitId: uk.id, name: "United Kingdom" });
    expect((await listUnits(db, admin)).map((u) => `${"-".repeat(u.depth)}${u.name}`)).toEqual([
      "APAC",
      "EMEA",
      "-United Kingdom",
      "--London",
    ]);

    // Never under itself or its own sub-unit.
    for (const parentId of [emea.id, london.id]) {
      const error = await moveUnit(db, admin, { unitId: emea.id, parentId }).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(english(error.fieldErrors.parentId[0])).toMatch(/under itself/);
    }
    await moveUnit(db, admin, { unitId: london.id, parentId: apac.id });
    expect((await listUnits(db, admin)).find((u) => u.name === "London")?.path).toBe("APAC › London");

    // Archive only when empty.
    const m = await createMember(db, org.id, { role: "COACH" });
    await db.membership.update({
      where: { organizationId_id: { organizationId: org.id, id: m.membership.id } },
      data: { unitId: london.id },
    });
    expect(await englishError(archiveUnit(db, admin, { unitId: london.id }))).toMatch(/1 member elsewhere/);
    expect(await englishError(archiveUnit(db, admin, { unitId: apac.id }))).toMatch(/1 sub-unit/);
    await archiveUnit(db, admin, { unitId: uk.id });
    expect((await db.orgUnit.findFirstOrThrow({ where: { id: uk.id } })).archivedAt).not.toBeNull();
    // An archived unit takes no new sub-units.
    await expect(createUnit(db, admin, createUnitSchema.parse({ name: "Leeds", parentId: uk.id }))).rejects.toThrow(ValidationError);
    const actions = (await db.auditEvent.findMany({ where: { organizationId: org.id }, orderBy: { createdAt: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["unit.create", "unit.create", "unit.create", "unit.create", "unit.rename", "unit.move", "unit.archive"]);
  });

  it("treat another organisation's units as missing", async () => {
    const { org: a, admin } = await createOrganizationWith(db, ["admin"]);
    const b = await createOrganization(db);
    const theirs = await db.orgUnit.create({ data: { organizationId: b.id, name: "Theirs" } });
    const mine = await db.orgUnit.create({ data: { organizationId: a.id, name: "Mine" } });
    await expect(renameUnit(db, admin, { unitId: theirs.id, name: "Pwned" })).rejects.toThrow(NotFoundError);
    await expect(moveUnit(db, admin, { unitId: theirs.id, parentId: null })).rejects.toThrow(NotFoundError);
    await expect(archiveUnit(db, admin, { unitId: theirs.id })).rejects.toThrow(NotFoundError);
    await expect(moveUnit(db, admin, { unitId: mine.id, parentId: theirs.id })).rejects.toThrow(ValidationError);
    await expect(createUnit(db, admin, { name: "Child", parentId: theirs.id })).rejects.toThrow(ValidationError);
    expect(await db.orgUnit.findFirstOrThrow({ where: { id: theirs.id } })).toMatchObject({ name: "Theirs", archivedAt: null });
    expect((await db.orgUnit.findFirstOrThrow({ where: { id: mine.id } })).parentId).toBeNull();
    recordFigures("units-cross-tenant", { isolationChecks: 5, leaks: 0 });
  });
});
