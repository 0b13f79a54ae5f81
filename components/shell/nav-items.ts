import { canAny, type Permission } from "@/lib/authz/permissions";
import type { Role } from "@/lib/db/generated/enums";
import type { Messages } from "@/lib/i18n/messages";

/** An item's name: its message key under "Nav" (messages/<locale>.json). */
export type NavKey = keyof Messages["Nav"];

export type NavItem = {
  key: NavKey;
  href: (orgSlug: string) => string;
  /** The permission it needs; with a list, any one of them. */
  permission: Permission | readonly Permission[];
  devMailboxOnly?: boolean;
  /** The item this one takes the place of for whoever sees it (a participant's Home for the Dashboard). */
  replaces?: NavKey;
};

/** The left navigation: an item shows only to roles holding its permission. */
export const NAV_ITEMS: NavItem[] = [
  { key: "home", href: (org) => `/${org}`, permission: "portal:use", replaces: "dashboard" },
  { key: "dashboard", href: (org) => `/${org}`, permission: "dashboard:view" },
  { key: "coachees", href: (org) => `/${org}/coachees`, permission: "coachees:manage" },
  { key: "programmes", href: (org) => `/${org}/programmes`, permission: "programmes:view" },
  { key: "reports", href: (org) => `/${org}/reports`, permission: "programmes:view" },
  { key: "users", href: (org) => `/${org}/users`, permission: "users:view" },
  { key: "invitations", href: (org) => `/${org}/invitations`, permission: "invitations:send" },
  { key: "units", href: (org) => `/${org}/units`, permission: "units:manage" },
  { key: "settings", href: (org) => `/${org}/settings`, permission: "settings:manage" },
  { key: "audit", href: (org) => `/${org}/audit`, permission: "audit:view" },
  { key: "goals", href: (org) => `/${org}/goals`, permission: "goals:own" },
  { key: "actions", href: (org) => `/${org}/actions`, permission: "goals:own" },
  { key: "notes", href: (org) => `/${org}/notes`, permission: "goals:own" },
  { key: "files", href: (org) => `/${org}/files`, permission: "goals:own" },
  { key: "sessions", href: (org) => `/${org}/sessions`, permission: ["portal:use", "coachees:manage"] },
  { key: "calendar", href: (org) => `/${org}/calendar`, permission: "calendar:view" },
  { key: "book", href: (org) => `/${org}/book`, permission: "portal:use" },
  { key: "availability", href: (org) => `/${org}/availability`, permission: "coachees:manage" },
  { key: "messages", href: (org) => `/${org}/messages`, permission: ["portal:use", "coachees:manage"] },
  // A coach's Assessments page links to the templates; an admin builds the organisation's templates only.
  {
    key: "assessments",
    href: (org) => `/${org}/assessments`,
    permission: ["goals:own", "coachees:manage"],
    replaces: "assessmentTemplates",
  },
  { key: "assessmentTemplates", href: (org) => `/${org}/assessments/templates`, permission: "assessments:build" },
  { key: "profile", href: (org) => `/${org}/profile`, permission: "dashboard:view" },
  { key: "devMailbox", href: () => "/dev/mailbox", permission: "devtools:view", devMailboxOnly: true },
];

/** The items `role` sees, in order: those it holds a permission for, less any another of them replaces. */
export function navItemsFor(role: Role, { devMailbox }: { devMailbox: boolean }): NavItem[] {
  const shown = NAV_ITEMS.filter((i) => canAny(role, i.permission) && (!i.devMailboxOnly || devMailbox));
  const replaced = new Set(shown.map((i) => i.replaces));
  return shown.filter((i) => !replaced.has(i.key));
}
