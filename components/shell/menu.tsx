"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useContext, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from "react";

// On a phone the navigation and the account block fold behind one Menu button in the header; from
// the md breakpoint up they are always shown (the button is hidden). A client component because the
// Content-Security-Policy allows no inline script: the button's state lives in React.

export const MENU_IDS = { nav: "main-nav", account: "account-menu" } as const;

type MenuState = { open: boolean; setOpen: (open: boolean) => void; button: RefObject<HTMLButtonElement | null> };
const MenuContext = createContext<MenuState | null>(null);

function useMenu(): MenuState {
  const menu = useContext(MenuContext);
  if (!menu) throw new Error("Menu parts must be inside <MenuProvider>");
  return menu;
}

export function MenuProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return <MenuContext value={{ open, setOpen, button }}>{children}</MenuContext>;
}

/** The phone's Menu button: says whether the menu is open and which parts of the page it shows. */
export function MenuButton() {
  const t = useTranslations("Shell");
  const { open, setOpen, button } = useMenu();
  return (
    <button
      ref={button}
      type="button"
      aria-expanded={open}
      aria-controls={`${MENU_IDS.nav} ${MENU_IDS.account}`}
      onClick={() => setOpen(!open)}
      className="inline-flex items-center gap-2 rounded-md border border-line-strong px-3 py-1.5 text-sm font-medium hover:bg-surface-sunken md:hidden"
    >
      <svg
        viewBox="0 0 20 20"
        aria-hidden="true"
        focusable="false"
        className="h-4 w-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      >
        {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
      </svg>
      {t("menu")}
    </button>
  );
}

/** Escape closes the open menu and puts the focus back on its button, wherever in the menu it was. */
function useEscapeCloses() {
  const { open, setOpen, button } = useMenu();
  return (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    button.current?.focus();
  };
}

/** A part of the header shown on a phone only while the menu is open (the account block). */
export function MenuSection({ id, className, children }: { id: string; className: string; children: ReactNode }) {
  const { open } = useMenu();
  const onKeyDown = useEscapeCloses();
  return (
    <div id={id} onKeyDown={onKeyDown} className={`${open ? "flex" : "hidden"} md:flex ${className}`}>
      {children}
    </div>
  );
}

type Item = { label: string; href: string };

/** The main navigation: the page you are on is marked; following a link folds the phone's menu away. */
export function MainNav({ items, home }: { items: Item[]; home: string }) {
  const t = useTranslations("Shell");
  const { open, setOpen } = useMenu();
  const onKeyDown = useEscapeCloses();
  const pathname = usePathname();
  // The dashboard is the organisation's root: it is current only on itself, the others on their sub-pages too.
  const current = (href: string) => pathname === href || (href !== home && pathname.startsWith(`${href}/`));
  return (
    <nav
      id={MENU_IDS.nav}
      aria-label={t("mainNav")}
      onKeyDown={onKeyDown}
      className={`${open ? "block" : "hidden"} shrink-0 border-b border-line bg-surface p-2 md:block md:w-56 md:border-e md:border-b-0 md:p-4`}
    >
      <ul className="space-y-1">
        {items.map((item) => (
          <li key={item.label}>
            <Link
              href={item.href}
              aria-current={current(item.href) ? "page" : undefined}
              onClick={() => setOpen(false)}
              className="block rounded-md px-3 py-2 text-sm hover:bg-surface-sunken aria-[current=page]:bg-primary-soft aria-[current=page]:font-semibold aria-[current=page]:text-primary-hover"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
