import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EmptyState } from "@/components/ui/empty-state";
import type { FormAction } from "@/components/ui/use-form-action";
import { dayInputValue, formatDay } from "@/lib/format/dates";
import { MONITORED_BADGE } from "@/lib/labels";
import { placeValue, PLACE_NONE } from "@/lib/goals/place-choice";
import type { ActionItem, GoalItem, GoalsView } from "@/lib/goals/views";
import { plural } from "@/lib/words";
import { ActionForm, GoalForm, MilestoneForm, MoveActionForm, ReorderButtons, type PlaceOption } from "./goal-forms";
import { DueBadge, ProgressBar } from "./progress-bar";
import { CommentThread, type CommentActions, type ThreadComment } from "./comment-thread";
import { Disclosure } from "./disclosure";
import { SeriesForm } from "./series-fields";
import { ProgressSlider, type ProgressSaved } from "./progress-slider";

/** The server actions the goal views post to (app/[org]/goals/actions.ts), handed down by the page. */
export type GoalActions = {
  createGoal: FormAction;
  updateGoal: FormAction;
  deleteGoal: FormAction;
  createMilestone: FormAction;
  updateMilestone: FormAction;
  deleteMilestone: FormAction;
  createAction: FormAction;
  updateAction: FormAction;
  deleteAction: FormAction;
  moveAction: FormAction;
  progress: FormAction<ProgressSaved>;
  reorder: FormAction;
  /** Recurring actions and comments (app/[org]/goals/series-actions.ts, comment-actions.ts). */
  createSeries: FormAction;
  comments: CommentActions;
};

type Ctx = {
  org: string;
  coacheeId: string;
  /** The coachee themself (their own pages), rather than a coach. */
  own: boolean;
  actions: GoalActions;
  places: PlaceOption[];
  /** Every thread of the coachee's goals and actions (listCoacheeComments), shown in the viewer's zone. */
  comments?: CoacheeThreads;
  viewerZone: string;
};

/** A coachee's comment threads by goal and by action, as listCoacheeComments reads them. */
export type CoacheeThreads = { byGoal: Record<string, ThreadComment[]>; byAction: Record<string, ThreadComment[]> };

/** Every place an action can go for this coachee: standalone, each goal directly, each milestone. */
export function placeOptions(goals: GoalsView["goals"]): PlaceOption[] {
  const options: PlaceOption[] = [{ value: PLACE_NONE, label: "No goal (standalone)" }];
  for (const g of goals) {
    options.push({ value: placeValue({ goalId: g.id, milestoneId: null }), label: `${g.title} (the goal itself)` });
    for (const m of g.milestones)
      options.push({ value: placeValue({ goalId: g.id, milestoneId: m.id }), label: `${g.title} › ${m.title}` });
  }
  return options;
}

function Due({ day }: { day: Date | null }) {
  return day ? <span className="text-sm text-slate-600">Due {formatDay(day)}</span> : null;
}

/**
 * A coachee's goals in their order: each opens to its milestones with their actions, and its direct
 * actions; then the standalone actions. Everything can be added, edited, reordered, moved and deleted
 * in place; each action has its progress slider. Goals carry id="goal-<id>", actions id="action-<id>".
 */
