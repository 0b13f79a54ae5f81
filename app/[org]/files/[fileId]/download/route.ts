import { Readable } from "node:stream";
import { memberRoute } from "@/lib/actions/route";
import { db } from "@/lib/db/client";
import { downloadFile } from "@/lib/files/files";
import { downloadHeaders } from "@/lib/files/http";

// GET /<org>/files/<id>/download (?inline=1 shows a sniffed PNG, JPEG, GIF or WebP in the browser): the
// file streamed from storage to whoever may see it. Anyone else (signed out, another organisation, a
// private file of someone else's, a missing id) gets the same plain 404.

export const GET = memberRoute<{ org: string; fileId: string }>(["coachees:manage", "goals:own"], async (request, { actor, params }) => {
  const { file, stream } = await downloadFile(db(), actor, { fileId: params.fileId });
  const url = new URL(request.url);
  const headers = downloadHeaders(file, url.searchParams.get("inline") === "1", url.pathname);
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { headers });
});
