/** A membership that grants access now: active, and not past an implementation admin's expiry. */
export function liveMembership() {
  return { status: "ACTIVE" as const, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] };
}
