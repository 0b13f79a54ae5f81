import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { FilterForm, ResultCount, SortLinks } from "@/components/ui/list-controls";
import { Pagination } from "@/components/ui/pagination";
import type { ActionItemFilter, listActionItems } from "@/lib/goals/list-action-items";
import { ACTION_ITEM_FILTER_DEFAULTS } from "@/lib/goals/list-action-items";
import { displayDay } from "@/lib/format/dates";
import { ACTION_FILTER_LABELS, optionsOf } from "@/lib/labels";
import { queryWith } from "@/lib/web/search-params";
import { ActionItemEntry } from "./goal-entry";
import type { CoacheeThreads, GoalActions } from "./goal-tree";

const STATUS_OPTIONS = optionsOf(ACTION_FILTER_LABELS);

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
  /** Whose actions: "your", "Pat Participant's". */
  name: string;
  /** Where to add one (a link or a folded form), shown above the list. */
  newAction: React.ReactNode;
  /** How many comments each action has (listCoacheeComments' totals): each links to its thread. */
  comments: CoacheeThreads;
}) {
  const defaults = { ...ACTION_ITEM_FILTER_DEFAULTS };
  const filtered = Boolean(filter.status || filter.place);
  const clear = queryWith({});
  return (
    <div className="space-y-4">
      {newAction}
      <FilterForm
        label="Filter actions"
        filter={filter}
        filtered={filtered}
        clearHref={clear}
        className="grid gap-3 sm:grid-cols-3 sm:items-end"
      >
        {filter.place ? <input type="hidden" name="place" value={filter.place} /> : null}
        <SelectField
          id="actions-status"
          name="status"
          label="Show"
          defaultValue={filter.status ?? ""}
          empty="All actions"
          options={STATUS_OPTIONS}
        />
      </FilterForm>
      <p className="text-sm text-muted">
        Today is {displayDay(list.today)} on {own ? "your" : name} calendar ({list.zone}
        {list.zoneSource === "pathway"
          ? ", their pathway's time zone until they join"
          : list.zoneSource === "default"
            ? ", until they join"
            : ""}
        ): overdue and due soon (within three days) are read from it. This week means today and the six days after.
      </p>
      {filter.place ? (
        <p className="text-sm">
          Only the actions of one{" "}
          {filter.place === "none"
            ? "place: those without a goal"
            : filter.place.startsWith("goal:")
              ? "goal (directly on it)"
              : "milestone"}
          {list.placeTitle ? <>: “{list.placeTitle}”</> : null}.{" "}
          <TextLink href={queryWith({ status: filter.status })}>Show every action</TextLink>
        </p>
      ) : null}
      <SortLinks filter={filter} defaults={defaults} columns={[["due", "Due date"]]} />
      {list.rows.length > 0 ? <ResultCount total={list.total} noun="action" filtered={filtered} /> : null}
      {list.rows.length === 0 ? (
        <EmptyState>
          {filtered ? (
            <>
              No actions match this filter. <TextLink href={clear}>Show all actions</TextLink>.
            </>
          ) : (
            <>No actions yet. Add one above, or open a goal on the Goals {own ? "page" : "tab"} and add actions to its milestones.</>
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
                  ? `${row.goal.title}${row.milestone ? ` › ${row.milestone.title}` : ""} · goal at ${row.goal.progress}%`
                  : "No goal"
              }
            />
          ))}
        </ul>
      )}
      <Pagination page={list.page} pages={list.pages} href={(page) => queryWith(filter, { page }, defaults)} />
    </div>
  );
}
