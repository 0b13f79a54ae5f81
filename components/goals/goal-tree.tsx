import { useTranslations } from "next-intl";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { FormAction } from "@/components/ui/use-form-action";
import { placeValue, PLACE_NONE } from "@/lib/goals/place-choice";
import type { GoalsView, GoalSummary, Places } from "@/lib/goals/views";
import { ActionItemForm, GoalForm, type PlaceOption } from "./goal-forms";
import { ProgressBar } from "./progress-bar";
import { type CommentActions, type ThreadComment } from "./comment-thread";
import { Disclosure } from "./disclosure";
import { type ProgressSaved } from "./progress-slider";
import { ActionItemList, GoalCounts, GoalEntry } from "./goal-entry";

/** The server actions the goal views post to (app/[org]/goals/actions.ts), handed down by the page. */
export type GoalActions = {
  createGoal: FormAction;
  updateGoal: FormAction;
  deleteGoal: FormAction;
  createMilestone: FormAction;
  updateMilestone: FormAction;
  deleteMilestone: FormAction;
  createActionItem: FormAction;
  updateActionItem: FormAction;
  deleteActionItem: FormAction;
  moveActionItem: FormAction;
  progress: FormAction<ProgressSaved>;
  reorder: FormAction;
  /** Recurring actions and comments (app/[org]/goals/series-actions.ts, comment-actions.ts). */
  createSeries: FormAction;
  comments: CommentActions;
};

export type Ctx = {
  org: string;
  coacheeId: string;
  /** The coachee themself (their own pages), rather than a coach. */
  own: boolean;
  actions: GoalActions;
  links: GoalLinks;
  /** The threads shown (listCoacheeComments), in the viewer's zone. */
  comments?: CoacheeThreads;
  viewerZone: string;
};

/** A coachee's comment threads by goal and by action, as listCoacheeComments reads them, with each thread's count. */
export type CoacheeThreads = {
  byGoal: Record<string, ThreadComment[]>;
  byAction: Record<string, ThreadComment[]>;
  totals: Record<string, number>;
};

/** Where the folded parts of a goals view are: another goal opened, a place's whole list, a whole thread. */
export type GoalLinks = {
  /** The goals with this goal open. */
  goal: (goalId: string) => string;
  /** The Actions list of one place (a placeValue). */
  place: (place: string) => string;
  /** The open goal's thread shown whole. */
  thread: (goalId: string) => string;
};

/** The words of the place choices: `getTranslations("Goals.places")` on a page. */
type PlaceWords = (key: "none" | "goal", values?: { title: string }) => string;

/** Every place an action can go for this coachee: standalone, each goal directly, each milestone. */
export function placeOptions(goals: Places, t: PlaceWords): PlaceOption[] {
  const options: PlaceOption[] = [{ value: PLACE_NONE, label: t("none") }];
  for (const g of goals) {
    options.push({ value: placeValue({ goalId: g.id, milestoneId: null }), label: t("goal", { title: g.title }) });
    for (const m of g.milestones)
      options.push({ value: placeValue({ goalId: g.id, milestoneId: m.id }), label: `${g.title} › ${m.title}` });
  }
  return options;
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
  links,
  viewerZone = "UTC",
}: {
  org: string;
  coacheeId: string;
  own: boolean;
  view: GoalsView;
  actions: GoalActions;
  /** Whose goals, when they are not the viewer's own: the coachee's name. */
  name?: string;
  /** The coachee's comment threads (listCoacheeComments); without them no threads show. */
  comments?: CoacheeThreads;
  links: GoalLinks;
  /** The viewer's time zone, for comment times. */
  viewerZone?: string;
}) {
  const t = useTranslations("Goals.tree");
  const ctx: Ctx = { org, coacheeId, own, actions, links, comments, viewerZone };
  const zone = { zone: view.zone, source: view.zoneSource };
  return (
    <div className="space-y-6">
      <p className="text-sm text-muted">{own || name === undefined ? t("dueDates", zone) : t("dueDatesOf", { ...zone, name })}</p>
      <Disclosure summary={t("newGoal")}>
        <GoalForm org={org} coacheeId={coacheeId} ownGoals={own} action={actions.createGoal} />
      </Disclosure>
      {view.goals.length === 0 ? (
        <EmptyState>{own ? t("emptyOwn") : t("empty")}</EmptyState>
      ) : (
        <ol className="space-y-4">
          {view.goals.map((goal) =>
            view.open?.id === goal.id ? (
              <GoalEntry key={goal.id} ctx={ctx} goal={view.open} count={view.goals.length} />
            ) : (
              <GoalSummaryEntry key={goal.id} goal={goal} href={links.goal(goal.id)} />
            ),
          )}
        </ol>
      )}
      <section aria-labelledby="standalone-heading" className="space-y-3">
        <h3 id="standalone-heading" className="text-base font-semibold">
          {t("standalone")}
        </h3>
        {view.standalone.total === 0 ? (
          <EmptyState inline>{t("noStandalone")}</EmptyState>
        ) : (
          <ActionItemList ctx={ctx} items={view.standalone} goal={null} of={null} />
        )}
        <Disclosure summary={t("newStandalone")}>
          <ActionItemForm
            org={org}
            coacheeId={coacheeId}
            ownGoals={own}
            action={actions.createActionItem}
            place={undefined}
            context={null}
          />
        </Disclosure>
      </section>
    </div>
  );
}

/** A goal that is not open: its title (a link that opens it), figure and counts. */
function GoalSummaryEntry({ goal, href }: { goal: GoalSummary; href: string }) {
  const t = useTranslations("Goals.entry");
  return (
    <li id={`goal-${goal.id}`} className="scroll-mt-20 space-y-1 rounded-md border border-line-strong bg-surface p-3">
      <p className="font-semibold [overflow-wrap:anywhere]">
        <TextLink href={href}>{goal.title}</TextLink>
      </p>
      <ProgressBar value={goal.progress} label={t("progressOfGoal", { title: goal.title })} complete={goal.completedAt !== null} />
      <p className="text-sm text-muted">
        <GoalCounts milestones={goal.milestoneCount} actions={goal.actionCount} due={goal.dueDate} />
      </p>
    </li>
  );
}
