"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { optionalId } from "@/lib/web/form-fields";
import { confirmImport, ImportFileError, importIdSchema, previewImport, type ImportResult } from "@/lib/imports/import";

const uploadSchema = z.strictObject({
  cohortId: optionalId("Not found"),
  file: z.instanceof(File, { error: "Choose a CSV file to upload" }),
});

/** Upload: read and check the file, keep the preview, and hand back its id. Nothing else is written. */
export const previewImportAction = memberAction("imports:run", uploadSchema, async (actor, { cohortId, file }) => {
  if (file.size === 0) throw new ValidationError("Check the highlighted fields.", { file: ["Choose a CSV file to upload: none was chosen, or it is empty"] });
  try {
    const preview = await previewImport(db(), actor, { cohortId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return { ok: true, data: { importId: preview.id } };
  } catch (error) {
    if (error instanceof ImportFileError) throw new ValidationError("Check the highlighted fields.", { file: [error.message] });
    throw error;
  }
});

export const confirmImportAction = memberAction("imports:run", importIdSchema, async (actor, { importId }) => {
  const result: ImportResult = await confirmImport(db(), actor, importId);
  revalidatePath("/[org]", "layout");
  return { ok: true, data: result, message: `Imported: ${result.invited} invited, ${result.enrolled} enrolled, ${result.skipped.length} skipped.` };
});
