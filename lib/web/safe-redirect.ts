/**
 * Where to send the browser for a target that came from the client (`callbackUrl`, `next`): the
 * path, query and fragment of `value` when it resolves to `appUrl`'s own origin, else `fallback`.
 *
 * Resolved exactly as a browser resolves a Location or `location.assign`, so the check and the use
 * cannot disagree: WHATWG URL parsing turns `\` into `/` and drops tabs and line breaks, which is how
 * `/\evil.example` and `/\t/evil.example` become `//evil.example`. What comes back always starts with a
 * single `/` and is re-serialized by the parser, so it means the same thing wherever it is used.
 */
export function safeRedirectPath(value: unknown, appUrl: string, fallback = "/"): string {
  if (typeof value !== "string" || value === "") return fallback;
  const base = new URL(appUrl);
  let target: URL;
  try {
    target = new URL(value, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin || target.username || target.password) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // The parser already made the path absolute; a leading `//` would still read as another host.
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
