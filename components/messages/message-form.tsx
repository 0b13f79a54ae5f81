"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** Writing to the other person of a thread; the text is cleared once it has been sent, kept when refused. */
export function MessageForm({ org, to, name, max, action }: { org: string; to: string; name: string; max: number; action: FormAction }) {
  const t = useTranslations("Conversations.form");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate className="max-w-2xl">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, to }} />
      <TextareaField
        label={t("label", { name })}
        name="body"
        rows={5}
        maxLength={max}
        hint={t("hint", { max, name })}
        error={fieldError(result, "body")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
