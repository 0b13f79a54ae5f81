"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { DurationField } from "@/components/sessions/duration-field";

export function SessionForm({ org, pathwayId, action }: { org: string; pathwayId: string; action: FormAction }) {
  const t = useTranslations("Sessions.form");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("schedule")} className="max-w-md">
      <h2 className="mb-3 text-lg font-semibold">{t("schedule")}</h2>
      <FormStatus result={result} />
      <HiddenFields fields={{ org, pathwayId }} />
      <Field label={t("title")} name="title" error={fieldError(result, "title")} />
      <Field label={t("date")} name="date" type="date" error={fieldError(result, "date")} />
      <Field label={t("time")} name="time" type="time" error={fieldError(result, "time")} />
      <DurationField result={result} />
      <Button type="submit" disabled={pending}>
        {t("scheduleSubmit")}
      </Button>
    </form>
  );
}
