"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CheckboxField, DueDateField, Field, SelectField, TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

// The forms of goals, milestones and actions, for a coach on a coachee's profile and for the coachee
// on their own pages (the same server actions serve both). Each keeps what was typed when refused.

type Dated = { title: string; dueDate: string };

/** New goal (for `coacheeId`) or edit `goal`; the coachee's own form offers "Monitored by my coach". */
export function GoalForm({
  org,
  coacheeId,
  goal,
  ownGoals,
  action,
}: {
  org: string;
  coacheeId: string;
  goal?: Dated & { id: string; description: string; monitoredByCoach: boolean };
  ownGoals: boolean;
  action: FormAction;
}) {
  const t = useTranslations("Goals.forms");
  const [result, formProps, pending] = useFormAction(action);
  const key = goal ? `goal-${goal.id}` : "new-goal";
  return (
    <form {...formProps} noValidate aria-label={goal ? t("editGoal", { title: goal.title }) : t("newGoal")} className="max-w-lg">
      <FormStatus result={result} />
      <HiddenFields fields={goal ? { org, goalId: goal.id } : { org, coacheeMembershipId: coacheeId }} />
      <Field id={`${key}-title`} label={t("title")} name="title" defaultValue={goal?.title} error={fieldError(result, "title")} />
      <TextareaField
        id={`${key}-description`}
        label={t("description")}
        name="description"
        rows={3}
        defaultValue={goal?.description}
        error={fieldError(result, "description")}
      />
      <DueDateField id={`${key}-due`} value={goal?.dueDate} error={fieldError(result, "dueDate")} />
      {ownGoals ? <MonitoredField id={`${key}-monitored`} checked={goal?.monitoredByCoach} /> : null}
      <Button type="submit" variant="primary" size="sm" disabled={pending}>
        {pending ? t("saving") : goal ? t("saveGoal") : t("addGoal")}
      </Button>
    </form>
  );
}

/** New milestone on `goalId`, or edit `milestone`. */
export function MilestoneForm({
  org,
  goalId,
  goalTitle,
  milestone,
  action,
}: {
  org: string;
  goalId: string;
  goalTitle: string;
  milestone?: Dated & { id: string };
  action: FormAction;
}) {
  const t = useTranslations("Goals.forms");
  const [result, formProps, pending] = useFormAction(action);
  const key = milestone ? `milestone-${milestone.id}` : `new-milestone-${goalId}`;
  return (
    <form
      {...formProps}
      noValidate
      aria-label={milestone ? t("editMilestone", { title: milestone.title }) : t("newMilestoneFor", { goal: goalTitle })}
      className="max-w-lg"
    >
      <FormStatus result={result} />
      <HiddenFields fields={milestone ? { org, milestoneId: milestone.id } : { org, goalId }} />
      <Field
        id={`${key}-title`}
        label={t("milestoneTitle")}
        name="title"
        defaultValue={milestone?.title}
        error={fieldError(result, "title")}
      />
      <DueDateField id={`${key}-due`} value={milestone?.dueDate} error={fieldError(result, "dueDate")} />
      <Button type="submit" variant="primary" size="sm" disabled={pending}>
        {pending ? t("saving") : milestone ? t("saveMilestone") : t("addMilestone")}
      </Button>
    </form>
  );
}

/** The coachee's "Monitored by my coach" box, on goals and actions alike: their coaches hear of their changes at once. */
function MonitoredField({ id, checked }: { id: string; checked?: boolean }) {
  const t = useTranslations("Goals.forms");
  const tl = useTranslations("Labels");
  return (
    <CheckboxField id={id} label={tl("monitored.checkbox")} name="monitoredByCoach" defaultChecked={checked} hint={t("monitoredHint")} />
  );
}

export type PlaceOption = { value: string; label: string };

/**
 * New action (on a fixed place, or one chosen from `places`) or edit `item`. The coachee may ask their
 * coach to keep an eye on it ("Monitored by my coach"); a coach's edit keeps what the coachee chose.
 */
