import { useLocale, useTranslations } from "next-intl";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { FilterForm, ResultCount, SortLinks } from "@/components/ui/list-controls";
import { Pagination } from "@/components/ui/pagination";
import type { ActionItemFilter, listActionItems } from "@/lib/goals/list-action-items";
import { ACTION_FILTERS, ACTION_ITEM_FILTER_DEFAULTS } from "@/lib/goals/list-action-items";
import { displayDay } from "@/lib/format/dates";
import { queryWith } from "@/lib/web/search-params";
import { ActionItemEntry } from "./goal-entry";
import type { CoacheeThreads, GoalActions } from "./goal-tree";

/**
 * All of a coachee's actions in one list: filter (open, due this week, overdue, done), due-date sort
 * and pages in the URL, a progress slider on each.
 */
export function ActionItemsView({
  org,
  coacheeId,
  own,
  list,
  filter,
  actions,
  name,
  newAction,
  comments,
}: {
  org: string;
  coacheeId: string;
  own: boolean;
  list: Awaited<ReturnType<typeof listActionItems>>;
  filter: ActionItemFilter;
  actions: GoalActions;
  /** Whose actions, when they are not the viewer's own: the coachee's name. */
  name?: string;
  /** Where to add one (a link or a folded form), shown above the list. */
  newAction: React.ReactNode;
  /** How many comments each action has (listCoacheeComments' totals): each links to its thread. */
  comments: CoacheeThreads;
}) {
  const t = useTranslations("Goals.actions");
  const tl = useTranslations("Labels");
  const locale = useLocale();
  const defaults = { ...ACTION_ITEM_FILTER_DEFAULTS };
  const place = filter.place === "none" ? "none" : filter.place?.startsWith("goal:") ? "goal" : "milestone";
  const today = { day: displayDay(list.today, undefined, locale), zone: list.zone, source: list.zoneSource };
  const filtered = Boolean(filter.status || filter.place);
  const clear = queryWith({});
  return (
    <div className="space-y-4">
      {newAction}
      <FilterForm
        label={t("filter")}
        filter={filter}
        filtered={filtered}
        clearHref={clear}
        className="grid gap-3 sm:grid-cols-3 sm:items-end"
      >
        {filter.place ? <input type="hidden" name="place" value={filter.place} /> : null}
        <SelectField
          id="actions-status"
          name="status"
          label={t("show")}
          defaultValue={filter.status ?? ""}
          empty={t("all")}
          options={ACTION_FILTERS.map((f) => ({ value: f, label: tl(`actionFilter.${f}`) }))}
        />
      </FilterForm>
      <p className="text-sm text-muted">{own || name === undefined ? t("today", today) : t("todayOf", { ...today, name })}</p>
      {filter.place ? (
        <p className="text-sm">
          {list.placeTitle ? t("onlyPlaceTitled", { place, title: list.placeTitle }) : t("onlyPlace", { place })}{" "}
          <TextLink href={queryWith({ status: filter.status })}>{t("showEvery")}</TextLink>
        </p>
      ) : null}
      <SortLinks filter={filter} defaults={defaults} columns={[["due", t("dueDate")]]} />
      {list.rows.length > 0 ? <ResultCount total={list.total} noun="action" filtered={filtered} /> : null}
      {list.rows.length === 0 ? (
        <EmptyState>
          {filtered ? (
            <>
              {t("noMatch")} <TextLink href={clear}>{t("showAll")}</TextLink>.
            </>
          ) : (
            t(own ? "emptyOwn" : "empty")
          )}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {list.rows.map((row) => (
            <ActionItemEntry
              key={row.id}
              ctx={{ org, coacheeId, own, actions, comments }}
              item={{ ...row, goalId: row.goal?.id ?? null, milestoneId: row.milestone?.id ?? null }}
              goal={row.goal}
              place={
                row.goal
                  ? row.milestone
                    ? t("placeMilestone", { goal: row.goal.title, milestone: row.milestone.title, progress: row.goal.progress })
                    : t("placeGoal", { goal: row.goal.title, progress: row.goal.progress })
                  : t("noGoal")
              }
            />
          ))}
        </ul>
      )}
      <Pagination page={list.page} pages={list.pages} href={(page) => queryWith(filter, { page }, defaults)} />
    </div>
  );
}
