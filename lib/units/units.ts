import { z } from "zod";
import { msg } from "../i18n/msg";
import type { Db } from "../db/client";
import { lockOrganization, tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { fieldError, NotFoundError, ValidationError } from "../errors";
import { idField, NAME_MAX, nameField, optionalId } from "../web/form-fields";

export type Unit = { id: string; name: string; parentId: string | null; archivedAt: Date | null };

const uuid = idField(msg("Units.server.chooseUnit"));
const unitName = nameField({ label: "the unit's name", max: NAME_MAX });

export const createUnitSchema = z.strictObject({ name: unitName, parentId: optionalId(msg("Units.server.chooseUnit")).default(null) });
export const renameUnitSchema = z.strictObject({ unitId: uuid, name: unitName });
export const moveUnitSchema = z.strictObject({ unitId: uuid, parentId: optionalId(msg("Units.server.chooseUnit")) });
export const archiveUnitSchema = z.strictObject({ unitId: uuid });

/** Every unit of the organisation, archived ones included (units are few: the tree is built in memory). */
export function allUnits(t: TenantTx): Promise<Unit[]> {
  return t.orgUnit.findMany({ select: { id: true, name: true, parentId: true, archivedAt: true }, orderBy: { name: "asc" } });
}

/** Every unit, archived ones included, for the pickers and filters of people's pages. */
export async function unitsForPickers(db: Db, actor: Actor): Promise<Unit[]> {
  assertCan(actor.role, "users:view");
  return allUnits(tenantDb(db, actor.organizationId));
}

/** The unit and all units below it. */
export function withDescendants(units: Unit[], unitId: string): string[] {
  const ids = [unitId];
  for (let i = 0; i < ids.length; i++) for (const u of units) if (u.parentId === ids[i]) ids.push(u.id);
  return ids;
}

/** Units in tree order with their depth, for pickers and the units page. */
export function unitTree(units: Unit[]): (Unit & { depth: number; path: string })[] {
  const out: (Unit & { depth: number; path: string })[] = [];
  const visit = (parentId: string | null, depth: number, prefix: string) => {
    for (const u of units.filter((x) => x.parentId === parentId)) {
      const path = prefix ? `${prefix} › ${u.name}` : u.name;
      out.push({ ...u, depth, path });
      visit(u.id, depth + 1, path);
    }
  };
  visit(null, 0, "");
  return out;
}

export async function listUnits(db: Db, actor: Actor) {
  assertCan(actor.role, "users:view");
  const t = tenantDb(db, actor.organizationId);
  const [units, counts] = await Promise.all([
    allUnits(t),
    t.membership.groupBy({ by: ["unitId"], where: { unitId: { not: null }, status: { not: "DEACTIVATED" } }, _count: { _all: true } }),
  ]);
  const members = new Map(counts.map((c) => [c.unitId, c._count._all]));
  return unitTree(units).map((u) => ({ ...u, members: members.get(u.id) ?? 0 }));
}

async function findUnit(tx: TenantTx, unitId: string) {
  const unit = await tx.orgUnit.findFirst({ where: { id: unitId }, select: { id: true, name: true, parentId: true, archivedAt: true } });
  if (!unit) throw new NotFoundError(msg("Units.server.missing"));
  return unit;
}

async function assertLiveParent(tx: TenantTx, parentId: string | null) {
  if (!parentId) return;
  const parent = await tx.orgUnit.findFirst({ where: { id: parentId }, select: { archivedAt: true } });
  if (!parent || parent.archivedAt) throw fieldError("parentId", msg("Units.server.chooseUnit"));
}

export async function createUnit(db: Db, actor: Actor, input: z.infer<typeof createUnitSchema>) {
  assertCan(actor.role, "units:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    await assertLiveParent(tx, input.parentId);
    const unit = await tx.orgUnit.create({ data: { organizationId: actor.organizationId, name: input.name, parentId: input.parentId } });
    await recordAudit(tx, actor, {
      action: "unit.create",
      targetType: "unit",
      targetId: unit.id,
      after: { name: unit.name, parentId: unit.parentId },
    });
    return unit;
  });
}

export async function renameUnit(db: Db, actor: Actor, input: z.infer<typeof renameUnitSchema>) {
  assertCan(actor.role, "units:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const before = await findUnit(tx, input.unitId);
    await tx.orgUnit.updateMany({ where: { id: input.unitId }, data: { name: input.name } });
    await recordAudit(tx, actor, {
      action: "unit.rename",
      targetType: "unit",
      targetId: input.unitId,
      before: { name: before.name },
      after: { name: input.name },
    });
  });
}

/** Moves a unit under another (or to the top); never under itself or one of its own sub-units. */
export async function moveUnit(db: Db, actor: Actor, input: z.infer<typeof moveUnitSchema>) {
  assertCan(actor.role, "units:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    // Serialise tree changes per organisation, so two crossing moves cannot make a cycle.
    await lockOrganization(tx, actor.organizationId);
    const before = await findUnit(tx, input.unitId);
    await assertLiveParent(tx, input.parentId);
    if (input.parentId && withDescendants(await allUnits(tx), input.unitId).includes(input.parentId)) {
      throw fieldError("parentId", msg("Units.server.cannotMoveUnder"));
    }
    await tx.orgUnit.updateMany({ where: { id: input.unitId }, data: { parentId: input.parentId } });
    await recordAudit(tx, actor, {
      action: "unit.move",
      targetType: "unit",
      targetId: input.unitId,
      before: { parentId: before.parentId },
      after: { parentId: input.parentId },
    });
  });
}

/** Archives a unit with no members and no live sub-units; its history stays. */
export async function archiveUnit(db: Db, actor: Actor, input: z.infer<typeof archiveUnitSchema>) {
  assertCan(actor.role, "units:manage");
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    await lockOrganization(tx, actor.organizationId);
    const unit = await findUnit(tx, input.unitId);
    if (unit.archivedAt) return;
    const [members, children] = await Promise.all([
      tx.membership.count({ where: { unitId: input.unitId } }),
      tx.orgUnit.count({ where: { parentId: input.unitId, archivedAt: null } }),
    ]);
    if (members > 0 || children > 0) {
      throw new ValidationError(msg("Units.server.notEmpty", { name: unit.name, members, children }));
    }
    await tx.orgUnit.updateMany({ where: { id: input.unitId }, data: { archivedAt: new Date() } });
    await recordAudit(tx, actor, { action: "unit.archive", targetType: "unit", targetId: input.unitId, before: { name: unit.name } });
  });
}