export function GoalTree({
  org,
  coacheeId,
  own,
  view,
  actions,
  name,
  comments,
  viewerZone = "UTC",
}: {
  org: string;
  coacheeId: string;
  own: boolean;
  view: GoalsView;
  actions: GoalActions;
  /** Whose goals, in a sentence: "your", "Pat Participant's". */
  name: string;
  /** The coachee's comment threads (listCoacheeComments); without them no threads show. */
  comments?: CoacheeThreads;
  /** The viewer's time zone, for comment times. */
  viewerZone?: string;
}) {
  const ctx: Ctx = { org, coacheeId, own, actions, places: placeOptions(view.goals), comments, viewerZone };
  const goalIds = view.goals.map((g) => g.id);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        Due dates are days on {own ? "your" : `${name}`} calendar ({view.zone}
        {view.zoneSource === "pathway"
          ? ", their pathway's time zone until they join"
          : view.zoneSource === "default"
            ? ", until they join"
            : ""}
        ).
      </p>
      <Disclosure summary="New goal">
        <GoalForm org={org} coacheeId={coacheeId} ownGoals={own} action={actions.createGoal} />
      </Disclosure>
      {view.goals.length === 0 ? (
        <EmptyState>No goals yet. Add {own ? "your" : "a"} first goal above, then break it into milestones and actions.</EmptyState>
      ) : (
        <ol className="space-y-4">
          {view.goals.map((goal, i) => (
            <GoalEntry key={goal.id} ctx={ctx} goal={goal} index={i} goalIds={goalIds} />
          ))}
        </ol>
      )}
      <section aria-labelledby="standalone-heading" className="space-y-3">
        <h3 id="standalone-heading" className="text-base font-semibold">
          Actions without a goal
        </h3>
        {view.standalone.length === 0 ? (
          <EmptyState inline>None: every action belongs to a goal. Add one here for something that stands on its own.</EmptyState>
        ) : (
          <ActionList ctx={ctx} items={view.standalone} goal={null} />
        )}
        <Disclosure summary="New action without a goal">
          <ActionForm org={org} coacheeId={coacheeId} ownGoals={own} action={actions.createAction} place={undefined} context="no goal" />
        </Disclosure>
      </section>
    </div>
  );
}

function GoalEntry({ ctx, goal, index, goalIds }: { ctx: Ctx; goal: GoalItem; index: number; goalIds: string[] }) {
  const { org, actions } = ctx;
  const milestoneIds = goal.milestones.map((m) => m.id);
  const count = goal.milestones.reduce((n, m) => n + m.actions.length, goal.actions.length);
  return (
    <li id={`goal-${goal.id}`} className="scroll-mt-20">
      <details className="rounded-md border border-slate-300 bg-white" open={index === 0 || undefined}>
        <summary className="cursor-pointer space-y-1 p-3">
          <span className="font-semibold [overflow-wrap:anywhere]">{goal.title}</span>{" "}
          {goal.monitoredByCoach ? <Badge tone="info">{MONITORED_BADGE}</Badge> : null}
          <span className="block">
            <ProgressBar value={goal.progress} label={`Progress of goal ${goal.title}`} complete={goal.completedAt !== null} />
          </span>
          <span className="block text-sm text-slate-600">
            {plural(goal.milestones.length, "milestone")} · {plural(count, "action")}
            {goal.dueDate ? ` · due ${formatDay(goal.dueDate)}` : ""}
          </span>
        </summary>
        <div className="space-y-4 border-t border-slate-200 p-3">
          {goal.description ? <p className="text-sm whitespace-pre-line [overflow-wrap:anywhere]">{goal.description}</p> : null}
          <div className="flex flex-wrap items-center gap-3">
            <ReorderButtons org={org} kind="goal" ids={goalIds} index={index} title={`goal ${goal.title}`} action={actions.reorder} />
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
                  <li key={m.id} id={`milestone-${m.id}`} className="rounded-md border border-slate-200 p-3">
                    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <h4 className="font-medium [overflow-wrap:anywhere]">{m.title}</h4>
                      <ProgressBar value={m.progress} label={`Progress of milestone ${m.title}`} complete={m.completedAt !== null} />
                      <Due day={m.dueDate} />
                    </div>
                    <div className="mt-2 space-y-3">
                      {m.actions.length === 0 ? (
                        <EmptyState inline>No actions yet: a milestone completes when all its actions are done.</EmptyState>
                      ) : (
                        <ActionList ctx={ctx} items={m.actions} goal={goal} />
                      )}
                      <Disclosure summary={`New action for ${m.title}`}>
                        <ActionForm
                          org={org}
                          coacheeId={ctx.coacheeId}
                          ownGoals={ctx.own}
                          place={{ goalId: goal.id, milestoneId: m.id }}
                          action={actions.createAction}
                          context={m.title}
                        />
                      </Disclosure>
                      <div className="flex flex-wrap items-center gap-3">
                        <ReorderButtons
                          org={org}
                          kind="milestone"
                          ids={milestoneIds}
                          index={mi}
                          title={`milestone ${m.title}`}
                          action={actions.reorder}
                        />
                        <ConfirmForm
                          action={actions.deleteMilestone}
                          fields={{ org, milestoneId: m.id }}
                          label="Delete milestone"
                          title={`Delete the milestone "${m.title}"?`}
                          explain={`Its ${plural(m.actions.length, "action")} go with it. This cannot be undone.`}
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
            {goal.actions.length === 0 ? (
              <EmptyState inline>None: actions usually sit on a milestone; add one here that belongs to the goal as a whole.</EmptyState>
            ) : (
              <ActionList ctx={ctx} items={goal.actions} goal={goal} />
            )}
            <Disclosure summary={`New action directly on ${goal.title}`}>
              <ActionForm
                org={org}
                coacheeId={ctx.coacheeId}
                ownGoals={ctx.own}
                place={{ goalId: goal.id }}
                action={actions.createAction}
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
              zone={ctx.viewerZone}
              actions={actions.comments}
            />
          ) : null}
        </div>
      </details>
    </li>
  );
}

