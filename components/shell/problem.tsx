import type { ReactNode } from "react";
import { BrandMark } from "./brand-mark";

/**
 * What a page says when it cannot show what was asked for (not found, an error): the brand, a plain
 * heading, what happened, and the ways on. Server- and client-safe, so error boundaries can use it.
 */
export function Problem({
  title,
  children,
  actions,
  alert = false,
}: {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  alert?: boolean;
}) {
  return (
    <section role={alert ? "alert" : undefined} aria-labelledby="problem-heading" className="mx-auto max-w-lg py-8 text-center md:py-16">
      <BrandMark className="mx-auto h-12 w-12" />
      <h1 id="problem-heading" className="mt-4 text-2xl font-semibold">
        {title}
      </h1>
      <div className="mt-2 text-muted">{children}</div>
      <div className="mt-6 flex flex-wrap items-center justify-center gap-3">{actions}</div>
    </section>
  );
}

/** The main way on from a problem page, as a link. */
export const PROBLEM_PRIMARY = "rounded-md bg-primary px-4 py-2 text-sm font-medium text-on-accent hover:bg-primary-hover";
/** A second way on, as a link or a button. */
export const PROBLEM_SECONDARY = "rounded-md border border-line-strong bg-surface px-4 py-2 text-sm font-medium hover:bg-surface-sunken";
