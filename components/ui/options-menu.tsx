"use client";

import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { buttonClass } from "./button";

/**
 * A button that opens a panel over the page: the one way the app shows a menu ("Options" on a list
 * row, the coachee profile's quick menu, the organisation switcher). The panel is a native popover: it
 * opens and closes from its button without script, closes on Escape or a click elsewhere, and sits in
 * the browser's top layer, so no box around it (a table scrolling sideways, a card) can clip it. It is
 * placed by its button with CSS anchor positioning (`.menu-panel` in app/globals.css): below it, or
 * above when the screen has no room below, and turned to stay within the screen's sides. A browser
 * without anchor positioning shows it in the middle of the screen, still whole.
 */
export function MenuPopover({
  text,
  label,
  buttonClassName,
  panelClassName = "",
  children,
}: {
  /** What the button shows. */
  text: ReactNode;
  /** The button's name for a screen reader when `text` is shared by every row ("Options for Ada Lovelace"). */
  label?: string;
  buttonClassName: string;
  panelClassName?: string;
  children: ReactNode;
}) {
  const id = useId();
  // Classes only (the Content-Security-Policy allows no style attribute): `.menu` scopes the anchor
  // name to this menu, so each panel finds its own button.
  return (
    <div className="menu inline-block">
      <button type="button" popoverTarget={id} aria-label={label} className={`menu-button ${buttonClassName}`}>
        {text}
      </button>
      <div id={id} popover="auto" className={`menu-panel ${panelClassName}`}>
        {children}
      </div>
    </div>
  );
}

/** A small menu of entries behind a button; `label` names the button when `text` is the same on every row. */
export function OptionsMenu({ text, label, children }: { text?: string; label?: string; children: ReactNode }) {
  const t = useTranslations("Ui");
  return (
    <MenuPopover
      text={
        <>
          {text ?? t("options")}
          <span aria-hidden="true">▾</span>
        </>
      }
      label={label}
      // A short fixed word: one line, whatever the column's width.
      buttonClassName={`${buttonClass({ variant: "secondary", size: "sm" })} cursor-pointer gap-1 whitespace-nowrap`}
    >
      <ul className="space-y-1 text-sm">{children}</ul>
    </MenuPopover>
  );
}

/** One entry of an OptionsMenu: a link, a TextLink-like button in a form, or a ConfirmDialog. */
export function OptionsItem({ children }: { children: ReactNode }) {
  return <li className="px-2 py-1">{children}</li>;
}
