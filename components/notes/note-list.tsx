import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { VisibilityBadge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, SelectField } from "@/components/ui/field";
import { FilterForm, ResultCount } from "@/components/ui/list-controls";
import { Pagination } from "@/components/ui/pagination";
import { Time } from "@/components/ui/time";
import { NOTE_SHOWS, type NoteFilter, type NoteView } from "@/lib/notes/notes";
import { queryWith } from "@/lib/web/search-params";

const PREVIEW = 400;

/**
 * A coachee's notes as the viewer may see them (listNotes), newest first: a search form (and, for a
 * coach, which notes) that lives in the URL, each note's title linking to it, its author and time, whether it is shared, the start of its text as plain text with
 * its line breaks, and pages. Each note carries `id="note-<id>"`, where a notification lands.
 */
export function NoteList({
  list,
  filter,
  coach,
  zone,
  href,
  empty,
}: {
  list: { notes: NoteView[]; total: number; page: number; pages: number };
  filter: NoteFilter;
  /** A coach's list: the "which notes" filter and authors' names. */
  coach: boolean;
  zone: string;
  href: (noteId: string) => string;
  /** What an unfiltered empty list says. */
  empty: ReactNode;
}) {
  const t = useTranslations("Notes.list");
  const tl = useTranslations("Labels");
  const filtered = Boolean(filter.q) || filter.show !== "all";
  const defaults = { show: "all", page: 1 };
  const clear = queryWith({});
  return (
    <div className="space-y-4">
      <FilterForm
        label={t("search")}
        submit={t("submit")}
        filter={filter}
        filtered={filtered}
        clearHref={clear}
        className="grid gap-3 sm:grid-cols-3 sm:items-end"
      >
        <Field id="notes-q" name="q" label={t("search")} type="search" defaultValue={filter.q ?? ""} hint={t("searchHint")} />
        {coach ? (
          <SelectField
            id="notes-show"
            name="show"
            label={t("show")}
            defaultValue={filter.show}
            options={NOTE_SHOWS.map((value) => ({ value, label: tl(`noteShow.${value}`) }))}
          />
        ) : null}
      </FilterForm>
      {list.notes.length > 0 ? <ResultCount total={list.total} noun="note" filtered={filtered} /> : null}
      {list.notes.length === 0 ? (
        <EmptyState>
          {filtered ? (
            <>
              {t("noMatch")} <TextLink href={clear}>{t("showAll")}</TextLink>.
            </>
          ) : (
            empty
          )}
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t("label")}>
          {list.notes.map((n) => (
            <li key={n.id} id={`note-${n.id}`} className="scroll-mt-20 rounded-md border border-line bg-surface p-4">
              <h3 className="font-medium [overflow-wrap:anywhere]">
                <TextLink href={href(n.id)}>{n.title || t("untitled")}</TextLink>
              </h3>
              <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
                {coach ? <span>{n.mine ? t("yours") : t("sharedBy", { name: n.authorName })}</span> : null}
                <span>
                  {`${t("written")} `}
                  <Time at={n.createdAt} zone={zone} />
                </span>
                {n.updatedAt.getTime() - n.createdAt.getTime() > 1000 ? (
                  <span>
                    {`· ${t("changed")} `}
                    <Time at={n.updatedAt} zone={zone} />
                  </span>
                ) : null}
                {!coach || !n.mine || n.shared ? <VisibilityBadge visibility={n.shared ? "SHARED" : "PRIVATE"} /> : null}
                {n.comments > 0 ? <span>{t("comments", { count: n.comments })}</span> : null}
              </p>
              {n.body ? (
                <p className="mt-2 text-sm whitespace-pre-wrap text-ink-soft [overflow-wrap:anywhere]">
                  {n.body.length > PREVIEW ? `${n.body.slice(0, PREVIEW)}…` : n.body}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pages={list.pages} href={(page) => queryWith(filter, { page }, defaults)} />
    </div>
  );
}
