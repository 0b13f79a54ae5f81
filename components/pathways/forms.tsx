"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button, TextLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CheckboxField, Field, RadioGroup, SelectField, type Option } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { ArchiveReason } from "@/lib/db/generated/enums";

/**
 * The "+": one person and their pathway. The primary coach is a typeahead over the organisation's
 * active coaches (a datalist); the form cannot be saved without one.
 */
export function AddPathwayForm(props: {
  org: string;
  cohorts: Option[];
  defaultCohort?: string;
  coaches: { email: string; name: string }[];
  timezones: readonly string[];
  action: FormAction<{ pathwayId: string }>;
}) {
  const { org, cohorts, defaultCohort, coaches, timezones, action } = props;
  const [result, formProps, pending] = useFormAction(action);
  const t = useTranslations("Pathways.add");
  return (
    <form {...formProps} noValidate aria-labelledby="add-pathway-heading" className="max-w-lg">
      <h1 id="add-pathway-heading" className="mb-4 text-2xl font-semibold">
        {t("title")}
      </h1>
      <FormStatus result={result} />
      {result?.ok && result.data ? (
        <p className="mb-4 text-sm">
          <TextLink href={`/${org}/pathways/${result.data.pathwayId}`}>{t("openNew")}</TextLink>
        </p>
      ) : null}
      <HiddenFields fields={{ org }} />
      <Field label={t("email")} name="email" type="email" hint={t("emailHint")} error={fieldError(result, "email")} />
      <Field label={t("firstName")} name="firstName" error={fieldError(result, "firstName")} />
      <Field label={t("lastName")} name="lastName" error={fieldError(result, "lastName")} />
      <SelectField
        label={t("cohort")}
        name="cohortId"
        defaultValue={defaultCohort ?? ""}
        options={cohorts}
        empty={t("chooseCohort")}
        error={fieldError(result, "cohortId")}
      />
      <Field
        label={t("primaryCoach")}
        name="coach"
        list="active-coaches"
        autoComplete="off"
        hint={coaches.length ? t("coachHint") : t("noCoaches")}
        error={fieldError(result, "coach")}
      />
      <datalist id="active-coaches">
        {coaches.map((c) => (
          <option key={c.email} value={c.email}>
            {c.name}
          </option>
        ))}
      </datalist>
      <Field label={t("startDate")} name="startDate" type="date" error={fieldError(result, "startDate")} />
      <TimeZoneField zones={timezones} label={t("timeZone")} error={fieldError(result, "timezone")} />
      <Field label={t("tags")} name="tags" hint={t("tagsHint")} error={fieldError(result, "tags")} />
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}

/** Archive a pathway: the reason is required, and the person chooses whether unused sessions are credited back. */
export function ArchiveForm({
  org,
  pathwayId,
  name,
  unused,
  archived = false,
  action,
}: {
  org: string;
  pathwayId: string;
  name: string;
  unused: number;
  /** Already archived: only the outcome of archiving it from here stays, and gets the focus. */
  archived?: boolean;
  action: FormAction;
}) {
  const [result, formProps, pending] = useFormAction(action);
  const t = useTranslations("Pathways.archive");
  const tl = useTranslations("Labels");
  const dialog = useRef<HTMLDialogElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const [missingReason, setMissingReason] = useState(false);
  const titleId = `archive-${pathwayId}`;
  // Once archived the button is gone; the outcome takes the focus so that it is not lost on the page.
  useEffect(() => {
    if (archived && result?.ok) outcome.current?.focus();
  }, [archived, result]);
  if (archived) {
    return result?.ok ? (
      <div ref={outcome} tabIndex={-1}>
        <FormStatus result={result} />
      </div>
    ) : null;
  }
  return (
    <form {...formProps} noValidate>
      <HiddenFields fields={{ org, pathwayId }} />
      <FormStatus result={result?.ok ? result : result ? { ...result, error: fieldError(result, "reason") ?? result.error } : null} />
      <Button variant="quiet" disabled={pending} onClick={() => dialog.current?.showModal()}>
        {t("button", { name })}
      </Button>
      <ConfirmDialog
        dialog={dialog}
        titleId={titleId}
        title={t("title", { name })}
        explain={t("explain")}
        confirmLabel={t("confirm")}
        onConfirm={(event) => {
          // The reason is required: say so inside the dialog instead of closing it.
          if (!event.currentTarget.form?.querySelector("input[name=reason]:checked")) {
            event.preventDefault();
            setMissingReason(true);
          }
        }}
      >
        <RadioGroup
          legend={t("reason")}
          name="reason"
          required
          options={Object.values(ArchiveReason).map((r) => ({ value: r, label: tl(`archiveReason.${r}`) }))}
          error={missingReason ? t("reasonMissing") : undefined}
          errorId={`${titleId}-reason-error`}
          onChange={() => setMissingReason(false)}
        />
        <CheckboxField id={`${titleId}-credit`} name="credit" defaultChecked={unused > 0} label={t("credit", { count: unused })} />
      </ConfirmDialog>
    </form>
  );
}
