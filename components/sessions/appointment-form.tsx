"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField, type Option } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { DurationField } from "./duration-field";

type Shared = {
  org: string;
  coacheeId: string;
  /** The active pathways this session may count against (the coachee's, coached by the viewer). */
  pathways: readonly Option[];
  action: FormAction;
  /** Where to go once the session is saved (the profile's Sessions tab). */
  done: string;
};

/** Once saved, on to the list the session now shows in. */
function useGoWhenSaved(result: { ok: boolean } | null, done: string) {
  const router = useRouter();
  useEffect(() => {
    if (result?.ok && done) router.push(done);
  }, [result, done, router]);
}

/** Where it happens and which pathway it counts against: the part both session forms share. */
function PlaceAndPathway({ pathways, result }: { pathways: readonly Option[]; result: Parameters<typeof fieldError>[0] }) {
  const t = useTranslations("Sessions.form");
  return (
    <>
      <Field
        label={t("location")}
        name="location"
        autoComplete="off"
        maxLength={500}
        hint={t("locationHint")}
        error={fieldError(result, "location")}
      />
      {pathways.length ? (
        <SelectField
          label={t("pathway")}
          name="pathwayId"
          options={pathways}
          empty={t("noPathway")}
          defaultValue=""
          hint={t("pathwayHint")}
          error={fieldError(result, "pathwayId")}
        />
      ) : (
        <input type="hidden" name="pathwayId" value="" />
      )}
    </>
  );
}

/** An appointment with a coachee: title, local date and time in a time zone (the coachee's by default), length, place. */
export function AppointmentForm({
  org,
  coacheeId,
  pathways,
  timezone,
  zones,
  action,
  done,
}: Shared & { timezone: string; zones: readonly string[] }) {
  const t = useTranslations("Sessions.form");
  const [result, formProps, pending] = useFormAction(action);
  useGoWhenSaved(result, done);
  return (
    <form {...formProps} noValidate aria-label={t("appointment")} className="max-w-md">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, coacheeMembershipId: coacheeId }} />
      <Field label={t("title")} name="title" maxLength={120} error={fieldError(result, "title")} />
      <Field label={t("date")} name="date" type="date" error={fieldError(result, "date")} />
      <Field label={t("startTime")} name="time" type="time" error={fieldError(result, "time")} />
      <TimeZoneField zones={zones} value={timezone} error={fieldError(result, "timezone")} />
      <DurationField result={result} />
      <PlaceAndPathway pathways={pathways} result={result} />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? t("saving") : t("addAppointment")}
      </Button>
    </form>
  );
}

/**
 * A session that starts now: what it is called, how long, where, and whether it counts against a
 * pathway. Once started, on to its notepad.
 */
export function StartSessionForm({
  org,
  coacheeId,
  pathways,
  action,
}: Omit<Shared, "action" | "done"> & { action: FormAction<{ sessionId: string }> }) {
  const t = useTranslations("Sessions.form");
  const [result, formProps, pending] = useFormAction(action);
  const started = result?.ok ? result.data?.sessionId : undefined;
  useGoWhenSaved(result, started ? `/${org}/sessions/${started}/notepad` : "");
  return (
    <form {...formProps} noValidate aria-label={t("startNow")} className="max-w-md">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, coacheeMembershipId: coacheeId }} />
      <Field label={t("title")} name="title" maxLength={120} defaultValue={t("defaultTitle")} error={fieldError(result, "title")} />
      <DurationField result={result} />
      <PlaceAndPathway pathways={pathways} result={result} />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? t("starting") : t("start")}
      </Button>
    </form>
  );
}
