import type { ServerResponse } from "node:http";

// Next drops the Content-Length a route handler sets (it streams every body), so a download would
// go out with no length: no progress bar, no way to tell a cut-off file from a whole one. A route that
// knows its length says it under this header instead, and the app's server (scripts/serve.ts) sends
// it as Content-Length. Only for bodies that are never transformed on the way (no compression:
// `Cache-Control: no-transform`), so the length stays true.
export const DECLARED_LENGTH_HEADER = "X-Declared-Content-Length";

/** Makes `res` send a declared length as its Content-Length when its head goes out. */
export function sendDeclaredLength(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    const declared = this.getHeader(DECLARED_LENGTH_HEADER);
    if (declared !== undefined) {
      this.removeHeader(DECLARED_LENGTH_HEADER);
      if (/^\d+$/.test(String(declared))) this.setHeader("Content-Length", String(declared));
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}
