"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/** A day's free times as the participant reads them: its heading, and each start with its time of day. */
export type SlotDay = { day: string; slots: { start: string; time: string }[] };

/**
 * The week's free times, each a button of one form: the one pressed sends its start (the submitter's
 * value). Booked, the page is drawn again without it.
 */
export function BookSlots({
  org,
  coach,
  length,
  pathwayId,
  days,
  action,
}: {
  org: string;
  coach: string;
  length: number;
  pathwayId: string;
  days: readonly SlotDay[];
  action: FormAction;
}) {
  const t = useTranslations("Booking");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("title")}>
      <HiddenFields fields={{ org, coachMembershipId: coach, length: String(length), pathwayId }} />
      <FormStatus result={result} />
      <Field label={t("topic")} name="title" maxLength={120} defaultValue={t("sessionTitle")} error={fieldError(result, "title")} />
      <ul className="space-y-4">
        {days.map((d) => (
          <li key={d.day}>
            <h3 className="mb-2 font-medium">{d.day}</h3>
            <ul className="flex flex-wrap gap-2">
              {d.slots.map((s) => (
                <li key={s.start}>
                  <Button
                    type="submit"
                    name="start"
                    value={s.start}
                    variant="secondary"
                    size="sm"
                    disabled={pending}
                    aria-label={t("bookName", { day: d.day, time: s.time })}
                  >
                    {s.time}
                  </Button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </form>
  );
}
