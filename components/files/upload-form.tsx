"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import { Button } from "@/components/ui/button";
import { Field, RadioGroup } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { sizeValues, storageLeftValues } from "@/lib/files/limits";

// Uploads one file to a coachee's profile through the upload route with XMLHttpRequest, so the bar
// can show how much has gone. The size limit and the room left in the organisation's storage quota are
// checked here before anything is sent (the server checks both again, the quota under a lock); the type
// is decided by the server from the bytes.

type Props = {
  org: string;
  coacheeId: string;
  maxBytes: number;
  /** "100 MB" */
  maxLabel: string;
  allowed: string;
  storage: { used: number; quota: number; remaining: number };
  /** "Shared with Pat and their coaches" */
  sharedLabel: string;
};

export function UploadForm({ org, coacheeId, maxBytes, maxLabel, allowed, storage, sharedLabel }: Props) {
  const t = useTranslations("Files.upload");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [progress, setProgress] = useState<{ name: string; loaded: number; total: number } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    setFileError(undefined);
    const form = event.currentTarget;
    const data = new FormData(form);
    const chosen = data.get("file");
    const file = chosen instanceof File && chosen.name ? chosen : null;
    if (!file) return setFileError(t("choose"));
    if (file.size > maxBytes) return setFileError(t("tooLarge", sizeValues("max", maxBytes)));
    if (file.size > storage.remaining) return setFileError(t("overQuota", sizeValues("free", storage.remaining)));
    const visibility = data.get("visibility") === "SHARED" ? "SHARED" : "PRIVATE";
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/${encodeURIComponent(org)}/files/upload?coachee=${encodeURIComponent(coacheeId)}&visibility=${visibility}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => setProgress({ name: file.name, loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onerror = () => {
      setProgress(null);
      setResult({ ok: false, error: t("failed") });
    };
    xhr.onload = () => {
      setProgress(null);
      let answer: ActionResult<unknown>;
      try {
        answer = JSON.parse(xhr.responseText) as ActionResult<unknown>;
      } catch {
        answer = { ok: false, error: t("broken") };
      }
      if (!answer.ok && answer.fieldErrors?.file?.[0]) setFileError(answer.fieldErrors.file[0]);
      else setResult(answer);
      if (answer.ok) {
        form.reset();
        router.refresh();
      }
    };
    setProgress({ name: file.name, loaded: 0, total: file.size });
    xhr.send(file);
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <FormStatus result={result} />
      <p className="mb-3 text-sm text-muted">{t("storageLeft", storageLeftValues(storage.used, storage.quota))}</p>
      <Field
        id={`upload-file-${coacheeId}`}
        type="file"
        name="file"
        label={t("file")}
        hint={t("hint", { max: maxLabel, allowed })}
        error={fileError}
        onChange={() => setFileError(undefined)}
      />
      <RadioGroup
        legend={t("whoSees")}
        name="visibility"
        defaultValue="SHARED"
        options={[
          { value: "SHARED", label: sharedLabel },
          { value: "PRIVATE", label: t("onlyMe") },
        ]}
      />
      {progress ? (
        <div className="mb-4" role="status">
          <label htmlFor={`upload-progress-${coacheeId}`} className="block text-sm text-body">
            {t("uploading", { name: progress.name, percent })}
          </label>
          <progress id={`upload-progress-${coacheeId}`} className="w-full" max={100} value={percent}>
            {t("percent", { percent })}
          </progress>
        </div>
      ) : null}
      <Button type="submit" variant="primary" disabled={progress !== null}>
        {progress ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
