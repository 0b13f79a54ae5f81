/**
 * The client's address as our proxy reports it: the first X-Forwarded-For hop, else X-Real-IP.
 * Used for audit records and per-address rate limits.
 */
export function clientAddressFrom(forwardedFor: string | null | undefined, realIp: string | null | undefined): string | null {
  return forwardedFor?.split(",")[0]?.trim() || realIp || null;
}
