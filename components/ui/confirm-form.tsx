"use client";

import { useRef } from "react";
import { Button } from "./button";
import { ConfirmDialog } from "./confirm-dialog";
import { FormStatus } from "./form-status";
import { HiddenFields } from "./hidden-fields";
import { useFormAction, type FormAction } from "./use-form-action";

type Props = {
  action: FormAction;
  /** Hidden fields the action needs (org, ids). */
  fields: Record<string, string>;
  /** The button that opens the dialog. */
  label: string;
  title: string;
  /** What will happen, in the person's words. */
  explain: string;
  confirmLabel: string;
  quiet?: boolean;
  /** "danger" for a step that takes something away. */
  tone?: "primary" | "danger";
  /** False when the caller announces the outcome itself (a step that changes what the page offers may remove this form). */
  announce?: boolean;
};

/** A button for a consequential step: it opens a dialog that says what will happen, and only its confirm button submits. */
export function ConfirmForm({ action, fields, label, title, explain, confirmLabel, quiet, tone, announce = true }: Props) {
  const [result, formProps, pending] = useFormAction(action);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `confirm-${Object.values(fields).join("-")}-${confirmLabel}`.replace(/[^A-Za-z0-9-]/g, "");
  return (
    <form {...formProps} noValidate>
      <HiddenFields fields={fields} />
      {announce ? <FormStatus result={result} /> : null}
      <Button variant={quiet ? "quiet" : "secondary"} disabled={pending} onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      <ConfirmDialog dialog={dialog} titleId={titleId} title={title} explain={explain} confirmLabel={confirmLabel} tone={tone} />
    </form>
  );
}
