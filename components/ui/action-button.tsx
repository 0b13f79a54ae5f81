"use client";

import { useTranslations } from "next-intl";
import { Button } from "./button";
import { FormStatus } from "./form-status";
import { HiddenFields } from "./hidden-fields";
import { useFormAction, type FormAction } from "./use-form-action";

/** One button that runs a server action with a few hidden fields, and announces its outcome. */
export function ActionButton({
  action,
  fields,
  label,
  quiet,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  quiet?: boolean;
}) {
  const t = useTranslations("Ui");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate>
      <HiddenFields fields={fields} />
      <FormStatus result={result} />
      <Button type="submit" variant={quiet ? "quiet" : "secondary"} disabled={pending}>
        {pending ? t("working") : label}
      </Button>
    </form>
  );
}
