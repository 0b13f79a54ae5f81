import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/lib/authz/permissions";
import { ROLE_LABELS } from "@/lib/labels";
import type { Member } from "@/lib/auth/member";
import { NAV_ITEMS } from "./nav-items";
import { OrganizationSwitcher } from "./organization-switcher";
import { SignOutButton } from "./sign-out-button";
import { displayName } from "@/lib/users/display-name";

type Props = { member: Member; organizations: { name: string; slug: string }[]; devMailbox: boolean; children: ReactNode };

export function AppShell({ member, organizations, devMailbox, children }: Props) {
  const items = NAV_ITEMS.filter((i) => can(member.role, i.permission) && (!i.devMailboxOnly || devMailbox));
  const name = displayName(member.user);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 md:px-6">
        <div className="flex items-center gap-4">
          <span className="font-bold text-indigo-700">Pathwise</span>
          <OrganizationSwitcher current={member.organization} organizations={organizations} />
        </div>
        <div className="flex min-w-0 items-center gap-4 text-sm">
          <span className="min-w-0 [overflow-wrap:anywhere]">
            {name} <span className="text-slate-500">· {ROLE_LABELS[member.role]}</span>
          </span>
          <SignOutButton />
        </div>
      </header>
      {/* On a phone the navigation sits above the page instead of beside it, so the page keeps the width. */}
      <div className="flex flex-1 flex-col md:flex-row">
        <nav aria-label="Main" className="shrink-0 border-b border-slate-200 bg-white p-2 md:w-56 md:border-r md:border-b-0 md:p-4">
          <ul className="flex flex-wrap gap-1 md:block md:space-y-1">
            {items.map((item) => (
              <li key={item.label}>
                <Link href={item.href(member.organization.slug)} className="block rounded-md px-3 py-2 text-sm hover:bg-slate-100">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main className="min-w-0 flex-1 p-4 md:p-8">{children}</main>
      </div>
    </div>
  );
}
