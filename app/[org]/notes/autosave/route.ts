import { parseForm, settle } from "@/lib/actions/core";
import { memberRoute } from "@/lib/actions/route";
import { db } from "@/lib/db/client";
import { saveNote, saveNoteSchema } from "@/lib/notes/notes";
import { NotFoundError } from "@/lib/errors";
import { msg } from "@/lib/i18n/msg";
import { readCappedBody } from "@/lib/web/capped-body";

export const dynamic = "force-dynamic";

// A note's title and body at their limits, in UTF-8, with the form's framing.
const BODY_LIMIT = 256 * 1024;

/**
 * The note editor's autosave: the note as it stands, a moment after the last keystroke and whenever
 * the page is left (blur, the tab hidden, the page closed). A route handler rather than a server
 * action so the browser can send the last save with `fetch(..., { keepalive: true })`, which outlives
 * a closing tab where a server action's request is cancelled. The guard (origin, session, membership,
 * permission) is the server actions' own; saveNote decides whose note it is.
 */
// A note one may not see is a 404, as memberRoute answers every "not found".
const rethrowNotFound = (error: unknown) => {
  if (error instanceof NotFoundError) throw error;
};

export const POST = memberRoute(["coachees:manage", "goals:own"], async (request, { actor }) => {
  const body = await readCappedBody(request, BODY_LIMIT);
  if (!body) return Response.json({ ok: false, error: msg("Notes.server.tooLong") }, { status: 413 });
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return Response.json({ ok: false, error: msg("Notes.editor.notSaved") }, { status: 400 });
  }
  const result = await settle<{ savedAt: string }>(async () => {
    const saved = await saveNote(db(), actor, parseForm(saveNoteSchema, form));
    return { ok: true, data: { savedAt: saved.updatedAt.toISOString() } };
  }, rethrowNotFound);
  // In the sender's words: memberRoute puts every JSON answer into them.
  return Response.json(result, { status: result.ok ? 200 : 400 });
});
