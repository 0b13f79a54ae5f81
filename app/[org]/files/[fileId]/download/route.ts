import { Readable } from "node:stream";
import { memberRoute } from "@/lib/actions/route";
import { db } from "@/lib/db/client";
import { downloadFile, getFile } from "@/lib/files/files";
import { downloadHeaders, fileRouteHeaders, rangeNotSatisfiable } from "@/lib/files/http";
import { byteRange, RangeNotSatisfiableError } from "@/lib/files/ranges";

// GET /<org>/files/<id>/download (?inline=1 shows a sniffed PNG, JPEG, GIF or WebP in the browser): the
// file streamed from storage to whoever may see it. Anyone else (signed out, another organisation, a
// private file of someone else's, a missing id) gets the same plain 404. A Range header (one range:
// `bytes=a-b`, `a-` or `-n`) answers 206 with only those bytes, so large files and videos resume; a
// range past the end answers 416. HEAD answers the same headers without opening the object: Next would
// otherwise run GET for it and never read or close the stream, leaving a file handle (or an S3
// connection) open per request.

type Params = { org: string; fileId: string };
const NEEDS = ["coachees:manage", "goals:own"] as const;
const inlineAsked = (url: URL) => url.searchParams.get("inline") === "1";

export const GET = memberRoute<Params>(
  [...NEEDS],
  async (request, { actor, params }) => {
    const url = new URL(request.url);
    try {
      const { file, part, stream } = await downloadFile(db(), actor, { fileId: params.fileId, range: request.headers.get("range") });
      const headers = downloadHeaders(file, inlineAsked(url), url.pathname, part);
      return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: part ? 206 : 200, headers });
    } catch (error) {
      if (error instanceof RangeNotSatisfiableError) return rangeNotSatisfiable(error.size, url.pathname);
      throw error;
    }
  },
  { headers: fileRouteHeaders },
);

export const HEAD = memberRoute<Params>(
  [...NEEDS],
  async (request, { actor, params }) => {
    const file = await getFile(db(), actor, { fileId: params.fileId });
    const url = new URL(request.url);
    const part = byteRange(request.headers.get("range"), file.size);
    if (part === "unsatisfiable") return rangeNotSatisfiable(file.size, url.pathname);
    return new Response(null, { status: part ? 206 : 200, headers: downloadHeaders(file, inlineAsked(url), url.pathname, part) });
  },
  { headers: fileRouteHeaders },
);
