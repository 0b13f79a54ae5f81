import { NextResponse, type NextRequest } from "next/server";
import { FORM_TOO_LARGE_TEXT, REQUEST_REFUSED_TEXT } from "@/lib/web/request-bounds";
import { env } from "@/lib/env";
import { PATH_HEADER } from "@/lib/i18n/path-header";
import { ACTION_BODY_MAX_BYTES } from "@/lib/web/request-bounds";
import { newNonce, securityHeaders } from "@/lib/web/security-headers";

// Sets the security headers on every response, whichever server runs Next. Who may see what is decided
// by each page, action and route handler itself, never here; the proxy only answers what needs no
// session: a request that changes data from another origin, a server action's body past the limit,
// and the trailing-slash redirect (Next's own, sent before the proxy runs, would carry no headers).
export function proxy(request: NextRequest) {
  const { pathname, search } = new URL(request.url);
  const appUrl = env().APP_URL;
  const headers = securityHeaders({ nonce: newNonce(), pathname, appUrl, dev: process.env.NODE_ENV === "development" });
  const early = earlyAnswer(request, pathname, search, appUrl);
  if (early) {
    for (const [name, value] of Object.entries(headers)) early.headers.set(name, value);
    return early;
  }
  // Next renders with the policy it finds on the request: that is how its own scripts get the nonce.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  // Which organisation a page is in, for its language (lib/i18n/request-locale.ts); set here, over
  // anything the client sent under that name.
  requestHeaders.set(PATH_HEADER, pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * What the proxy answers itself, or null to let Next handle the request:
 * - a request that changes data with an Origin that is not ours (foreign, `null`, malformed): 403 in the
 *   actions' JSON shape. Next's own check answers server actions like that with a 500 and an error log
 *   line (a malformed Origin throws inside it); the guard (lib/actions/core.ts) still refuses a missing one.
 * - a server action whose stated length passes the limit: 413, before Next reads a byte of it.
 * - a path ending in "/": 308 to the path without it (leading slashes folded too, so `//host/` cannot
 *   become a redirect to another site).
 */
function earlyAnswer(request: NextRequest, pathname: string, search: string, appUrl: string): Response | null {
  if (!READS.has(request.method)) {
    const ourOrigin = new URL(appUrl).origin;
    const origin = request.headers.get("origin");
    if (origin !== null && origin !== ourOrigin) return Response.json({ ok: false, error: REQUEST_REFUSED_TEXT }, { status: 403 });
    const length = Number(request.headers.get("content-length") ?? 0);
    if (request.headers.has("next-action") && length > ACTION_BODY_MAX_BYTES)
      return Response.json({ ok: false, error: FORM_TOO_LARGE_TEXT }, { status: 413 });
  }
  // On APP_URL, never the Host header's: Next needs an absolute URL here (and makes it relative again).
  if (pathname.length > 1 && pathname.endsWith("/"))
    return NextResponse.redirect(new URL(`/${pathname.replace(/^\/+|\/+$/g, "")}${search}`, appUrl), 308);
  return null;
}

// Every path but the file routes, which set their own headers (lib/files/http.ts): Next holds (and
// past 10 MB cuts) the body of any request the proxy runs for, and a download's policy is a sandbox,
// not the pages' policy this would put in its place.
export const config = { matcher: ["/((?![^/]+/files/(?:upload|[^/]+/download)$).*)"] };
