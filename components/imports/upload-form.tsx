"use client";

import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** Upload a filled template; while the file is read and checked the page says so, then the preview opens. */
export function UploadForm({ org, cohortId, maxBytes, action }: { org: string; cohortId: string; maxBytes: number; action: FormAction<{ importId: string }> }) {
  const [result, formProps, pending] = useFormAction(action);
  // A file over the limit never leaves the browser: the server would refuse its body before reading it.
  const [tooBig, setTooBig] = useState<string>();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get("file");
    if (file instanceof File && file.size > maxBytes) {
      event.preventDefault();
      setTooBig(`The file is larger than ${maxBytes / 1024 / 1024} MB. Split it into smaller files.`);
      return;
    }
    setTooBig(undefined);
    formProps.onSubmit(event);
  }
  useEffect(() => {
    if (result?.ok && result.data) window.location.assign(`/${org}/imports/${result.data.importId}`);
  }, [result, org]);
  return (
    <form {...formProps} onSubmit={onSubmit} noValidate encType="multipart/form-data" className="max-w-md">
      <HiddenFields fields={{ org, cohortId }} />
      <FormStatus result={result?.ok ? null : result} />
      <Field label="CSV file" name="file" type="file" accept=".csv,text/csv" hint="UTF-8, comma or semicolon separated, at most 5 MB and 20,000 rows." error={tooBig ?? fieldError(result, "file")} />
      <Button type="submit" disabled={pending}>
        Check the file
      </Button>
      {pending || result?.ok ? (
        <p role="status" className="mt-3 text-sm text-slate-700">
          {pending ? "Uploading and checking every row… large files take a few seconds." : "Checked. Opening the results…"}
        </p>
      ) : null}
    </form>
  );
}
