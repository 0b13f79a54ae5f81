"use client";

import { useRef } from "react";
import { Button } from "./button";
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
  /** False when the caller announces the outcome itself (a step that changes what the page offers may remove this form). */
  announce?: boolean;
};

/** A button for a consequential step: it opens a dialog that says what will happen, and only its confirm button submits. */
export function ConfirmForm({ action, fields, label, title, explain, confirmLabel, quiet, announce = true }: Props) {
  const [result, formProps, pending] = useFormAction(action);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `confirm-${Object.values(fields).join("-")}-${confirmLabel}`.replace(/[^A-Za-z0-9-]/g, "");
  return (
    <form {...formProps} noValidate>
      <HiddenFields fields={fields} />
      {announce ? <FormStatus result={result} /> : null}
      <button
        type="button"
        disabled={pending}
        onClick={() => dialog.current?.showModal()}
        className={quiet ? "text-sm text-indigo-700 underline" : "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"}
      >
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40">
        <h2 id={titleId} className="mb-2 text-lg font-semibold">
          {title}
        </h2>
        <p className="mb-4 text-sm text-slate-700">{explain}</p>
        <div className="flex justify-end gap-3">
          <button type="button" className="rounded-md border border-slate-300 px-4 py-2 text-sm" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <Button type="submit" onClick={() => dialog.current?.close()}>
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </form>
  );
}
