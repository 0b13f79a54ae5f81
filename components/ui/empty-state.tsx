import type { ReactNode } from "react";

/** What an empty list says: why it is empty and what to do about it. `inline` for a short list inside a section. */
export function EmptyState({ inline = false, children }: { inline?: boolean; children: ReactNode }) {
  if (inline) return <p className="text-sm text-muted">{children}</p>;
  return <p className="rounded-md border border-dashed border-line-strong bg-surface p-6 text-muted">{children}</p>;
}
