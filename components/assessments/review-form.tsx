"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** The coach's review of a submitted assessment: a comment for the coachee (optional), then "Mark reviewed". */
export function ReviewForm({ org, assignmentId, title, action }: { org: string; assignmentId: string; title: string; action: FormAction }) {
  const t = useTranslations("Assessments.review");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("label", { title })} className="max-w-2xl">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, assignmentId }} />
      <TextareaField
        id={`review-${assignmentId}`}
        label={t("comment")}
        name="comment"
        rows={3}
        hint={t("commentHint")}
        error={fieldError(result, "comment")}
      />
      <Button type="submit" variant="primary" size="sm" disabled={pending}>
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
