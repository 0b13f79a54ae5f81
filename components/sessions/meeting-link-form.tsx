"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** A coach's own meeting room: the place of every session they schedule without one. */
export function MeetingLinkForm({ org, meetingUrl, action }: { org: string; meetingUrl: string; action: FormAction }) {
  const t = useTranslations("Profile.meetingLink");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <section aria-labelledby="meeting-link-heading" className="max-w-xl space-y-3">
      <h2 id="meeting-link-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">{t("explain")}</p>
      <form {...formProps} noValidate aria-label={t("save")}>
        <FormStatus result={result} />
        <HiddenFields fields={{ org }} />
        <Field
          label={t("label")}
          name="meetingUrl"
          type="url"
          inputMode="url"
          autoComplete="url"
          maxLength={500}
          defaultValue={meetingUrl}
          hint={t("hint")}
          error={fieldError(result, "meetingUrl")}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("save")}
        </Button>
      </form>
    </section>
  );
}
