import { canAny, type Permission } from "@/lib/authz/permissions";
import type { Role } from "@/lib/db/generated/enums";

export type NavItem = {
  label: string;
  href: (orgSlug: string) => string;
  /** The permission it needs; with a list, any one of them. */
  permission: Permission | readonly Permission[];
  devMailboxOnly?: boolean;
  /** The label of an item this one takes the place of for whoever sees it (a participant's Home for the Dashboard). */
  replaces?: string;
};

/** The left navigation: an item shows only to roles holding its permission. */
export const NAV_ITEMS: NavItem[] = [
  { label: "Home", href: (org) => `/${org}`, permission: "portal:use", replaces: "Dashboard" },
  { label: "Dashboard", href: (org) => `/${org}`, permission: "dashboard:view" },
  { label: "Coachees", href: (org) => `/${org}/coachees`, permission: "coachees:manage" },
  { label: "Programmes", href: (org) => `/${org}/programmes`, permission: "programmes:view" },
  { label: "Reports", href: (org) => `/${org}/reports`, permission: "programmes:view" },
  { label: "Users", href: (org) => `/${org}/users`, permission: "users:view" },
  { label: "Invitations", href: (org) => `/${org}/invitations`, permission: "invitations:send" },
  { label: "Units", href: (org) => `/${org}/units`, permission: "units:manage" },
  { label: "Settings", href: (org) => `/${org}/settings`, permission: "settings:manage" },
  { label: "Audit log", href: (org) => `/${org}/audit`, permission: "audit:view" },
  { label: "Goals", href: (org) => `/${org}/goals`, permission: "goals:own" },
  { label: "Actions", href: (org) => `/${org}/actions`, permission: "goals:own" },
  { label: "Notes", href: (org) => `/${org}/notes`, permission: "goals:own" },
  { label: "Files", href: (org) => `/${org}/files`, permission: "goals:own" },
  { label: "Sessions", href: (org) => `/${org}/sessions`, permission: ["portal:use", "coachees:manage"] },
  { label: "Messages", href: (org) => `/${org}/messages`, permission: ["portal:use", "coachees:manage"] },
  // A coach's Assessments page links to the templates; an admin builds the organisation's templates only.
  {
    label: "Assessments",
    href: (org) => `/${org}/assessments`,
    permission: ["goals:own", "coachees:manage"],
    replaces: "Assessment templates",
  },
  { label: "Assessment templates", href: (org) => `/${org}/assessments/templates`, permission: "assessments:build" },
  { label: "Profile", href: (org) => `/${org}/profile`, permission: "dashboard:view" },
  { label: "Dev mailbox", href: () => "/dev/mailbox", permission: "devtools:view", devMailboxOnly: true },
];

/** The items `role` sees, in order: those it holds a permission for, less any another of them replaces. */
export function navItemsFor(role: Role, { devMailbox }: { devMailbox: boolean }): NavItem[] {
  const shown = NAV_ITEMS.filter((i) => canAny(role, i.permission) && (!i.devMailboxOnly || devMailbox));
  const replaced = new Set(shown.map((i) => i.replaces));
  return shown.filter((i) => !replaced.has(i.label));
}
