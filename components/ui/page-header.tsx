import type { ReactNode } from "react";
import { BackLink } from "./back-link";

/**
 * The top of every page: the way back up (a detail page's parent), the title, a line saying what this
 * is, and the page's main actions (LinkButtons, ActionButtons) to the right, below on a phone.
 */
export function PageHeader({
  title,
  back,
  description,
  actions,
  children,
}: {
  title: ReactNode;
  back?: { href: string; label: ReactNode };
  description?: ReactNode;
  actions?: ReactNode;
  /** Figures that belong to the heading (a balance, a count), under the description. */
  children?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        {back ? <BackLink href={back.href}>{back.label}</BackLink> : null}
        <h1 className={`${back ? "mt-1 " : ""}text-2xl font-semibold`}>{title}</h1>
        {description ? <div className="mt-1 text-muted">{description}</div> : null}
        {children}
      </div>
      {actions ? <div className="flex flex-wrap items-start gap-3">{actions}</div> : null}
    </div>
  );
}