function ActionList({ ctx, items, goal }: { ctx: Ctx; items: ActionItem[]; goal: { title: string; progress: number } | null }) {
  const ids = items.map((a) => a.id);
  return (
    <ul className="space-y-3">
      {items.map((item, i) => (
        <ActionEntry key={item.id} ctx={ctx} item={item} goal={goal} reorder={{ ids, index: i }} />
      ))}
    </ul>
  );
}

/** One action: its title, due date and state, slider, and (folded) edit, move and delete. */
export function ActionEntry({
  ctx,
  item,
  goal,
  reorder,
  place,
}: {
  ctx: Pick<Ctx, "org" | "coacheeId" | "own" | "actions" | "comments"> & { places?: PlaceOption[]; viewerZone?: string };
  item: ActionItem;
  goal: { title: string; progress: number } | null;
  reorder?: { ids: string[]; index: number };
  /** Where it sits ("Lead the team › First month"), on lists that mix places. */
  place?: string;
}) {
  const { org, actions } = ctx;
  const thread = ctx.comments?.byAction[item.id] ?? [];
  return (
    <li id={`action-${item.id}`} className="scroll-mt-20 rounded-md border border-slate-200 bg-slate-50 p-3">
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
      {place ? <p className="text-sm text-slate-600 [overflow-wrap:anywhere]">{place}</p> : null}
      {item.description ? <p className="mt-1 text-sm whitespace-pre-line [overflow-wrap:anywhere]">{item.description}</p> : null}
      <div className="mt-2">
        <ProgressSlider org={org} actionId={item.id} title={item.title} progress={item.progress} goal={goal} action={actions.progress} />
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        {reorder ? (
          <ReorderButtons
            org={org}
            kind="action"
            ids={reorder.ids}
            index={reorder.index}
            title={`action ${item.title}`}
            action={actions.reorder}
          />
        ) : null}
        <ConfirmForm
          action={actions.deleteAction}
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
            <ActionForm
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
              action={actions.updateAction}
            />
            {ctx.places ? (
              <MoveActionForm
                org={org}
                actionId={item.id}
                title={item.title}
                current={placeValue(item)}
                places={ctx.places}
                action={actions.moveAction}
              />
            ) : null}
          </div>
        </Disclosure>
      </div>
      {ctx.comments && ctx.viewerZone ? (
        <div className="mt-2">
          {/* Open once there is a conversation: it is what a comment's notification leads to. */}
          <Disclosure summary={`Comments (${thread.length})`} open={thread.length > 0 || undefined}>
            <CommentThread
              org={org}
              subject={{ actionId: item.id }}
              on={item.title}
              comments={thread}
              zone={ctx.viewerZone}
              actions={actions.comments}
            />
          </Disclosure>
        </div>
      ) : null}
    </li>
  );
}
