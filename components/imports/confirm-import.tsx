"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { Notice } from "@/components/ui/notice";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import type { ImportResult } from "@/lib/imports/import";

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
  const t = useTranslations("Imports.confirm");
  const [result, formProps, pending] = useFormAction(action);
  if (result?.ok && result.data) return <ImportOutcome result={result.data} message={result.message} />;
  // Nothing is ready: say what to do instead of offering to import nothing.
  if (green === 0) {
    return (
      <Notice tone="warning" role="status">
        {red > 0 ? t("noneReady") : t("nothingNew")}
      </Notice>
    );
  }
  return (
    <form {...formProps} noValidate>
      <HiddenFields fields={{ org, importId }} />
      <FormStatus result={result} />
      <Button type="submit" disabled={pending}>
        {pending ? t("importing") : t("import", { count: green })}
      </Button>
      {pending ? (
        <p role="status" className="mt-2 text-sm text-body">
          {t("oneStep")}
        </p>
      ) : null}
    </form>
  );
}

export function ImportOutcome({ result, message }: { result: ImportResult; message?: string }) {
  const t = useTranslations("Imports.outcome");
  return (
    <Notice tone="success" role="status">
      <p className="font-medium">
        {message ?? t("summary", { invited: result.invited, enrolled: result.enrolled, skipped: result.skipped.length })}
      </p>
      <p>{result.emails === 0 ? t("noEmails") : t("emails", { count: result.emails })}</p>
      {result.created?.length ? (
        <details className="mt-2">
          <summary className="cursor-pointer">{t("created", { count: result.created.length })}</summary>
          <ul className="mt-1 list-disc ps-5">
            {result.created.map((c) => (
              <li key={c.row}>{t("createdRow", { row: c.row, email: c.email, action: c.action })}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {result.skipped.length ? (
        <details className="mt-2">
          <summary className="cursor-pointer">{t("skipped")}</summary>
          <ul className="mt-1 list-disc ps-5">
            {result.skipped.map((s) => (
              <li key={s.row}>
                {s.email
                  ? t("skippedRowWithEmail", { row: s.row, email: s.email, reason: s.reason })
                  : t("skippedRow", { row: s.row, reason: s.reason })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Notice>
  );
}
