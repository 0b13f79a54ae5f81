"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";
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
  return done(msg("Units.server.created", { name: input.name }));
});
export const renameUnitAction = memberAction("units:manage", renameUnitSchema, async (actor, input) => {
  await renameUnit(db(), actor, input);
  return done(msg("Units.server.renamed", { name: input.name }));
});
export const moveUnitAction = memberAction("units:manage", moveUnitSchema, async (actor, input) => {
  await moveUnit(db(), actor, input);
  return done(msg("Units.server.moved"));
});
export const archiveUnitAction = memberAction("units:manage", archiveUnitSchema, async (actor, input) => {
  await archiveUnit(db(), actor, input);
  return done(msg("Units.server.archived"));
});
