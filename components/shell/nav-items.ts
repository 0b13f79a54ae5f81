import type { Permission } from "@/lib/authz/permissions";

export type NavItem = { label: string; href: (orgSlug: string) => string; permission: Permission; devMailboxOnly?: boolean };

/** The left navigation: an item shows only to roles holding its permission. */
export const NAV_ITEMS: NavItem[] = [
  { label: "Dashboard", href: (org) => `/${org}`, permission: "dashboard:view" },
  { label: "Coachees", href: (org) => `/${org}/coachees`, permission: "coachees:manage" },
  { label: "Programmes", href: (org) => `/${org}/programmes`, permission: "programmes:view" },
  { label: "Reports", href: (org) => `/${org}/reports`, permission: "programmes:view" },
  { label: "Users", href: (org) => `/${org}/users`, permission: "users:view" },
  { label: "Invitations", href: (org) => `/${org}/invitations`, permission: "invitations:send" },
  { label: "Units", href: (org) => `/${org}/units`, permission: "units:manage" },
  { label: "Settings", href: (org) => `/${org}/settings`, permission: "settings:manage" },
  { label: "Audit log", href: (org) => `/${org}/audit`, permission: "audit:view" },
  { label: "Profile", href: (org) => `/${org}/profile`, permission: "dashboard:view" },
  { label: "Dev mailbox", href: () => "/dev/mailbox", permission: "devtools:view", devMailboxOnly: true },
];
