import type { ReactNode } from "react";

/** What an empty list says: why it is empty and what to do about it. `inline` for a short list inside a section. */
export function EmptyState({ inline = false, children }: { inline?: boolean; children: ReactNode }) {
  if (inline) return <p className="text-sm text-slate-600">{children}</p>;
  return <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-slate-600">{children}</p>;
}
