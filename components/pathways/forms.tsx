"use client";

import { useEffect, useRef, useState } from "react";
import { Button, TextLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CheckboxField, Field, RadioGroup, SelectField, type Option } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { ARCHIVE_REASON_LABELS, optionsOf } from "@/lib/labels";
import { plural } from "@/lib/words";

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
  return (
    <form {...formProps} noValidate aria-labelledby="add-pathway-heading" className="max-w-lg">
      <h1 id="add-pathway-heading" className="mb-4 text-2xl font-semibold">
        Add a participant with a pathway
      </h1>
      <FormStatus result={result} />
      {result?.ok && result.data ? (
        <p className="mb-4 text-sm">
          <TextLink href={`/${org}/pathways/${result.data.pathwayId}`}>Open the new pathway</TextLink>
        </p>
      ) : null}
      <HiddenFields fields={{ org }} />
      <Field
        label="Email"
        name="email"
        type="email"
        hint="Someone new is invited as a participant; someone already here is enrolled."
        error={fieldError(result, "email")}
      />
      <Field label="First name" name="firstName" error={fieldError(result, "firstName")} />
      <Field label="Last name" name="lastName" error={fieldError(result, "lastName")} />
      <SelectField
        label="Cohort"
        name="cohortId"
        defaultValue={defaultCohort ?? ""}
        options={cohorts}
        empty="Choose a cohort"
        error={fieldError(result, "cohortId")}
      />
      <Field
        label="Primary coach"
        name="coach"
        list="active-coaches"
        autoComplete="off"
        hint={coaches.length ? "Start typing a coach's name or email." : "There are no active coaches yet: invite a coach first."}
        error={fieldError(result, "coach")}
      />
      <datalist id="active-coaches">
        {coaches.map((c) => (
          <option key={c.email} value={c.email}>
            {c.name}
          </option>
        ))}
      </datalist>
      <Field label="Start date" name="startDate" type="date" error={fieldError(result, "startDate")} />
      <TimeZoneField zones={timezones} error={fieldError(result, "timezone")} />
      <Field label="Tags (optional)" name="tags" hint="Separated by commas." error={fieldError(result, "tags")} />
      <Button type="submit" disabled={pending}>
        Add participant
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
        Archive the pathway of {name}
      </Button>
      <ConfirmDialog
        dialog={dialog}
        titleId={titleId}
        title={`Archive the pathway of ${name}?`}
        explain="It stays readable; its sessions can no longer change."
        confirmLabel="Archive"
        onConfirm={(event) => {
          // The reason is required: say so inside the dialog instead of closing it.
          if (!event.currentTarget.form?.querySelector("input[name=reason]:checked")) {
            event.preventDefault();
            setMissingReason(true);
          }
        }}
      >
        <RadioGroup
          legend="Why does it end?"
          name="reason"
          required
          options={optionsOf(ARCHIVE_REASON_LABELS)}
          error={missingReason ? "Choose why the pathway ends" : undefined}
          errorId={`${titleId}-reason-error`}
          onChange={() => setMissingReason(false)}
        />
        <CheckboxField
          id={`${titleId}-credit`}
          name="credit"
          defaultChecked={unused > 0}
          label={`Credit the ${plural(unused, "unused session")} back to the cohort`}
        />
      </ConfirmDialog>
    </form>
  );
}
