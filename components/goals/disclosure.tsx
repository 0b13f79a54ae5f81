import type { ReactNode } from "react";

/** A part that opens and closes with the keyboard (Enter or Space on its summary): a form folded away until wanted. */
export function Disclosure({ summary, children, open }: { summary: ReactNode; children: ReactNode; open?: boolean }) {
  return (
    <details open={open} className="rounded-md border border-line bg-surface">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-primary-hover">{summary}</summary>
      <div className="border-t border-line p-3">{children}</div>
    </details>
  );
}
