import { z } from "zod";
import { parseForm, settle, type ActionResult } from "@/lib/actions/core";
import { memberRoute } from "@/lib/actions/route";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { msg } from "@/lib/i18n/msg";
import { ImportFileError, previewImport } from "@/lib/imports/import";
import { FILE_TOO_BIG, MAX_IMPORT_BYTES } from "@/lib/imports/limits";
import { readCappedBody } from "@/lib/web/capped-body";
import { optionalId } from "@/lib/web/form-fields";

export const dynamic = "force-dynamic";

// The file at its limit plus the multipart framing and the form's other fields around it.
const BODY_LIMIT = MAX_IMPORT_BYTES + 64 * 1024;

type UploadResult = ActionResult<{ importId: string }>;

const uploadSchema = z.strictObject({
  cohortId: optionalId(msg("Server.missing")),
  file: z.instanceof(File, { error: msg("Imports.server.chooseFile") }),
});

const fileError = (message: string): UploadResult => ({
  ok: false,
  error: msg("Server.checkFields"),
  fieldErrors: { file: [message] },
});

/** The route's answer (memberRoute puts it into the words of the person who sent the file). */
const answer = (result: UploadResult, status: number) => Response.json(result, { status });

/**
 * The CSV upload: read and check the file, keep the preview, and hand back its id; nothing else is
 * written. A route handler rather than a server action because a server action's body over Next's
 * limit fails with a 500 and a reset connection; here an upload over the limit gets the same message
 * the browser shows before sending, as a 413, without its body being held. The guard (origin,
 * session, membership, permission) is the server actions' own, and runs before the body is read.
 */
export const POST = memberRoute("imports:run", async (request, { actor }) => {
  const body = await readCappedBody(request, BODY_LIMIT);
  if (!body) return answer(fileError(FILE_TOO_BIG), 413);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return answer(fileError(msg("Imports.server.chooseFile")), 400);
  }
  const result = await settle<{ importId: string }>(async () => {
    const { cohortId, file } = parseForm(uploadSchema, form);
    if (file.size === 0) throw new ValidationError(msg("Server.checkFields"), { file: [msg("Imports.server.fileNoneOrEmpty")] });
    try {
      const preview = await previewImport(db(), actor, { cohortId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      return { ok: true, data: { importId: preview.id } };
    } catch (error) {
      if (error instanceof ImportFileError) return fileError(error.message);
      throw error;
    }
  });
  return answer(result, result.ok ? 200 : 400);
});
