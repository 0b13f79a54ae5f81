import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

/** An assessment's optional due date: a day on the coachee's calendar. */
export function DueDateField({ error }: { error?: string }) {
  const t = useTranslations("Assessments.dueDate");
  return <Field label={t("label")} name="dueDate" type="date" hint={t("hint")} error={error} />;
}
