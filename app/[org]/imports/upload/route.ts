import { z } from "zod";
import { memberAction, type ActionResult } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { ImportFileError, previewImport } from "@/lib/imports/import";
import { FILE_TOO_BIG, MAX_IMPORT_BYTES } from "@/lib/imports/limits";
import { readCappedBody } from "@/lib/web/capped-body";
import { optionalId } from "@/lib/web/form-fields";

export const dynamic = "force-dynamic";

// The file at its limit plus the multipart framing and the form's other fields around it.
const BODY_LIMIT = MAX_IMPORT_BYTES + 64 * 1024;

type UploadResult = ActionResult<{ importId: string }>;

const uploadSchema = z.strictObject({
  cohortId: optionalId("Not found"),
  file: z.instanceof(File, { error: "Choose a CSV file to upload" }),
});

const fileError = (message: string): UploadResult => ({ ok: false, error: "Check the highlighted fields.", fieldErrors: { file: [message] } });

/** Read and check the file, keep the preview, and hand back its id. Nothing else is written. */
const preview = memberAction("imports:run", uploadSchema, async (actor, { cohortId, file }): Promise<UploadResult> => {
  if (file.size === 0) throw new ValidationError("Check the highlighted fields.", { file: ["Choose a CSV file to upload: none was chosen, or it is empty"] });
  try {
    const result = await previewImport(db(), actor, { cohortId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return { ok: true, data: { importId: result.id } };
  } catch (error) {
    if (error instanceof ImportFileError) return fileError(error.message);
    throw error;
  }
});

/**
 * The CSV upload. A route handler rather than a server action because a server action's body over
 * Next's limit fails with a 500 and a reset connection; here an upload over the limit gets the same
 * message the browser shows before sending, as a 413, without its body being held. The checks are the
 * server action wrapper's own: origin, session, membership, permission, schema.
 */
export async function POST(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const body = await readCappedBody(request, BODY_LIMIT);
  if (!body) return Response.json(fileError(FILE_TOO_BIG), { status: 413 });
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return Response.json(fileError("Choose a CSV file to upload"), { status: 400 });
  }
  // The organisation is the one in the URL, whatever the form says.
  form.set("org", (await params).org);
  const result = await preview(null, form);
  return Response.json(result, { status: result.ok ? 200 : 400 });
}
