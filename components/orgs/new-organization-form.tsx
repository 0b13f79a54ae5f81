"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export function NewOrganizationForm({ action }: { action: FormAction }) {
  const t = useTranslations("SignUp.newOrganisation");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate>
      <FormStatus result={result} />
      <Field
        label={t("organisationName")}
        name="organizationName"
        autoComplete="organization"
        error={fieldError(result, "organizationName")}
      />
      <Button type="submit" disabled={pending} block>
        {pending ? t("creating") : t("submit")}
      </Button>
    </form>
  );
}
