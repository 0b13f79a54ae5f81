import type { ReactNode, TableHTMLAttributes } from "react";

/**
 * Every table of the app: when its columns do not fit the screen it scrolls inside its own box, so the
 * page never scrolls sideways. Cells wrap long values (app/globals.css); `Clipped` cuts very long ones.
 */
export function Table({ className = "", children, ...props }: TableHTMLAttributes<HTMLTableElement> & { children: ReactNode }) {
  return (
    // Focusable, so a keyboard can scroll a table wider than the screen (WCAG 2.1.1); named after the
    // table when it has an aria-label.
    <div
      tabIndex={0}
      role={props["aria-label"] ? "region" : undefined}
      aria-label={props["aria-label"]}
      className={`max-w-full overflow-x-auto ${props.hidden ? "hidden" : ""}`}
    >
      <table className={`w-full border-collapse bg-white text-left text-sm ${className}`} {...props}>
        {children}
      </table>
    </div>
  );
}

/** Column headers from their labels. */
export function HeaderCells({ labels }: { labels: readonly string[] }) {
  return labels.map((label) => (
    <th key={label} scope="col" className="p-2">
      {label}
    </th>
  ));
}

/**
 * A value that may be very long (anything typed or uploaded by someone): past `max` characters it is
 * cut with an ellipsis, and the whole value is in its title, shown on hover.
 */
export function Clipped({ text, max = 120 }: { text: string; max?: number }) {
  const characters = Array.from(text);
  if (characters.length <= max) return <>{text}</>;
  return <span title={text}>{characters.slice(0, max).join("")}…</span>;
}
