import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";

/** A session's length in minutes, as every session form asks it (the schema takes 5 to 480). */
export function DurationField({ result, value = 60 }: { result: Parameters<typeof fieldError>[0]; value?: number }) {
  const t = useTranslations("Sessions.form");
  return (
    <Field
      label={t("duration")}
      name="durationMinutes"
      type="number"
      min={5}
      max={480}
      defaultValue={value}
      error={fieldError(result, "durationMinutes")}
    />
  );
}
