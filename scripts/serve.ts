// The app's HTTP server (`npm run serve`; `npm start`, `npm run dev` and the e2e server run it too):
// Next's request handler behind a plain Node server, so each request carries the client's address as
// the connection says, resolved through `TRUSTED_PROXY_HOPS` proxies of our own, never as a client's
// header claims (lib/security/client-address.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, listenHosts, resolveClientAddress, trustClientAddressHeader } from "../lib/security/client-address";
import { env } from "../lib/env";
import { gateBody, gatesBody, sendTooLarge } from "../lib/web/body-gate";
import { sendDeclaredLength } from "../lib/web/declared-length";
import { FORM_TOO_LARGE_TEXT } from "../lib/web/request-bounds";
import { newNonce, securityHeaders } from "../lib/web/security-headers";

// NODE_ENV is set by the npm scripts (production unless --dev), before React is loaded.
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

async function main() {
  const { APP_URL, TRUSTED_PROXY_HOPS } = env(); // fails fast, listing every bad variable
  const hosts = listenHosts(APP_URL, process.env.HOST);
  trustClientAddressHeader();
  // Where Next reaches this same server for its own internal requests: a local address it listens on.
  const self = !hosts || hosts[0] === "0.0.0.0" || hosts[0] === "::" ? "127.0.0.1" : hosts[0];
  const app = next({ dev, dir: process.cwd(), hostname: self, port, turbopack: dev });
  const handle = app.getRequestHandler();
  await app.prepare();

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    // Overwrites whatever a client sent under this name: only this line decides its value.
    req.headers[CLIENT_ADDRESS_HEADER] =
      resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], TRUSTED_PROXY_HOPS) ?? "";
    sendDeclaredLength(res);
    const url = req.url ?? "/";
    const pathname = url.split("?")[0];
    const headers = () => securityHeaders({ nonce: newNonce(), pathname, appUrl: APP_URL, dev });
    // Next answers a path with repeated slashes with a redirect of its own, before the proxy (and so
    // without the security headers): this one folds them, on APP_URL, so `//host` stays on our site.
    if (pathname.includes("//")) {
      const folded = `/${pathname.replace(/^\/+|\/+$/g, "").replace(/\/{2,}/g, "/")}${url.slice(pathname.length)}`;
      res.writeHead(308, { ...headers(), Location: new URL(folded, APP_URL).href });
      return void res.end();
    }
    if (!gatesBody(req)) return void handle(req, res);
    // A form's body is counted as it arrives, and Next sees it only when it is within the bounds.
    gateBody(
      req,
      () => void handle(req, res),
      (close) => sendTooLarge(res, headers(), FORM_TOO_LARGE_TEXT, close),
    );
  };
  const servers = await Promise.all((hosts ?? [undefined]).map((host) => listen(createServer(listener), host, host === "::1")));
  const where = hosts ? hosts.map((h) => (h.includes(":") ? `[${h}]` : h)).join(" and ") : "every interface";
  console.log(
    `Ready: listening on ${where}, port ${port} (${dev ? "development" : "production"}; ${TRUSTED_PROXY_HOPS} trusted proxy hops)`,
  );
  const stop = () => {
    for (const s of servers) s?.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** Listens, or (for an optional address such as ::1 on a machine without IPv6) gives up quietly. */
function listen(server: Server, host: string | undefined, optional: boolean): Promise<Server | null> {
  return new Promise((resolve, reject) => {
    server.once("error", (error) => (optional ? resolve(null) : reject(error)));
    server.listen(port, host, () => resolve(server));
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
