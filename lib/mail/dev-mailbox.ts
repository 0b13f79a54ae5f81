import { devMailboxEnabled, env } from "../env";
import { isLoopback } from "../security/client-address";

/**
 * Whether the development mailbox answers this request: it holds every organisation's sign-in links,
 * so only while it is enabled (lib/env.ts), only to a client on this machine as the connection (not a
 * header) says, and only under APP_URL's own host name: a hostile page whose domain is re-pointed at
 * 127.0.0.1 (DNS rebinding) reaches us from loopback, but with its own name in Host. Everyone else gets
 * the same 404 as for a page that does not exist.
 */
export function devMailboxOpenTo(clientAddress: string | null, host: string | null): boolean {
  return devMailboxEnabled() && isLoopback(clientAddress) && host?.toLowerCase() === new URL(env().APP_URL).host.toLowerCase();
}
