import type { ReactNode } from "react";
import { buttonClass } from "./button";

/**
 * A small menu behind a button ("Options" on a list row, the coachee profile's quick menu): a native
 * disclosure, so it opens and closes with the keyboard and without script. `label` names the button for
 * a screen reader when the visible text is shared by every row ("Options for Ada Lovelace").
 */
export function OptionsMenu({ text = "Options", label, children }: { text?: string; label?: string; children: ReactNode }) {
  return (
    <details className="group relative inline-block">
      <summary aria-label={label} className={`${buttonClass({ variant: "secondary", size: "sm" })} cursor-pointer list-none gap-1`}>
        {text}
        <span aria-hidden="true" className="group-open:rotate-180">
          ▾
        </span>
      </summary>
      <ul className="absolute right-0 z-20 mt-1 w-max max-w-[80vw] space-y-1 rounded-md border border-slate-200 bg-white p-2 text-sm shadow-lg">
        {children}
      </ul>
    </details>
  );
}

/** One entry of an OptionsMenu: a link, a TextLink-like button in a form, or a ConfirmDialog. */
export function OptionsItem({ children }: { children: ReactNode }) {
  return <li className="px-2 py-1">{children}</li>;
}
