import { msg } from "../i18n/msg";

// Implementation admins: admins from a partner, for a limited time, only when the organisation
// allows them and only from the email domains it lists.

/** How long an implementation admin's access lasts, in months; "forever" has no end. */
export const IMPLEMENTATION_ADMIN_DURATIONS = ["1", "2", "3", "6", "forever"] as const;
export type ImplementationAdminDuration = (typeof IMPLEMENTATION_ADMIN_DURATIONS)[number];

export function expiryFor(duration: ImplementationAdminDuration | undefined, now = new Date()): Date | null {
  if (!duration || duration === "forever") return null;
  const end = new Date(now);
  end.setUTCMonth(end.getUTCMonth() + Number(duration));
  return end;
}

type Settings = { implementationAdminsEnabled: boolean; implementationAdminDomains: string[] };

/** Why this address cannot be an implementation admin here, or null when it can. */
export function implementationAdminProblem(settings: Settings, email: string): string | null {
  if (!settings.implementationAdminsEnabled) return msg("Users.server.implementationAdminsOff");
  const domain = email.split("@")[1] ?? "";
  if (!settings.implementationAdminDomains.includes(domain)) return msg("Users.server.domainNotAllowed", { domain });
  return null;
}
