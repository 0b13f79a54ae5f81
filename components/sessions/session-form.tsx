"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { DurationField } from "@/components/sessions/duration-field";

export function SessionForm({ org, pathwayId, action }: { org: string; pathwayId: string; action: FormAction }) {
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label="Schedule a session" className="max-w-md">
      <h2 className="mb-3 text-lg font-semibold">Schedule a session</h2>
      <FormStatus result={result} />
      <HiddenFields fields={{ org, pathwayId }} />
      <Field label="Title" name="title" error={fieldError(result, "title")} />
      <Field label="Date" name="date" type="date" error={fieldError(result, "date")} />
      <Field label="Time" name="time" type="time" error={fieldError(result, "time")} />
      <DurationField result={result} />
      <Button type="submit" disabled={pending}>
        Schedule
      </Button>
    </form>
  );
}
