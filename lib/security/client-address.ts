import { isIP } from "node:net";

/**
 * The client's address comes from the TCP connection, never from a header the client can set.
 * `scripts/serve.ts` (the only supported server) resolves it per request, from the socket and, behind
 * `TRUSTED_PROXY_HOPS` proxies of our own, from the entries those proxies appended to X-Forwarded-For,
 * and writes it into this header, overwriting whatever the client sent under that name.
 */
export const CLIENT_ADDRESS_HEADER = "x-pathwise-client-address";

// Set by the server script in the same process, so the header is only believed when that server wrote
// it: under a plain `next start` it could come from the client, and the address is then unknown.
const TRUSTED = Symbol.for("pathwise.client-address-header-trusted");

export function trustClientAddressHeader(): void {
  (globalThis as Record<symbol, unknown>)[TRUSTED] = true;
}

export function clientAddressHeaderTrusted(): boolean {
  return (globalThis as Record<symbol, unknown>)[TRUSTED] === true;
}

/** `::ffff:127.0.0.1` -> `127.0.0.1`, `1.2.3.4:5678` and `[::1]:443` (as some proxies write) -> the address; anything else -> null. */
export function normalizeAddress(value: string | undefined | null): string | null {
  const trimmed = (value?.trim() ?? "").replace(/^\[(.*)\](:\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  const plain = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)?.[1] ?? trimmed;
  return isIP(plain) ? plain.toLowerCase() : null;
}

/**
 * The address of the client that opened this request. With no trusted proxy (hops = 0) that is the
 * socket's peer. Behind `hops` proxies, each appending the address it saw to X-Forwarded-For, the
 * client is the entry the outermost trusted proxy appended: counted from the right, so entries a client
 * wrote itself (to the left) are never reached. A chain shorter than the hops falls back to its first
 * entry; a malformed entry at the chosen place gives null (unknown), never a guess.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  hops: number,
): string | null {
  if (hops <= 0) return normalizeAddress(socketAddress);
  const forwarded = [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? ""];
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - hops)]);
}

/** The request's client address as the server resolved it, or null when unknown. */
export function clientAddressFrom(headers: { get(name: string): string | null }): string | null {
  if (!clientAddressHeaderTrusted()) return null;
  return normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER));
}

/** 127.0.0.0/8 and ::1: a client on this very machine. */
export function isLoopback(address: string | null): boolean {
  if (!address) return false;
  return address === "::1" || /^127\.\d+\.\d+\.\d+$/.test(address);
}

/** A host name or address that can only mean this machine (for URLs such as APP_URL). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || isLoopback(normalizeAddress(host));
}

/**
 * Where the server listens: HOST if set; else only this machine's loopback addresses while APP_URL is
 * local (a trial: nobody else can even connect), else every interface (null).
 */
export function listenHosts(appUrl: string, host: string | undefined): string[] | null {
  if (host) return [host];
  return isLoopbackHost(new URL(appUrl).hostname) ? ["127.0.0.1", "::1"] : null;
}
