"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";
import { confirmImport, importIdSchema, type ImportResult } from "@/lib/imports/import";

export const confirmImportAction = memberAction("imports:run", importIdSchema, async (actor, { importId }) => {
  const result: ImportResult = await confirmImport(db(), actor, importId);
  revalidatePath("/[org]", "layout");
  return {
    ok: true,
    data: result,
    message: msg("Imports.outcome.summary", { invited: result.invited, enrolled: result.enrolled, skipped: result.skipped.length }),
  };
});
