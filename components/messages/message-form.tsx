"use client";

import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** Writing to the other person of a thread; the text is cleared once it has been sent, kept when refused. */
export function MessageForm({ org, to, name, max, action }: { org: string; to: string; name: string; max: number; action: FormAction }) {
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate className="max-w-2xl">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, to }} />
      <TextareaField
        label={`Your message to ${name}`}
        name="body"
        rows={5}
        maxLength={max}
        hint={`Plain text, up to ${max.toLocaleString("en")} characters. ${name} gets an email saying you wrote, without your words.`}
        error={fieldError(result, "body")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send message"}
      </Button>
    </form>
  );
}
