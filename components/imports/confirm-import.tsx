"use client";

import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { Notice } from "@/components/ui/notice";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { ImportResult } from "@/lib/imports/import";
import { plural } from "@/lib/words";

/** Confirm: imports the green rows all at once; the outcome lists what was created and what was skipped. */
export function ConfirmImport({
  org,
  importId,
  green,
  red,
  action,
}: {
  org: string;
  importId: string;
  green: number;
  red: number;
  action: FormAction<ImportResult>;
}) {
  const [result, formProps, pending] = useFormAction(action);
  if (result?.ok && result.data) return <ImportOutcome result={result.data} message={result.message} />;
  // Nothing is ready: say what to do instead of offering to import nothing.
  if (green === 0) {
    return (
      <Notice tone="warning" role="status">
        {red > 0
          ? "No row is ready to import yet. Download the red rows, fix what each one says, and upload them again."
          : "There is nothing new to import: every row is skipped (the table says why). Upload another file to add other people."}
      </Notice>
    );
  }
  return (
    <form {...formProps} noValidate>
      <HiddenFields fields={{ org, importId }} />
      <FormStatus result={result} />
      <Button type="submit" disabled={pending}>
        {pending ? "Importing…" : `Import ${plural(green, "green row")}`}
      </Button>
      {pending ? (
        <p role="status" className="mt-2 text-sm text-body">
          Importing in one step: nothing is saved until every row has gone in.
        </p>
      ) : null}
    </form>
  );
}

export function ImportOutcome({ result, message }: { result: ImportResult; message?: string }) {
  return (
    <Notice tone="success" role="status">
      <p className="font-medium">
        {message ?? `Imported: ${result.invited} invited, ${result.enrolled} enrolled, ${result.skipped.length} skipped.`}
      </p>
      <p>
        {result.emails === 0
          ? "No invitation emails were needed."
          : `${plural(result.emails, "invitation email")} ${result.emails === 1 ? "is" : "are"} on the way.`}
      </p>
      {result.created?.length ? (
        <details className="mt-2">
          <summary className="cursor-pointer">Created ({result.created.length})</summary>
          <ul className="mt-1 list-disc ps-5">
            {result.created.map((c) => (
              <li key={c.row}>
                Row {c.row}: {c.email}, {c.action === "invite" ? "invited" : "enrolled"}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {result.skipped.length ? (
        <details className="mt-2">
          <summary className="cursor-pointer">Skipped rows</summary>
          <ul className="mt-1 list-disc ps-5">
            {result.skipped.map((s) => (
              <li key={s.row}>
                Row {s.row}
                {s.email ? ` (${s.email})` : ""}: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Notice>
  );
}
