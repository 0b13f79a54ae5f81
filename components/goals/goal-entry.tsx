import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EmptyState } from "@/components/ui/empty-state";
import { dayInputValue, displayDay } from "@/lib/format/dates";
import type { ActionItem, Folded, GoalItem } from "@/lib/goals/views";
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
  const t = useTranslations("Goals.entry");
  const locale = useLocale();
  return day ? <span className="text-sm text-muted">{t("due", { day: displayDay(day, undefined, locale) })}</span> : null;
}

/** "2 milestones · 5 actions", and the goal's due day if it has one. */
export function GoalCounts({ milestones, actions, due }: { milestones: number; actions: number; due: Date | null }) {
  const t = useTranslations("Goals.entry");
  const locale = useLocale();
  return due ? t("countsDue", { milestones, actions, day: displayDay(due, undefined, locale) }) : t("counts", { milestones, actions });
}

/** The open goal: its milestones with their actions (folded), its direct actions, its thread. */
export function GoalEntry({ ctx, goal, count: goalCount }: { ctx: Ctx; goal: GoalItem; count: number }) {
  const t = useTranslations("Goals.entry");
  const tl = useTranslations("Labels");
  const { org, actions } = ctx;
  const count = goal.milestones.reduce((n, m) => n + m.actions.total, goal.actions.total);
  return (
    <li id={`goal-${goal.id}`} className="scroll-mt-20">
      <details className="rounded-md border border-line-strong bg-surface" open>
        <summary className="cursor-pointer space-y-1 p-3">
          <span className="font-semibold [overflow-wrap:anywhere]">{goal.title}</span>{" "}
          {goal.monitoredByCoach ? <Badge tone="info">{tl("monitored.badge")}</Badge> : null}
          <span className="block">
            <ProgressBar value={goal.progress} label={t("progressOfGoal", { title: goal.title })} complete={goal.completedAt !== null} />
          </span>
          <span className="block text-sm text-muted">
            <GoalCounts milestones={goal.milestones.length} actions={count} due={goal.dueDate} />
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
              title={goal.title}
              action={actions.reorder}
            />
            <ConfirmForm
              action={actions.deleteGoal}
              fields={{ org, goalId: goal.id }}
              label={t("deleteGoal")}
              title={t("deleteGoalTitle", { title: goal.title })}
              explain={t("deleteGoalExplain", { milestones: goal.milestones.length, actions: count })}
              confirmLabel={t("deleteGoal")}
              tone="danger"
              quiet
            />
          </div>
          <Disclosure summary={t("editGoal")}>
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

          <section aria-label={t("milestonesOf", { title: goal.title })} className="space-y-3">
            <h3 className="text-base font-semibold">{t("milestones")}</h3>
            {goal.milestones.length === 0 ? (
              <EmptyState inline>{t("noMilestones")}</EmptyState>
            ) : (
              <ol className="space-y-3">
                {goal.milestones.map((m, mi) => (
                  <li key={m.id} id={`milestone-${m.id}`} className="rounded-md border border-line p-3">
                    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <h4 className="font-medium [overflow-wrap:anywhere]">{m.title}</h4>
                      <ProgressBar
                        value={m.progress}
                        label={t("progressOfMilestone", { title: m.title })}
                        complete={m.completedAt !== null}
                      />
                      <Due day={m.dueDate} />
                    </div>
                    <div className="mt-2 space-y-3">
                      {m.actions.total === 0 ? (
                        <EmptyState inline>{t("noMilestoneActions")}</EmptyState>
                      ) : (
                        <ActionItemList ctx={ctx} items={m.actions} goal={goal} of={m.title} />
                      )}
                      <Disclosure summary={t("newActionFor", { title: m.title })}>
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
                          title={m.title}
                          action={actions.reorder}
                        />
                        <ConfirmForm
                          action={actions.deleteMilestone}
                          fields={{ org, milestoneId: m.id }}
                          label={t("deleteMilestone")}
                          title={t("deleteMilestoneTitle", { title: m.title })}
                          explain={t("deleteMilestoneExplain", { actions: m.actions.total })}
                          confirmLabel={t("deleteMilestone")}
                          tone="danger"
                          quiet
                        />
                      </div>
                      <Disclosure summary={t("editMilestone", { title: m.title })}>
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
            <Disclosure summary={t("newMilestoneFor", { title: goal.title })}>
              <MilestoneForm org={org} goalId={goal.id} goalTitle={goal.title} action={actions.createMilestone} />
            </Disclosure>
          </section>

          <section aria-label={t("directActionsOf", { title: goal.title })} className="space-y-3">
            <h3 className="text-base font-semibold">{t("directActions")}</h3>
            {goal.actions.total === 0 ? (
              <EmptyState inline>{t("noDirectActions")}</EmptyState>
            ) : (
              <ActionItemList ctx={ctx} items={goal.actions} goal={goal} of={goal.title} />
            )}
            <Disclosure summary={t("newDirectAction", { title: goal.title })}>
              <ActionItemForm
                org={org}
                coacheeId={ctx.coacheeId}
                ownGoals={ctx.own}
                place={{ goalId: goal.id }}
                action={actions.createActionItem}
                context={goal.title}
              />
            </Disclosure>
            <Disclosure summary={t("newRecurring", { title: goal.title })}>
              <SeriesForm
                action={actions.createSeries}
                fields={{ org, coacheeMembershipId: ctx.coacheeId, goalId: goal.id, milestoneId: "" }}
                submitLabel={t("addRecurring")}
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
  /** What the actions are of, for the link to the rest: `null` for the actions without a goal. */
  of: string | null;
}) {
  const t = useTranslations("Goals.entry");
  const count = items.total;
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
          {items.shown.length ? t("firstShown", { shown: items.shown.length, count }) : t("actionCount", { count })}{" "}
          <TextLink
            href={ctx.links.place(items.place)}
            aria-label={of === null ? t("seeAllStandalone", { count }) : t("seeAllOf", { count, of })}
          >
            {t("seeAll", { count })}
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
  const t = useTranslations("Goals.entry");
  const tl = useTranslations("Labels");
  const { org, actions } = ctx;
  const commentCount = ctx.comments?.totals[item.id] ?? 0;
  return (
    <li id={`action-${item.id}`} className="scroll-mt-20 rounded-md border border-line bg-surface-muted p-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium [overflow-wrap:anywhere]">{item.title}</span>
        {item.completedAt ? <Badge tone="success">{t("done")}</Badge> : null}
        <Due day={item.dueDate} />
        <DueBadge due={item.due} />
        {item.monitoredByCoach ? <Badge tone="info">{tl("monitored.badge")}</Badge> : null}
        {item.seriesId ? (
          <TextLink href={`/${org}/goals/series/${item.seriesId}`} aria-label={t("recurringOf", { title: item.title })}>
            {t("recurring")}
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
            title={item.title}
            action={actions.reorder}
          />
        ) : null}
        <ConfirmForm
          action={actions.deleteActionItem}
          fields={{ org, actionId: item.id }}
          label={t("deleteAction")}
          title={t("deleteActionTitle", { title: item.title })}
          explain={t("deleteActionExplain")}
          confirmLabel={t("deleteAction")}
          tone="danger"
          quiet
        />
      </div>
      <div className="mt-2">
        <Disclosure summary={t("editAction")}>
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
            <TextLink href={actionPath(org, item.id)} aria-label={t("moveOf", { title: item.title })}>
              {t("move")}
            </TextLink>
          </div>
        </Disclosure>
      </div>
      {ctx.comments ? (
        <p className="mt-2 text-sm">
          {/* The thread is on the action's page: a long one never weighs on a list of actions. */}
          <TextLink href={`${actionPath(org, item.id)}#comments`} aria-label={t("commentsOf", { count: commentCount, title: item.title })}>
            {t("comments", { count: commentCount })}
          </TextLink>
        </p>
      ) : null}
    </li>
  );
}
