"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** Writing a comment in a thread; the text is cleared once it is added, kept when refused. */
export function AddCommentForm({
  action,
  fields,
  max,
  label,
}: {
  action: FormAction;
  /** org, and goalId, actionId or noteId. */
  fields: Record<string, string>;
  max: number;
  /** The text field's label, naming the thing: "Comment on Run a half marathon". */
  label: string;
}) {
  const t = useTranslations("Goals.comments");
  const format = useFormatter();
  const [result, formProps, pending] = useFormAction(action);
  const id = `comment-new-${fields.goalId ?? fields.actionId ?? fields.noteId ?? ""}`;
  return (
    <form {...formProps} noValidate className="max-w-2xl">
      <FormStatus result={result} />
      <HiddenFields fields={fields} />
      <TextareaField
        id={id}
        label={label}
        name="body"
        rows={3}
        maxLength={max}
        hint={t("hint", { max: format.number(max) })}
        error={fieldError(result, "body")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("adding") : t("add")}
      </Button>
    </form>
  );
}

/** Editing one's own comment in place: a button that opens the text, saved or cancelled. */
export function EditCommentForm({
  action,
  fields,
  body,
  max,
}: {
  action: FormAction;
  /** org and commentId. */
  fields: Record<string, string>;
  body: string;
  max: number;
}) {
  const t = useTranslations("Goals.comments");
  const [result, formProps, pending] = useFormAction(action);
  // Open from the click until a save succeeds: a new successful result closes it, a refusal keeps it open.
  const [opened, setOpened] = useState<{ at: typeof result } | null>(null);
  const open = opened !== null && (result === opened.at || !result?.ok);
  if (!open)
    return (
      <>
        <FormStatus result={result} />
        <Button variant="quiet" onClick={() => setOpened({ at: result })}>
          {t("edit")}
        </Button>
      </>
    );
  return (
    <form {...formProps} noValidate className="mt-2">
      <FormStatus result={result} />
      <HiddenFields fields={fields} />
      <TextareaField
        id={`comment-edit-${fields.commentId}`}
        label={t("yours")}
        name="body"
        rows={3}
        maxLength={max}
        defaultValue={body}
        error={fieldError(result, "body")}
        autoFocus
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setOpened(null)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
