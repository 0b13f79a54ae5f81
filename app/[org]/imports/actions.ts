"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { confirmImport, importIdSchema, type ImportResult } from "@/lib/imports/import";

export const confirmImportAction = memberAction("imports:run", importIdSchema, async (actor, { importId }) => {
  const result: ImportResult = await confirmImport(db(), actor, importId);
  revalidatePath("/[org]", "layout");
  return {
    ok: true,
    data: result,
    message: `Imported: ${result.invited} invited, ${result.enrolled} enrolled, ${result.skipped.length} skipped.`,
  };
});
