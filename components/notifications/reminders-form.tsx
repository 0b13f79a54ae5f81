"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** How long before each session the person is reminded: any of the choices, or none. */
export function RemindersForm({
  org,
  choices,
  chosen,
  action,
}: {
  org: string;
  choices: readonly number[];
  chosen: readonly number[];
  action: FormAction;
}) {
  const t = useTranslations("NotificationCentre.reminders");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("title")} className="mt-10 max-w-md">
      <HiddenFields fields={{ org }} />
      <FormStatus result={result} />
      <CheckboxGroup
        legend={t("title")}
        name="minutes"
        hint={t("hint")}
        options={choices.map((m) => ({ value: String(m), label: t(String(m) as "1440" | "60" | "15") }))}
        checked={chosen.map(String)}
        empty=""
        error={fieldError(result, "minutes")}
      />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
