"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { Button } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { CheckboxField, CheckboxGroup, Field, RadioGroup, SelectField, TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { RecurrenceFrequency } from "@/lib/db/generated/enums";
import { MAX_INTERVAL, MAX_OCCURRENCES, MAX_SPAN_YEARS } from "@/lib/goals/recurrence-limits";
import { RECURRENCE_FREQUENCY_LABELS, RECURRENCE_UNIT_LABELS, WEEKDAY_LABELS, optionsOf } from "@/lib/labels";

export type SeriesSchedule = {
  frequency: RecurrenceFrequency;
  interval: number;
  weekdays: readonly number[];
  startDate: string;
  count: number | null;
  until: string | null;
};

const FREQUENCY_OPTIONS = optionsOf(RECURRENCE_FREQUENCY_LABELS);
const WEEKDAY_OPTIONS = optionsOf(WEEKDAY_LABELS);
const ENDS_OPTIONS = [
  { value: "count", label: "After so many times" },
  { value: "until", label: "On a chosen day" },
];

/**
 * The recurrence part of an action form: how often (daily, weekly on chosen days, monthly), every how
 * many, the first day, and how it ends (a number of times or a last day). Field names are those of
 * createSeriesSchema / updateSeriesSchema; `idPrefix` keeps ids apart when a page has several forms.
 */
export function SeriesFields({
  result,
  initial,
  idPrefix = "series",
}: {
  result: ActionResult<unknown> | null;
  initial?: Partial<SeriesSchedule>;
  idPrefix?: string;
}) {
  const [frequency, setFrequency] = useState<RecurrenceFrequency>(initial?.frequency ?? "WEEKLY");
  const unit = RECURRENCE_UNIT_LABELS[frequency];
  const ends = initial?.until ? "until" : "count";
  return (
    <fieldset className="mb-4 rounded-md border border-line p-4">
      <legend className="px-1 text-sm font-semibold">Repeats</legend>
      <p className="mb-3 text-xs text-faint">
        Each time is an action of its own, due on its day in the coachee&apos;s time zone. At most {MAX_OCCURRENCES} times, ending within{" "}
        {MAX_SPAN_YEARS} years of the first day. A month without the first day&apos;s date (the 31st, say) uses its last day.
      </p>
      <SelectField
        id={`${idPrefix}-frequency`}
        label="How often"
        name="frequency"
        options={FREQUENCY_OPTIONS}
        defaultValue={frequency}
        onChange={(e) => setFrequency(e.currentTarget.value as RecurrenceFrequency)}
        error={fieldError(result, "frequency")}
      />
      <Field
        id={`${idPrefix}-interval`}
        label={`Every how many ${unit.many}`}
        name="interval"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_INTERVAL}
        defaultValue={initial?.interval ?? 1}
        hint={`1 for every ${unit.one}, 2 for every other ${unit.one}`}
        error={fieldError(result, "interval")}
      />
      {frequency === "WEEKLY" ? (
        <CheckboxGroup
          legend="On these days"
          name="weekdays"
          options={WEEKDAY_OPTIONS}
          checked={(initial?.weekdays ?? []).map(String)}
          error={fieldError(result, "weekdays")}
          empty=""
        />
      ) : null}
      <Field
        id={`${idPrefix}-startDate`}
        label="First day"
        name="startDate"
        type="date"
        defaultValue={initial?.startDate ?? ""}
        error={fieldError(result, "startDate")}
      />
      <RadioGroup legend="Ends" name="ends" options={ENDS_OPTIONS} defaultValue={ends} error={fieldError(result, "ends")} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field
          id={`${idPrefix}-count`}
          label="How many times"
          name="count"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_OCCURRENCES}
          defaultValue={initial?.count ?? ""}
          hint="When it ends after so many times"
          error={fieldError(result, "count")}
        />
        <Field
          id={`${idPrefix}-until`}
          label="Last day"
          name="until"
          type="date"
          defaultValue={initial?.until ?? ""}
          hint="When it ends on a chosen day (that day included)"
          error={fieldError(result, "until")}
        />
      </div>
    </fieldset>
  );
}

export type SeriesValues = SeriesSchedule & { title: string; description: string; weight: number; monitoredByCoach: boolean };

/**
 * A recurring action's whole form: to create one (hidden fields: org, coacheeMembershipId, goalId,
 * milestoneId) or to edit one (org, seriesId; `initial` from getSeries). Editing changes the
 * occurrences not yet done; a new schedule replaces the not-done ones from today on.
 */
export function SeriesForm({
  action,
  fields,
  initial,
  submitLabel,
  idPrefix = "series",
}: {
  action: FormAction;
  fields: Record<string, string>;
  initial?: Partial<SeriesValues>;
  submitLabel: string;
  idPrefix?: string;
}) {
  const [result, formProps, pending] = useFormAction(action);
  const editing = "seriesId" in fields;
  return (
    <form {...formProps} noValidate className="max-w-2xl">
      <FormStatus result={result} />
      <HiddenFields fields={fields} />
      <Field
        id={`${idPrefix}-title`}
        label="Title"
        name="title"
        defaultValue={initial?.title ?? ""}
        maxLength={200}
        error={fieldError(result, "title")}
      />
      <TextareaField
        id={`${idPrefix}-description`}
        label="Description (optional)"
        name="description"
        rows={3}
        defaultValue={initial?.description ?? ""}
        error={fieldError(result, "description")}
      />
      <Field
        id={`${idPrefix}-weight`}
        label="Weight"
        name="weight"
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        defaultValue={initial?.weight ?? 1}
        hint="How much each time counts towards its goal, from 1 to 100"
        error={fieldError(result, "weight")}
      />
      <CheckboxField
        id={`${idPrefix}-monitoredByCoach`}
        label="Monitored by the coach"
        name="monitoredByCoach"
        defaultChecked={initial?.monitoredByCoach ?? false}
      />
      <SeriesFields result={result} initial={initial} idPrefix={idPrefix} />
      {editing ? (
        <p className="mb-3 text-xs text-faint">
          Changes apply to the times not done yet. A new schedule replaces those from today on; done and past ones stay.
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}

/** Deleting a series: the times not done go, the done ones stay as actions of their own. */
export function DeleteSeriesButton({
  action,
  org,
  seriesId,
  back,
}: {
  action: FormAction;
  org: string;
  seriesId: string;
  /** Where to go afterwards, for an action that leaves the page. */
  back?: string;
}) {
  return (
    <ConfirmForm
      action={action}
      fields={back ? { org, seriesId, back } : { org, seriesId }}
      label="Delete recurring action"
      title="Delete this recurring action?"
      explain="The times not done yet are deleted; the done ones stay as actions of their own."
      confirmLabel="Delete recurring action"
      tone="danger"
    />
  );
}
