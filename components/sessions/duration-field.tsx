import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";

/** A session's length in minutes, as every session form asks it (the schema takes 5 to 480). */
export function DurationField({ result }: { result: Parameters<typeof fieldError>[0] }) {
  const t = useTranslations("Sessions.form");
  return (
    <Field
      label={t("duration")}
      name="durationMinutes"
      type="number"
      min={5}
      max={480}
      defaultValue={60}
      error={fieldError(result, "durationMinutes")}
    />
  );
}
