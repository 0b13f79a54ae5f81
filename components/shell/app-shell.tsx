import Link from "next/link";
import type { ReactNode } from "react";
import { can, ROLE_LABELS } from "@/lib/authz/permissions";
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
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-6 py-3">
        <div className="flex items-center gap-4">
          <span className="font-bold text-indigo-700">Pathwise</span>
          <OrganizationSwitcher current={member.organization} organizations={organizations} />
        </div>
        <div className="flex items-center gap-4 text-sm">
          <span>
            {name} <span className="text-slate-500">· {ROLE_LABELS[member.role]}</span>
          </span>
          <SignOutButton />
        </div>
      </header>
      <div className="flex flex-1">
        <nav aria-label="Main" className="w-56 shrink-0 border-r border-slate-200 bg-white p-4">
          <ul className="space-y-1">
            {items.map((item) => (
              <li key={item.label}>
                <Link href={item.href(member.organization.slug)} className="block rounded-md px-3 py-2 text-sm hover:bg-slate-100">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main className="flex-1 p-8">{children}</main>
      </div>
    </div>
  );
}
