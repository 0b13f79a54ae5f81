"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import { Button } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { CheckboxField, CheckboxGroup, Field, RadioGroup, SelectField, TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { RecurrenceFrequency } from "@/lib/db/generated/enums";
import { MAX_INTERVAL, MAX_OCCURRENCES, MAX_SPAN_YEARS } from "@/lib/goals/recurrence-limits";

export type SeriesSchedule = {
  frequency: RecurrenceFrequency;
  interval: number;
  weekdays: readonly number[];
  startDate: string;
  count: number | null;
  until: string | null;
};

const FREQUENCIES = Object.values(RecurrenceFrequency);
/** ISO weekdays, Monday (1) to Sunday (7). */
const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;

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
  const t = useTranslations("Goals.series");
  const tl = useTranslations("Labels");
  const [frequency, setFrequency] = useState<RecurrenceFrequency>(initial?.frequency ?? "WEEKLY");
  const ends = initial?.until ? "until" : "count";
  return (
    <fieldset className="mb-4 rounded-md border border-line p-4">
      <legend className="px-1 text-sm font-semibold">{t("legend")}</legend>
      <p className="mb-3 text-xs text-faint">{t("explain", { max: MAX_OCCURRENCES, years: MAX_SPAN_YEARS })}</p>
      <SelectField
        id={`${idPrefix}-frequency`}
        label={t("howOften")}
        name="frequency"
        options={FREQUENCIES.map((f) => ({ value: f, label: tl(`recurrenceFrequency.${f}`) }))}
        defaultValue={frequency}
        onChange={(e) => setFrequency(e.currentTarget.value as RecurrenceFrequency)}
        error={fieldError(result, "frequency")}
      />
      <Field
        id={`${idPrefix}-interval`}
        label={t("interval", { frequency })}
        name="interval"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_INTERVAL}
        defaultValue={initial?.interval ?? 1}
        hint={t("intervalHint", { frequency })}
        error={fieldError(result, "interval")}
      />
      {frequency === "WEEKLY" ? (
        <CheckboxGroup
          legend={t("onDays")}
          name="weekdays"
          options={WEEKDAYS.map((d) => ({ value: d, label: tl(`weekday.${d}`) }))}
          checked={(initial?.weekdays ?? []).map(String)}
          error={fieldError(result, "weekdays")}
          empty=""
        />
      ) : null}
      <Field
        id={`${idPrefix}-startDate`}
        label={t("firstDay")}
        name="startDate"
        type="date"
        defaultValue={initial?.startDate ?? ""}
        error={fieldError(result, "startDate")}
      />
      <RadioGroup
        legend={t("ends")}
        name="ends"
        options={[
          { value: "count", label: t("endsCount") },
          { value: "until", label: t("endsUntil") },
        ]}
        defaultValue={ends}
        error={fieldError(result, "ends")}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field
          id={`${idPrefix}-count`}
          label={t("count")}
          name="count"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_OCCURRENCES}
          defaultValue={initial?.count ?? ""}
          hint={t("countHint")}
          error={fieldError(result, "count")}
        />
        <Field
          id={`${idPrefix}-until`}
          label={t("until")}
          name="until"
          type="date"
          defaultValue={initial?.until ?? ""}
          hint={t("untilHint")}
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
  const t = useTranslations("Goals.series");
  const [result, formProps, pending] = useFormAction(action);
  const editing = "seriesId" in fields;
  return (
    <form {...formProps} noValidate className="max-w-2xl">
      <FormStatus result={result} />
      <HiddenFields fields={fields} />
      <Field
        id={`${idPrefix}-title`}
        label={t("title")}
        name="title"
        defaultValue={initial?.title ?? ""}
        maxLength={200}
        error={fieldError(result, "title")}
      />
      <TextareaField
        id={`${idPrefix}-description`}
        label={t("description")}
        name="description"
        rows={3}
        defaultValue={initial?.description ?? ""}
        error={fieldError(result, "description")}
      />
      <Field
        id={`${idPrefix}-weight`}
        label={t("weight")}
        name="weight"
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        defaultValue={initial?.weight ?? 1}
        hint={t("weightHint")}
        error={fieldError(result, "weight")}
      />
      <CheckboxField
        id={`${idPrefix}-monitoredByCoach`}
        label={t("monitored")}
        name="monitoredByCoach"
        defaultChecked={initial?.monitoredByCoach ?? false}
      />
      <SeriesFields result={result} initial={initial} idPrefix={idPrefix} />
      {editing ? <p className="mb-3 text-xs text-faint">{t("editing")}</p> : null}
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : submitLabel}
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
  const t = useTranslations("Goals.series");
  return (
    <ConfirmForm
      action={action}
      fields={back ? { org, seriesId, back } : { org, seriesId }}
      label={t("delete")}
      title={t("deleteTitle")}
      explain={t("deleteExplain")}
      confirmLabel={t("delete")}
      tone="danger"
    />
  );
}
