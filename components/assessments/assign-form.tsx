"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, type Option } from "@/components/ui/field";
import { DueDateField } from "./due-date-field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/**
 * Assign a template: which template, to whom (one coachee, fixed when `to` is given, or a choice of the
 * coach's coachees and groups: "coachee:<id>", "group:<id>"), and an optional due date.
 */
export function AssignForm({
  org,
  templates,
  template,
  to,
  assignees,
  action,
  done,
}: {
  org: string;
  templates: readonly Option[];
  template?: string;
  /** A fixed assignee ("coachee:<id>"), or choose from `assignees`. */
  to?: string;
  assignees?: readonly Option[];
  action: FormAction;
  done: string;
}) {
  const t = useTranslations("Assessments.assign");
  const [result, formProps, pending] = useFormAction(action);
  const router = useRouter();
  useEffect(() => {
    if (result?.ok) router.push(done);
  }, [result, done, router]);
  return (
    <form {...formProps} noValidate aria-label={t("title")} className="max-w-lg">
      <FormStatus result={result} />
      <HiddenFields fields={to ? { org, to } : { org }} />
      <SelectField
        label={t("template")}
        name="templateId"
        options={templates}
        empty={t("chooseTemplate")}
        defaultValue={template ?? ""}
        error={fieldError(result, "templateId")}
      />
      {to ? null : (
        <SelectField
          label={t("to")}
          name="to"
          options={assignees ?? []}
          empty={t("chooseTo")}
          defaultValue=""
          hint={t("toHint")}
          error={fieldError(result, "to")}
        />
      )}
      <DueDateField error={fieldError(result, "dueDate")} />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? t("assigning") : t("submit")}
      </Button>
    </form>
  );
}
