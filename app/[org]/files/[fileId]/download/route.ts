import { Readable } from "node:stream";
import { memberRoute } from "@/lib/actions/route";
import { db } from "@/lib/db/client";
import { downloadFile, getFile } from "@/lib/files/files";
import { downloadHeaders, fileRouteHeaders } from "@/lib/files/http";

// GET /<org>/files/<id>/download (?inline=1 shows a sniffed PNG, JPEG, GIF or WebP in the browser): the
// file streamed from storage to whoever may see it. Anyone else (signed out, another organisation, a
// private file of someone else's, a missing id) gets the same plain 404. HEAD answers the same headers
// without opening the object: Next would otherwise run GET for it and never read or close the stream,
// leaving a file handle (or an S3 connection) open per request.

type Params = { org: string; fileId: string };
const NEEDS = ["coachees:manage", "goals:own"] as const;
const inlineAsked = (url: URL) => url.searchParams.get("inline") === "1";

export const GET = memberRoute<Params>(
  [...NEEDS],
  async (request, { actor, params }) => {
    const { file, stream } = await downloadFile(db(), actor, { fileId: params.fileId });
    const url = new URL(request.url);
    const headers = downloadHeaders(file, inlineAsked(url), url.pathname);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { headers });
  },
  { headers: fileRouteHeaders },
);

export const HEAD = memberRoute<Params>(
  [...NEEDS],
  async (request, { actor, params }) => {
    const file = await getFile(db(), actor, { fileId: params.fileId });
    const url = new URL(request.url);
    return new Response(null, { headers: downloadHeaders(file, inlineAsked(url), url.pathname) });
  },
  { headers: fileRouteHeaders },
);
