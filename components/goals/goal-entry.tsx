import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EmptyState } from "@/components/ui/empty-state";
import { dayInputValue, displayDay } from "@/lib/format/dates";
import { MONITORED_BADGE } from "@/lib/labels";
import type { ActionItem, Folded, GoalItem } from "@/lib/goals/views";
import { plural } from "@/lib/words";
import { ActionItemForm, GoalForm, MilestoneForm, ReorderButtons } from "./goal-forms";
import { DueBadge, ProgressBar } from "./progress-bar";
import { CommentThread } from "./comment-thread";
import { Disclosure } from "./disclosure";
import { SeriesForm } from "./series-fields";
import { ProgressSlider } from "./progress-slider";

import type { Ctx } from "./goal-tree";

// The open goal of a coachee's goal tree (./goal-tree.tsx): its milestones with their actions, its
// direct actions and its thread; and one action as every list shows it (the tree, the Actions list).

/** An action's own page: its comments, and moving it to another goal or milestone. */
export const actionPath = (org: string, actionId: string) => `/${org}/goals/actions/${actionId}`;

function Due({ day }: { day: Date | null }) {
  return day ? <span className="text-sm text-muted">Due {displayDay(day)}</span> : null;
}

/** The open goal: its milestones with their actions (folded), its direct actions, its thread. */
export function GoalEntry({ ctx, goal, count: goalCount }: { ctx: Ctx; goal: GoalItem; count: number }) {
  const { org, actions } = ctx;
  const count = goal.milestones.reduce((n, m) => n + m.actions.total, goal.actions.total);
  return (
    <li id={`goal-${goal.id}`} className="scroll-mt-20">
      <details className="rounded-md border border-line-strong bg-surface" open>
        <summary className="cursor-pointer space-y-1 p-3">
          <span className="font-semibold [overflow-wrap:anywhere]">{goal.title}</span>{" "}
          {goal.monitoredByCoach ? <Badge tone="info">{MONITORED_BADGE}</Badge> : null}
          <span className="block">
            <ProgressBar value={goal.progress} label={`Progress of goal ${goal.title}`} complete={goal.completedAt !== null} />
          </span>
          <span className="block text-sm text-muted">
            {plural(goal.milestones.length, "milestone")} · {plural(count, "action")}
            {goal.dueDate ? ` · due ${displayDay(goal.dueDate)}` : ""}
          </span>
        </summary>
        <div className="space-y-4 border-t border-line p-3">
          {goal.description ? <p className="text-sm whitespace-pre-line [overflow-wrap:anywhere]">{goal.description}</p> : null}
          <div className="flex flex-wrap items-center gap-3">
            <ReorderButtons
              org={org}
              kind="goal"
              id={goal.id}
              index={goal.index}
              count={goalCount}
              title={`goal ${goal.title}`}
              action={actions.reorder}
            />
            <ConfirmForm
              action={actions.deleteGoal}
              fields={{ org, goalId: goal.id }}
              label={`Delete goal`}
              title={`Delete the goal "${goal.title}"?`}
              explain={`Its ${plural(goal.milestones.length, "milestone")} and ${plural(count, "action")} go with it. This cannot be undone.`}
              confirmLabel="Delete goal"
              tone="danger"
              quiet
            />
          </div>
          <Disclosure summary={`Edit goal`}>
            <GoalForm
              org={org}
              coacheeId={ctx.coacheeId}
              goal={{
                id: goal.id,
                title: goal.title,
                description: goal.description,
                dueDate: dayInputValue(goal.dueDate),
                monitoredByCoach: goal.monitoredByCoach,
              }}
              ownGoals={ctx.own}
              action={actions.updateGoal}
            />
          </Disclosure>

          <section aria-label={`Milestones of ${goal.title}`} className="space-y-3">
            <h3 className="text-base font-semibold">Milestones</h3>
            {goal.milestones.length === 0 ? (
              <EmptyState inline>No milestones yet: add the steps on the way to this goal below.</EmptyState>
            ) : (
              <ol className="space-y-3">
                {goal.milestones.map((m, mi) => (
                  <li key={m.id} id={`milestone-${m.id}`} className="rounded-md border border-line p-3">
                    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <h4 className="font-medium [overflow-wrap:anywhere]">{m.title}</h4>
                      <ProgressBar value={m.progress} label={`Progress of milestone ${m.title}`} complete={m.completedAt !== null} />
                      <Due day={m.dueDate} />
                    </div>
                    <div className="mt-2 space-y-3">
                      {m.actions.total === 0 ? (
                        <EmptyState inline>No actions yet: a milestone completes when all its actions are done.</EmptyState>
                      ) : (
                        <ActionItemList ctx={ctx} items={m.actions} goal={goal} of={m.title} />
                      )}
                      <Disclosure summary={`New action for ${m.title}`}>
                        <ActionItemForm
                          org={org}
                          coacheeId={ctx.coacheeId}
                          ownGoals={ctx.own}
                          place={{ goalId: goal.id, milestoneId: m.id }}
                          action={actions.createActionItem}
                          context={m.title}
                        />
                      </Disclosure>
                      <div className="flex flex-wrap items-center gap-3">
                        <ReorderButtons
                          org={org}
                          kind="milestone"
                          id={m.id}
                          index={mi}
                          count={goal.milestones.length}
                          title={`milestone ${m.title}`}
                          action={actions.reorder}
                        />
                        <ConfirmForm
                          action={actions.deleteMilestone}
                          fields={{ org, milestoneId: m.id }}
                          label="Delete milestone"
                          title={`Delete the milestone "${m.title}"?`}
                          explain={`Its ${plural(m.actions.total, "action")} go with it. This cannot be undone.`}
                          confirmLabel="Delete milestone"
                          tone="danger"
                          quiet
                        />
                      </div>
                      <Disclosure summary={`Edit milestone ${m.title}`}>
                        <MilestoneForm
                          org={org}
                          goalId={goal.id}
                          goalTitle={goal.title}
                          milestone={{ id: m.id, title: m.title, dueDate: dayInputValue(m.dueDate) }}
                          action={actions.updateMilestone}
                        />
                      </Disclosure>
                    </div>
                  </li>
                ))}
              </ol>
            )}
            <Disclosure summary={`New milestone for ${goal.title}`}>
              <MilestoneForm org={org} goalId={goal.id} goalTitle={goal.title} action={actions.createMilestone} />
            </Disclosure>
          </section>

          <section aria-label={`Actions directly on ${goal.title}`} className="space-y-3">
            <h3 className="text-base font-semibold">Actions directly on the goal</h3>
            {goal.actions.total === 0 ? (
              <EmptyState inline>None: actions usually sit on a milestone; add one here that belongs to the goal as a whole.</EmptyState>
            ) : (
              <ActionItemList ctx={ctx} items={goal.actions} goal={goal} of={goal.title} />
            )}
            <Disclosure summary={`New action directly on ${goal.title}`}>
              <ActionItemForm
                org={org}
                coacheeId={ctx.coacheeId}
                ownGoals={ctx.own}
                place={{ goalId: goal.id }}
                action={actions.createActionItem}
                context={goal.title}
              />
            </Disclosure>
            <Disclosure summary={`New recurring action on ${goal.title}`}>
              <SeriesForm
                action={actions.createSeries}
                fields={{ org, coacheeMembershipId: ctx.coacheeId, goalId: goal.id, milestoneId: "" }}
                submitLabel="Add recurring action"
                idPrefix={`series-${goal.id}`}
              />
            </Disclosure>
          </section>
          {ctx.comments ? (
            <CommentThread
              org={org}
              subject={{ goalId: goal.id }}
              on={goal.title}
              comments={ctx.comments.byGoal[goal.id] ?? []}
              total={ctx.comments.totals[goal.id] ?? 0}
              allHref={ctx.links.thread(goal.id)}
              zone={ctx.viewerZone}
              actions={actions.comments}
            />
          ) : null}
        </div>
      </details>
    </li>
  );
}

