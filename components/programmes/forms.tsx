"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CheckboxField, Field, TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { dayInputValue } from "@/lib/format/dates";

type Programme = { id: string; name: string; description: string; sessionsIncluded: number; lateCancellationCounts: boolean };

/** Create a programme, or edit one when `programme` is given. */
export function ProgrammeForm({ org, programme, action }: { org: string; programme?: Programme; action: FormAction }) {
  const [result, formProps, pending] = useFormAction(action);
  const t = useTranslations("Programmes.form");
  const heading = programme ? t("edit") : t("new");
  // The ids tell the two forms of one page apart, in the same words whatever the language.
  const form = programme ? "edit-programme" : "new-programme";
  return (
    <form {...formProps} noValidate aria-label={heading} className="max-w-md">
      <h2 className="mb-3 text-lg font-semibold">{heading}</h2>
      <FormStatus result={result} />
      <HiddenFields fields={programme ? { org, programmeId: programme.id } : { org }} />
      <Field label={t("name")} name="name" id={`${form}-name`} defaultValue={programme?.name} error={fieldError(result, "name")} />
      <TextareaField
        label={t("description")}
        name="description"
        id={`${form}-description`}
        defaultValue={programme?.description}
        error={fieldError(result, "description")}
      />
      <Field
        label={t("sessionsIncluded")}
        name="sessionsIncluded"
        id={`${form}-sessions`}
        type="number"
        min={0}
        defaultValue={programme?.sessionsIncluded ?? 6}
        error={fieldError(result, "sessionsIncluded")}
      />
      <CheckboxField
        label={t("lateCancellationCounts")}
        name="lateCancellationCounts"
        id={`${form}-late`}
        defaultChecked={programme?.lateCancellationCounts ?? false}
        hint={t("lateCancellationHint")}
      />
      <Button type="submit" disabled={pending}>
        {programme ? t("save") : t("create")}
      </Button>
    </form>
  );
}

type Cohort = { id: string; name: string; clientName: string; startDate: Date | null; endDate: Date | null };

/** Create a cohort of a programme, or edit one when `cohort` is given. */
export function CohortForm({
  org,
  programmeId,
  cohort,
  action,
}: {
  org: string;
  programmeId?: string;
  cohort?: Cohort;
  action: FormAction;
}) {
  const [result, formProps, pending] = useFormAction(action);
  const t = useTranslations("Cohorts.form");
  const heading = cohort ? t("edit") : t("new");
  return (
    <form {...formProps} noValidate aria-label={heading} className="max-w-md">
      <h2 className="mb-3 text-lg font-semibold">{heading}</h2>
      <FormStatus result={result} />
      <HiddenFields fields={cohort ? { org, cohortId: cohort.id } : { org, programmeId: programmeId ?? "" }} />
      <Field label={t("name")} name="name" defaultValue={cohort?.name} error={fieldError(result, "name")} />
      <Field label={t("clientName")} name="clientName" defaultValue={cohort?.clientName} error={fieldError(result, "clientName")} />
      <Field
        label={t("startDate")}
        name="startDate"
        type="date"
        defaultValue={dayInputValue(cohort?.startDate)}
        error={fieldError(result, "startDate")}
      />
      <Field
        label={t("endDate")}
        name="endDate"
        type="date"
        defaultValue={dayInputValue(cohort?.endDate)}
        error={fieldError(result, "endDate")}
      />
      <Button type="submit" disabled={pending}>
        {cohort ? t("save") : t("create")}
      </Button>
    </form>
  );
}
