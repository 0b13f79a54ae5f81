"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import type { ActionResult } from "@/lib/actions/action";
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from "@/lib/imports/limits";

type UploadResult = ActionResult<{ importId: string }>;

/**
 * Upload a filled template to the organisation's upload route (app/[org]/imports/upload); while the
 * file is read and checked the page says so, then the preview opens.
 */
export function UploadForm({ org, cohortId }: { org: string; cohortId: string }) {
  const t = useTranslations("Imports.upload");
  const tooBig: UploadResult = { ok: false, error: t("checkFields"), fieldErrors: { file: [t("tooBig", { mb: MAX_IMPORT_MB })] } };
  const notSent: UploadResult = { ok: false, error: t("notSent") };
  const [result, setResult] = useState<UploadResult | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    // A file over the limit never leaves the browser; the server answers one that does with the same words.
    if (file instanceof File && file.size > MAX_IMPORT_BYTES) {
      setResult(tooBig);
      return;
    }
    setPending(true);
    let next: UploadResult;
    try {
      const response = await fetch(`/${org}/imports/upload`, { method: "POST", body: form });
      next = response.headers.get("content-type")?.startsWith("application/json") ? ((await response.json()) as UploadResult) : notSent;
    } catch {
      next = notSent;
    }
    setResult(next);
    if (next.ok && next.data) router.push(`/${org}/imports/${next.data.importId}`);
    else setPending(false);
  }
  return (
    <form onSubmit={onSubmit} noValidate encType="multipart/form-data" className="max-w-md">
      <HiddenFields fields={{ org, cohortId }} />
      <FormStatus result={result?.ok ? null : result} />
      <Field label={t("file")} name="file" type="file" accept=".csv,text/csv" hint={t("fileHint")} error={fieldError(result, "file")} />
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
      {pending || result?.ok ? (
        <p role="status" className="mt-3 text-sm text-body">
          {pending && !result?.ok ? t("checking") : t("opening")}
        </p>
      ) : null}
    </form>
  );
}