export function ActionItemForm({
  org,
  coacheeId,
  place,
  places,
  item,
  ownGoals,
  action,
  context,
}: {
  org: string;
  coacheeId: string;
  /** A fixed place: hidden goalId / milestoneId. */
  place?: { goalId: string; milestoneId?: string };
  /** Or a list to choose from (value "none", "goal:<id>", "milestone:<id>"). */
  places?: PlaceOption[];
  item?: Dated & { id: string; description: string; weight: number; monitoredByCoach: boolean };
  /** The coachee's own form: offers "Monitored by my coach". */
  ownGoals: boolean;
  action: FormAction;
  /** What the new action is for, in the form's name ("for First month"); `null` for an action without a goal. */
  context?: string | null;
}) {
  const t = useTranslations("Goals.forms");
  const [result, formProps, pending] = useFormAction(action);
  const key = item ? `action-${item.id}` : `new-action-${place?.milestoneId ?? place?.goalId ?? "any"}`;
  const hidden: Record<string, string> = item
    ? { org, actionId: item.id }
    : { org, coacheeMembershipId: coacheeId, ...(place ? { goalId: place.goalId, milestoneId: place.milestoneId ?? "" } : {}) };
  if (!ownGoals && item?.monitoredByCoach) hidden.monitoredByCoach = "on";
  return (
    <form
      {...formProps}
      noValidate
      aria-label={
        item
          ? t("editAction", { title: item.title })
          : context === null
            ? t("newActionStandalone")
            : context
              ? t("newActionFor", { context })
              : t("newAction")
      }
      className="max-w-lg"
    >
      <FormStatus result={result} />
      <HiddenFields fields={hidden} />
      <Field id={`${key}-title`} label={t("action")} name="title" defaultValue={item?.title} error={fieldError(result, "title")} />
      <TextareaField
        id={`${key}-description`}
        label={t("details")}
        name="description"
        rows={2}
        defaultValue={item?.description}
        error={fieldError(result, "description")}
      />
      <div className="grid gap-x-3 sm:grid-cols-2">
        <DueDateField id={`${key}-due`} value={item?.dueDate} error={fieldError(result, "dueDate")} />
        <Field
          id={`${key}-weight`}
          label={t("weight")}
          name="weight"
          type="number"
          min={1}
          max={100}
          defaultValue={item?.weight ?? 1}
          hint={t("weightHint")}
          error={fieldError(result, "weight")}
        />
      </div>
      {places && !item ? (
        <SelectField
          id={`${key}-place`}
          label={t("place")}
          name="place"
          options={places}
          error={fieldError(result, "place") ?? fieldError(result, "milestoneId") ?? fieldError(result, "goalId")}
        />
      ) : null}
      {ownGoals ? <MonitoredField id={`${key}-monitored`} checked={item?.monitoredByCoach} /> : null}
      <Button type="submit" variant="primary" size="sm" disabled={pending}>
        {pending ? t("saving") : item ? t("saveAction") : t("addAction")}
      </Button>
    </form>
  );
}

/** Move an action to another milestone or goal, or out of any goal. */
export function MoveActionItemForm({
  org,
  actionId,
  title,
  current,
  places,
  action,
}: {
  org: string;
  actionId: string;
  title: string;
  current: string;
  places: PlaceOption[];
  action: FormAction;
}) {
  const t = useTranslations("Goals.forms");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("move", { title })} className="flex max-w-lg flex-wrap items-end gap-2">
      <HiddenFields fields={{ org, actionId }} />
      <div className="min-w-0 flex-1">
        <SelectField
          id={`move-${actionId}`}
          label={t("moveTo")}
          name="place"
          options={places}
          defaultValue={current}
          inline
          error={fieldError(result, "place") ?? fieldError(result, "milestoneId") ?? fieldError(result, "goalId")}
        />
      </div>
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? t("moving") : t("moveButton")}
      </Button>
      <div className="w-full">
        <FormStatus result={result} />
      </div>
    </form>
  );
}

/** Move up / Move down for one item among its siblings (none when it is the only one). */
export function ReorderButtons({
  org,
  kind,
  id,
  index,
  count,
  title,
  action,
}: {
  org: string;
  kind: "goal" | "milestone" | "action";
  id: string;
  /** Where it is among its siblings, and how many there are. */
  index: number;
  count: number;
  title: string;
  action: FormAction;
}) {
  const t = useTranslations("Goals.forms");
  if (count < 2) return null;
  return (
    <span className="inline-flex flex-wrap gap-2">
      {index > 0 ? (
        <ReorderButton
          fields={{ org, kind, id, direction: "up" }}
          label={t("moveUpOf", { kind, title })}
          text={t("moveUp")}
          action={action}
        />
      ) : null}
      {index < count - 1 ? (
        <ReorderButton
          fields={{ org, kind, id, direction: "down" }}
          label={t("moveDownOf", { kind, title })}
          text={t("moveDown")}
          action={action}
        />
      ) : null}
    </span>
  );
}

function ReorderButton({
  fields,
  label,
  text,
  action,
}: {
  fields: Record<string, string>;
  label: string;
  text: string;
  action: FormAction;
}) {
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate className="inline">
      <HiddenFields fields={fields} />
      <Button type="submit" size="sm" variant="quiet" aria-label={label} disabled={pending}>
        {text}
      </Button>
      {result && !result.ok ? <FormStatus result={result} /> : null}
    </form>
  );
}
