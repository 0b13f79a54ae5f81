import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import { queryWith } from "@/lib/web/search-params";
import { Button, TextLink } from "./button";
import { GetForm } from "./get-form";
import { SortLink } from "./sort-link";

// The controls every list whose filters, sort and page live in the URL shares (Users, Coachees, a
// cohort's pathways): one filter form, one row of sort links, one count.

type Sorted<S extends string> = { sort: S; dir: "asc" | "desc" } & Record<string, unknown>;

/**
 * The filter form: a GET form (the URL is the state, so back and shared links work) that keeps the
 * sort, with Filter and, once something is filtered, Clear. `className` lays out its fields.
 */
export function FilterForm({
  label,
  filter,
  filtered,
  className,
  clearHref = "?",
  submit,
  children,
}: {
  label: string;
  /** The list's filter as parsed from the URL, which the fields show; its sort, if it has one, is kept. */
  filter: Partial<Sorted<string>>;
  filtered: boolean;
  className: string;
  /** Where Clear goes: the bare list, or (a list inside a tab) the tab without its filters. */
  clearHref?: string;
  /** The submit button's words ("Search" for a list that is only searched). */
  submit?: string;
  children: ReactNode;
}) {
  const t = useTranslations("Ui");
  return (
    <GetForm values={filter} role="search" aria-label={label} className={className}>
      {filter.sort && filter.dir ? (
        <>
          <input type="hidden" name="sort" value={filter.sort} />
          <input type="hidden" name="dir" value={filter.dir} />
        </>
      ) : null}
      {children}
      <div className="mb-4 flex items-center gap-3">
        <Button type="submit" variant="primary">
          {submit ?? t("filter")}
        </Button>
        {filtered ? <TextLink href={clearHref}>{t("clear")}</TextLink> : null}
      </div>
    </GetForm>
  );
}

/** "Sort by Name · Last active · …": each link sorts by its column, or reverses the sort it is already. Back to page 1. */
export function SortLinks<S extends string>({
  filter,
  defaults,
  columns,
}: {
  filter: Sorted<S>;
  /** The list's defaults, left out of the URL. */
  defaults: Record<string, unknown>;
  columns: [S, string][];
}) {
  const t = useTranslations("Ui.sort");
  return (
    <p className="mb-3 text-sm text-muted">
      {t("by")}{" "}
      {columns.map(([sort, label], i) => {
        const active = filter.sort === sort;
        const dir = active && filter.dir === "asc" ? "desc" : "asc";
        return (
          <Fragment key={sort}>
            {i > 0 ? " · " : null}
            <SortLink href={queryWith(filter, { sort, dir, page: 1 }, defaults)} label={label} active={active} dir={filter.dir} />
          </Fragment>
        );
      })}
    </p>
  );
}

/** What a list counts: each has its counts in Ui.resultCount and Ui.matchCount. */
export type CountedNoun = "user" | "coachee" | "assessment" | "action" | "note" | "file";

/** How many rows the list has ("12 coachees match"), announced when a filter changes it. */
export function ResultCount({ total, noun, filtered }: { total: number; noun: CountedNoun; filtered: boolean }) {
  const t = useTranslations("Ui");
  return (
    <p className="mb-2 text-sm text-muted" aria-live="polite">
      {t(filtered ? `matchCount.${noun}` : `resultCount.${noun}`, { count: total })}
    </p>
  );
}