/** A place's actions as folded (the first few), and a link to all of them when there are more. */
export function ActionItemList({
  ctx,
  items,
  goal,
  of,
}: {
  ctx: Ctx;
  items: Folded<ActionItem>;
  goal: { title: string; progress: number } | null;
  /** What the actions are of, for the link to the rest. */
  of: string;
}) {
  return (
    <>
      {items.shown.length ? (
        <ul className="space-y-3">
          {items.shown.map((item, i) => (
            <ActionItemEntry key={item.id} ctx={ctx} item={item} goal={goal} reorder={{ index: i, count: items.total }} />
          ))}
        </ul>
      ) : null}
      {items.total > items.shown.length ? (
        <p className="text-sm">
          {items.shown.length
            ? `The first ${items.shown.length} of ${plural(items.total, "action")} are shown. `
            : `${plural(items.total, "action")}. `}
          <TextLink href={ctx.links.place(items.place)} aria-label={`See all ${plural(items.total, "action")} of ${of}`}>
            See all {plural(items.total, "action")}
          </TextLink>
        </p>
      ) : null}
    </>
  );
}

/** One action: its title, due date and state, slider, and (folded) edit, move and delete. */
export function ActionItemEntry({
  ctx,
  item,
  goal,
  reorder,
  place,
}: {
  ctx: Pick<Ctx, "org" | "coacheeId" | "own" | "actions" | "comments">;
  item: ActionItem;
  goal: { title: string; progress: number } | null;
  /** Where it is among the actions of its place, for Move up / Move down. */
  reorder?: { index: number; count: number };
  /** Where it sits ("Lead the team › First month"), on lists that mix places. */
  place?: string;
}) {
  const { org, actions } = ctx;
  const commentCount = ctx.comments?.totals[item.id] ?? 0;
  return (
    <li id={`action-${item.id}`} className="scroll-mt-20 rounded-md border border-line bg-surface-muted p-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium [overflow-wrap:anywhere]">{item.title}</span>
        {item.completedAt ? <Badge tone="success">Done</Badge> : null}
        <Due day={item.dueDate} />
        <DueBadge due={item.due} />
        {item.monitoredByCoach ? <Badge tone="info">{MONITORED_BADGE}</Badge> : null}
        {item.seriesId ? (
          <TextLink href={`/${org}/goals/series/${item.seriesId}`} aria-label={`Recurring: edit the series of ${item.title}`}>
            Recurring: edit the series
          </TextLink>
        ) : null}
      </div>
      {place ? <p className="text-sm text-muted [overflow-wrap:anywhere]">{place}</p> : null}
      {item.description ? <p className="mt-1 text-sm whitespace-pre-line [overflow-wrap:anywhere]">{item.description}</p> : null}
      <div className="mt-2">
        <ProgressSlider org={org} actionId={item.id} title={item.title} progress={item.progress} goal={goal} action={actions.progress} />
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        {reorder ? (
          <ReorderButtons
            org={org}
            kind="action"
            id={item.id}
            index={reorder.index}
            count={reorder.count}
            title={`action ${item.title}`}
            action={actions.reorder}
          />
        ) : null}
        <ConfirmForm
          action={actions.deleteActionItem}
          fields={{ org, actionId: item.id }}
          label="Delete action"
          title={`Delete the action "${item.title}"?`}
          explain="It is removed with its progress, and its goal's figure is worked out again. This cannot be undone."
          confirmLabel="Delete action"
          tone="danger"
          quiet
        />
      </div>
      <div className="mt-2">
        <Disclosure summary={`Edit action`}>
          <div className="space-y-4">
            <ActionItemForm
              org={org}
              coacheeId={ctx.coacheeId}
              ownGoals={ctx.own}
              item={{
                id: item.id,
                title: item.title,
                description: item.description,
                dueDate: dayInputValue(item.dueDate),
                weight: item.weight,
                monitoredByCoach: item.monitoredByCoach,
              }}
              action={actions.updateActionItem}
            />
            {/* Moving lists every goal and milestone: on the action's page, so no action here carries that list. */}
            <TextLink href={actionPath(org, item.id)} aria-label={`Move to another goal or milestone: ${item.title}`}>
              Move to another goal or milestone
            </TextLink>
          </div>
        </Disclosure>
      </div>
      {ctx.comments ? (
        <p className="mt-2 text-sm">
          {/* The thread is on the action's page: a long one never weighs on a list of actions. */}
          <TextLink href={`${actionPath(org, item.id)}#comments`} aria-label={`Comments (${commentCount}) on ${item.title}`}>
            Comments ({commentCount})
          </TextLink>
        </p>
      ) : null}
    </li>
  );
}
