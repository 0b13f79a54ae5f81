// The security headers every response carries, set by proxy.ts. Kept free of next/* so the rules can
// be read and tested on their own.

/** Pages whose URL holds a secret token: they send no Referer anywhere, not even to our own origin. */
const TOKEN_PAGE = /^\/(?:invite\/[^/]+|reset-password\/[^/]+|sign-up\/verify(?:\/|$))/;

export function isTokenPage(pathname: string): boolean {
  return TOKEN_PAGE.test(pathname);
}

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * Only our own origin, and scripts only with this response's nonce ('strict-dynamic' lets the scripts
 * Next loads with it load their own chunks). Next reads the nonce back from this policy on the request
 * and puts it on its own inline scripts and styles. In development React evaluates server stacks, hence
 * 'unsafe-eval' there only. No style attributes either: components style with classes.
 */
export function contentSecurityPolicy(nonce: string, { https, dev }: { https: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // next dev injects its hot-reloaded styles without the nonce; a production build needs none inline.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
].join(", ");

/** Every header but the policy's nonce-bearing one depends only on where the app lives and which page this is. */
export function securityHeaders({
  nonce,
  pathname,
  appUrl,
  dev,
}: {
  nonce: string;
  pathname: string;
  appUrl: string;
  dev: boolean;
}): Record<string, string> {
  const https = new URL(appUrl).protocol === "https:";
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, { https, dev }),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": isTokenPage(pathname) ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
