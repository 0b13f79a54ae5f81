import { env } from "../env";
import { DECLARED_LENGTH_HEADER } from "../web/declared-length";
import { newNonce, securityHeaders } from "../web/security-headers";
import type { FileItem } from "./files";
import { contentRange, type ByteRange } from "./ranges";
import { INLINE_IMAGES } from "./sniff";

// How a file goes out over HTTP: always as a download (`attachment`, the uploader's name in RFC 5987
// form), never sniffed, never run as a page (a sandbox policy with nothing allowed), never cached;
// only the sniffed image types may be shown inline, for a preview.

/** `attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded` (RFC 6266 and 5987). */
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The app's security headers (proxy.ts's, which does not run for the file routes: it would replace
 * this policy with the pages' own and hold uploads in memory), for a response at `pathname`.
 */
export function fileRouteHeaders(pathname: string): Record<string, string> {
  return securityHeaders({ nonce: newNonce(), pathname, appUrl: env().APP_URL, dev: false });
}

/** A download's headers; with `part`, those of a 206 (that part's length and where it lies in the file). */
export function downloadHeaders(
  file: Pick<FileItem, "originalName" | "mimeType" | "size">,
  askedInline: boolean,
  pathname: string,
  part: ByteRange | null = null,
): Record<string, string> {
  const inline = askedInline && INLINE_IMAGES.has(file.mimeType);
  return {
    ...fileRouteHeaders(pathname),
    "Content-Type": file.mimeType,
    // Next drops Content-Length; the app's server sends this one as it (lib/web/declared-length.ts).
    [DECLARED_LENGTH_HEADER]: String(part ? part.end - part.start + 1 : file.size),
    ...(part ? { "Content-Range": contentRange(part, file.size) } : {}),
    "Accept-Ranges": "bytes",
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.originalName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    // no-transform: never compressed on the way, so the length and the ranges are the file's own bytes.
    "Cache-Control": "private, no-store, no-transform",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
}

/** The answer to a range past a file's end: 416, its size, the route's headers. */
export function rangeNotSatisfiable(size: number, pathname: string): Response {
  return new Response(null, {
    status: 416,
    headers: { ...fileRouteHeaders(pathname), "Content-Range": contentRange("unsatisfiable", size), "Accept-Ranges": "bytes" },
  });
}

/** The upload's file name travels percent-encoded in a header (headers are not UTF-8); "" when it does not decode. */
export function headerFileName(value: string | null): string {
  try {
    return decodeURIComponent(value ?? "");
  } catch {
    return "";
  }
}

export const FILE_NAME_HEADER = "X-File-Name";
