"use client";

import { FormStatus } from "./form-status";
import { HiddenFields } from "./hidden-fields";
import { useFormAction, type FormAction } from "./use-form-action";

/** One button that runs a server action with a few hidden fields, and announces its outcome. */
export function ActionButton({ action, fields, label, quiet }: { action: FormAction; fields: Record<string, string>; label: string; quiet?: boolean }) {
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate>
      <HiddenFields fields={fields} />
      <FormStatus result={result} />
      <button
        type="submit"
        disabled={pending}
        className={quiet ? "text-sm text-indigo-700 underline disabled:opacity-60" : "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"}
      >
        {pending ? "Working…" : label}
      </button>
    </form>
  );
}
