"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CheckboxField, CheckboxGroup, Field, Fieldset, TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** The availability as the form starts: each weekday's ranges as text, and the rest as stored. */
export type AvailabilityValues = {
  open: boolean;
  timezone: string;
  days: Record<1 | 2 | 3 | 4 | 5 | 6 | 7, string>;
  lengths: number[];
  bufferMinutes: number;
  noticeHours: number;
  horizonDays: number;
  maxPerDay: number | null;
  daysOff: string;
  needsApproval: boolean;
  cancelWindowHours: number;
};

/** A coach's weekly availability and booking rules, in their own zone. */
export function AvailabilityForm({
  org,
  values,
  lengthChoices,
  zones,
  action,
}: {
  org: string;
  values: AvailabilityValues;
  lengthChoices: readonly number[];
  zones: readonly string[];
  action: FormAction;
}) {
  const t = useTranslations("Availability");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("title")} className="max-w-xl">
      <HiddenFields fields={{ org }} />
      <FormStatus result={result} />
      <CheckboxField label={t("open")} name="open" defaultChecked={values.open} />
      <TimeZoneField zones={zones} value={values.timezone} error={fieldError(result, "timezone")} />
      <Fieldset legend={t("weekHint")}>
        {([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => (
          <Field
            key={weekday}
            label={t("day", { weekday: String(weekday) })}
            name={`day${weekday}`}
            defaultValue={values.days[weekday]}
            autoComplete="off"
            maxLength={200}
            error={fieldError(result, `day${weekday}`)}
          />
        ))}
      </Fieldset>
      <CheckboxGroup
        legend={t("lengths")}
        name="lengths"
        options={lengthChoices.map((n) => ({ value: String(n), label: t("minutes", { n }) }))}
        checked={values.lengths.map(String)}
        empty=""
        error={fieldError(result, "lengths")}
      />
      <Field
        label={t("buffer")}
        name="bufferMinutes"
        type="number"
        min={0}
        max={240}
        defaultValue={values.bufferMinutes}
        error={fieldError(result, "bufferMinutes")}
      />
      <Field
        label={t("notice")}
        name="noticeHours"
        type="number"
        min={0}
        max={720}
        defaultValue={values.noticeHours}
        error={fieldError(result, "noticeHours")}
      />
      <Field
        label={t("horizon")}
        name="horizonDays"
        type="number"
        min={1}
        max={365}
        defaultValue={values.horizonDays}
        error={fieldError(result, "horizonDays")}
      />
      <Field
        label={t("maxPerDay")}
        name="maxPerDay"
        type="number"
        min={1}
        max={24}
        defaultValue={values.maxPerDay ?? ""}
        error={fieldError(result, "maxPerDay")}
      />
      <Field
        label={t("cancelWindow")}
        name="cancelWindowHours"
        type="number"
        min={0}
        max={168}
        defaultValue={values.cancelWindowHours}
        hint={t("cancelWindowHint")}
        error={fieldError(result, "cancelWindowHours")}
      />
      <TextareaField
        label={t("daysOff")}
        name="daysOff"
        hint={t("daysOffHint")}
        defaultValue={values.daysOff}
        error={fieldError(result, "daysOff")}
      />
      <Button type="submit" variant="primary" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
