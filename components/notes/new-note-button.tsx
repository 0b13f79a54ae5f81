"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** "New note": makes an empty note about the coachee and opens its editor (the action redirects there). */
export function NewNoteButton({ action, org, coacheeId, label }: { action: FormAction; org: string; coacheeId: string; label?: string }) {
  const t = useTranslations("Notes.newNote");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate>
      <HiddenFields fields={{ org, coacheeMembershipId: coacheeId }} />
      <FormStatus result={result} />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? t("opening") : (label ?? t("label"))}
      </Button>
    </form>
  );
}
