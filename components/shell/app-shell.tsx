import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { Member } from "@/lib/auth/member";
import { navItemsFor } from "./nav-items";
import { NotificationBell } from "./notification-bell";
import { OrganizationSwitcher } from "./organization-switcher";
import { SignOutButton } from "./sign-out-button";
import { displayName } from "@/lib/users/display-name";
import { BrandMark } from "./brand-mark";
import { MainNav, MENU_IDS, MenuButton, MenuProvider, MenuSection } from "./menu";
import { SkipLink, MAIN_ID } from "./skip-link";

type Props = {
  member: Member;
  organizations: { name: string; slug: string }[];
  devMailbox: boolean;
  /** The member's unread notifications (up to the bell's cap). */
  unreadNotifications: number;
  /** The route's organisation-switch action (components never import app/). */
  switchOrganization: (form: FormData) => Promise<void>;
  children: ReactNode;
};

export function AppShell({ member, organizations, devMailbox, unreadNotifications, switchOrganization, children }: Props) {
  const home = `/${member.organization.slug}`;
  const t = useTranslations();
  const items = navItemsFor(member.role, { devMailbox }).map((i) => ({
    label: t(`Nav.${i.key}`),
    href: i.href(member.organization.slug),
  }));
  const name = displayName(member.user);
  return (
    <MenuProvider>
      <SkipLink />
      <div className="flex min-h-screen flex-col">
        <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-line bg-surface px-4 py-3 md:px-6">
          <div className="flex min-w-0 flex-1 items-center gap-2 md:gap-4">
            <Link href={home} className="flex shrink-0 items-center gap-2 rounded-md text-lg font-bold text-primary">
              <BrandMark />
              {/* On a phone the mark alone; the name is still what the link says. */}
              <span className="sr-only sm:not-sr-only">Pathwise</span>
            </Link>
            <OrganizationSwitcher current={member.organization} organizations={organizations} switchTo={switchOrganization} />
          </div>
          {/* On every page and every width: outside the phone's menu. */}
          <NotificationBell href={`${home}/notifications`} unread={unreadNotifications} />
          <MenuButton />
          {/* Who is signed in and the way out: in the header from md up, inside the phone's menu below it. */}
          <MenuSection id={MENU_IDS.account} className="w-full min-w-0 items-center justify-between gap-4 text-sm md:w-auto md:justify-end">
            <span className="min-w-0 [overflow-wrap:anywhere]">
              {name} <span className="text-muted">· {t(`Roles.${member.role}`)}</span>
            </span>
            <SignOutButton />
          </MenuSection>
        </header>
        <div className="flex flex-1 flex-col md:flex-row">
          <MainNav items={items} home={home} />
          {/* tabIndex -1: the skip link moves the keyboard focus here, not only the scroll position. */}
          <main id={MAIN_ID} tabIndex={-1} className="min-w-0 flex-1 p-4 focus:outline-none md:p-8">
            {children}
          </main>
        </div>
      </div>
    </MenuProvider>
  );
}
