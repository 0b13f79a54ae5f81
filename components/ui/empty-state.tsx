import type { ReactNode } from "react";

/** What an empty list says: why it is empty and what to do about it. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-slate-600">{children}</p>;
}
