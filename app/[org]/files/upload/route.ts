import { memberRoute } from "@/lib/actions/route";
import { toResult } from "@/lib/actions/core";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { uploadFile } from "@/lib/files/upload";
import { UploadBoundError } from "@/lib/files/quota";
import { FILE_NAME_HEADER, fileRouteHeaders, headerFileName } from "@/lib/files/http";
import type { FileVisibility } from "@/lib/db/generated/enums";
import { msg } from "@/lib/i18n/msg";

// POST /<org>/files/upload?coachee=<membership id>&visibility=PRIVATE|SHARED, the raw file as the body
// and its name percent-encoded in X-File-Name. memberRoute checks the Origin (route handlers get no
// server-action origin check), the session, the membership and the permission; uploadFile checks the
// coachee is the actor's to reach, reserves the declared Content-Length of the storage quota (and the
// uploader's hourly allowance) and streams the body through the size counter and the sniffer into storage.
// The proxy is kept off this path (proxy.ts): it would hold the whole body in memory. memberRoute puts
// the JSON answers into the sender's words.

export const POST = memberRoute<{ org: string }>(
  ["coachees:manage", "goals:own"],
  async (request, { actor }) => {
    const url = new URL(request.url);
    const headers = { ...fileRouteHeaders(url.pathname), "Cache-Control": "no-store" };
    const length = request.headers.get("content-length");
    try {
      const file = await uploadFile(db(), actor, {
        coacheeMembershipId: url.searchParams.get("coachee") ?? "",
        visibility: (url.searchParams.get("visibility") ?? "") as FileVisibility,
        name: headerFileName(request.headers.get(FILE_NAME_HEADER)),
        body: request.body ?? (async function* () {})(),
        declaredSize: length !== null && /^\d+$/.test(length) ? Number(length) : undefined,
      });
      return Response.json(
        { ok: true, message: msg("Files.server.uploaded", { name: file.originalName }), data: { id: file.id } },
        { headers },
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // Too large or no room in the storage quota: 413; the uploader's hourly allowance used up: 429.
      const status = error instanceof UploadBoundError ? error.status : 400;
      return Response.json(toResult(error), { status, headers });
    }
  },
  { headers: fileRouteHeaders },
);
