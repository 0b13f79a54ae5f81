import type { ReactNode } from "react";

export type Description = { term: string; detail: ReactNode };

/** A detail page's facts, term beside value (stacked on a phone); values wrap (app/globals.css). Falsy items are left out. */
export function DescriptionList({ items }: { items: readonly (Description | null | false | undefined)[] }) {
  return (
    <dl className="grid max-w-2xl grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[minmax(8rem,auto)_minmax(0,1fr)] sm:gap-y-2">
      {items
        .filter((i): i is Description => Boolean(i))
        .map((i) => (
          <div key={i.term} className="contents">
            <dt className="font-medium">{i.term}</dt>
            <dd className="mb-2 sm:mb-0">{i.detail}</dd>
          </div>
        ))}
    </dl>
  );
}
