"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { DurationField } from "./duration-field";

/** A scheduled session as its edit form starts: its local date and time in its own zone. */
export type EditableSession = {
  id: string;
  title: string;
  date: string;
  time: string;
  timezone: string;
  durationMinutes: number;
  location: string;
};

/** Changes a scheduled session: title, day and time in a zone, length, place. Both people's calendars follow. */
export function EditSessionForm({
  org,
  session,
  zones,
  action,
}: {
  org: string;
  session: EditableSession;
  zones: readonly string[];
  action: FormAction;
}) {
  const t = useTranslations("Sessions.change");
  const f = useTranslations("Sessions.form");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("edit")} className="max-w-md">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, sessionId: session.id }} />
      <Field label={f("title")} name="title" maxLength={120} defaultValue={session.title} error={fieldError(result, "title")} />
      <Field label={f("date")} name="date" type="date" defaultValue={session.date} error={fieldError(result, "date")} />
      <Field label={f("startTime")} name="time" type="time" defaultValue={session.time} error={fieldError(result, "time")} />
      <TimeZoneField zones={zones} value={session.timezone} error={fieldError(result, "timezone")} />
      <DurationField result={result} value={session.durationMinutes} />
      <Field
        label={f("location")}
        name="location"
        autoComplete="off"
        maxLength={500}
        defaultValue={session.location}
        error={fieldError(result, "location")}
      />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? f("saving") : t("save")}
      </Button>
    </form>
  );
}

/** Cancels a scheduled session, with a reason the other person reads if one is given. */
export function CancelSessionForm({ org, sessionId, action }: { org: string; sessionId: string; action: FormAction }) {
  const t = useTranslations("Sessions.change");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("cancel")} className="max-w-md">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, sessionId }} />
      <TextareaField label={t("reason")} name="reason" maxLength={500} hint={t("reasonHint")} error={fieldError(result, "reason")} />
      <Button type="submit" variant="danger" disabled={pending}>
        {t("cancelSubmit")}
      </Button>
    </form>
  );
}

/** A coach's answer to a booking awaiting it: approve (it is scheduled, both calendars get it) or decline. */
export function AnswerBookingForm({ org, sessionId, action }: { org: string; sessionId: string; action: FormAction }) {
  const t = useTranslations("Sessions.change");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("answer")} className="flex flex-wrap gap-3">
      <HiddenFields fields={{ org, sessionId }} />
      <FormStatus result={result} />
      <Button type="submit" name="answer" value="approve" variant="primary" disabled={pending}>
        {t("approve")}
      </Button>
      <Button type="submit" name="answer" value="decline" variant="secondary" disabled={pending}>
        {t("decline")}
      </Button>
    </form>
  );
}
