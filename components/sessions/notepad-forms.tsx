"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DueDateField, Field, TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** The session's agenda, as its coach (or whoever works the session) writes it; what was typed stays after saving. */
export function AgendaForm({ org, sessionId, agenda, action }: { org: string; sessionId: string; agenda: string; action: FormAction }) {
  const t = useTranslations("Sessions.notepad");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("agenda")} className="max-w-2xl">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, sessionId }} />
      <TextareaField
        label={t("agenda")}
        name="agenda"
        rows={6}
        maxLength={5000}
        defaultValue={agenda}
        hint={t("agendaHint")}
        error={fieldError(result, "agenda")}
      />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? t("saving") : t("saveAgenda")}
      </Button>
    </form>
  );
}

type Written = { org: string; sessionId: string; coacheeId: string; action: FormAction };

/** A note written in the session: private (the coach's alone) or shared with the coachee. */
export function SessionNoteForm({ org, sessionId, coacheeId, action, shared }: Written & { shared: boolean }) {
  const t = useTranslations("Sessions.notepad");
  const [result, formProps, pending] = useFormAction(action);
  const kind = shared ? "shared" : "private";
  const label = shared ? t("addShared") : t("addPrivate");
  return (
    <form {...formProps} noValidate aria-label={label} className="max-w-2xl">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, sessionId, coacheeMembershipId: coacheeId, shared: String(shared) }} />
      <Field id={`${kind}-note-title`} label={t("noteTitle")} name="title" maxLength={200} error={fieldError(result, "title")} />
      <TextareaField id={`${kind}-note-body`} label={t("noteBody")} name="body" rows={4} error={fieldError(result, "body")} />
      {fieldError(result, "shared") ? (
        <p role="alert" className="mb-4 text-sm text-danger">
          {fieldError(result, "shared")}
        </p>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("saving") : label}
      </Button>
    </form>
  );
}

/** An action for the coachee, agreed in the session: a title and, if any, the day it is due. */
export function SessionActionForm({ org, sessionId, coacheeId, action }: Written) {
  const t = useTranslations("Sessions.notepad");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("addAction")} className="max-w-2xl">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, sessionId, coacheeMembershipId: coacheeId }} />
      <Field id="session-action-title" label={t("actionTitle")} name="title" maxLength={200} error={fieldError(result, "title")} />
      <DueDateField id="session-action-due" error={fieldError(result, "dueDate")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("saving") : t("addAction")}
      </Button>
    </form>
  );
}
