import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { newNonce, securityHeaders } from "@/lib/web/security-headers";

// Sets the security headers on every response, whichever server runs Next. It only sets headers: who
// may see what is decided by each page, action and route handler itself, never here.
export function proxy(request: NextRequest) {
  const headers = securityHeaders({
    nonce: newNonce(),
    pathname: request.nextUrl.pathname,
    appUrl: env().APP_URL,
    dev: process.env.NODE_ENV === "development",
  });
  // Next renders with the policy it finds on the request: that is how its own scripts get the nonce.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Every path but the file routes, which set their own headers (lib/files/http.ts): Next holds (and
// past 10 MB cuts) the body of any request the proxy runs for, and a download's policy is a sandbox,
// not the pages' policy this would put in its place.
export const config = { matcher: ["/((?![^/]+/files/(?:upload|[^/]+/download)$).*)"] };
