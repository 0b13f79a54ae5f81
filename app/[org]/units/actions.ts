"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import {
  archiveUnit,
  archiveUnitSchema,
  createUnit,
  createUnitSchema,
  moveUnit,
  moveUnitSchema,
  renameUnit,
  renameUnitSchema,
} from "@/lib/units/units";

const done = (message: string) => {
  revalidatePath("/[org]/units", "page");
  return { ok: true as const, message };
};

export const createUnitAction = memberAction("units:manage", createUnitSchema, async (actor, input) => {
  await createUnit(db(), actor, input);
  return done(`${input.name} created.`);
});
export const renameUnitAction = memberAction("units:manage", renameUnitSchema, async (actor, input) => {
  await renameUnit(db(), actor, input);
  return done(`Renamed to ${input.name}.`);
});
export const moveUnitAction = memberAction("units:manage", moveUnitSchema, async (actor, input) => {
  await moveUnit(db(), actor, input);
  return done("Moved.");
});
export const archiveUnitAction = memberAction("units:manage", archiveUnitSchema, async (actor, input) => {
  await archiveUnit(db(), actor, input);
  return done("Archived.");
});
