"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

export function NewOrganizationForm({ action }: { action: FormAction }) {
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate>
      <FormStatus result={result} />
      <Field label="Organisation name" name="organizationName" autoComplete="organization" error={fieldError(result, "organizationName")} />
      <Button type="submit" disabled={pending} block>
        {pending ? "Creating…" : "Create organisation"}
      </Button>
    </form>
  );
}
