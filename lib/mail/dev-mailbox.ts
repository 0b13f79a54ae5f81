import { devMailboxEnabled } from "../env";
import { isLoopback } from "../security/client-address";

/**
 * Whether the development mailbox answers this client: it holds every organisation's sign-in links,
 * so only while it is enabled (lib/env.ts) and only to a client on this machine, as the connection
 * (not a header) says. Everyone else gets the same 404 as for a page that does not exist.
 */
export function devMailboxOpenTo(clientAddress: string | null): boolean {
  return devMailboxEnabled() && isLoopback(clientAddress);
}
