import type { ReactNode } from "react";

/** A part of a page under its own heading, which names it for screen readers. */
export function Section({ id, title, children }: { /** The heading's id. */ id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
