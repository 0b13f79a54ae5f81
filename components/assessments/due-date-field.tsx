import { Field } from "@/components/ui/field";

/** An assessment's optional due date: a day on the coachee's calendar. */
export function DueDateField({ error }: { error?: string }) {
  return <Field label="Due date (optional)" name="dueDate" type="date" hint="A day on the coachee's calendar." error={error} />;
}
