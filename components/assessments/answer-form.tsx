"use client";

import { Button } from "@/components/ui/button";
import { CheckboxGroup, Field, RadioGroup, TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { answerFieldName, LONG_ANSWER_MAX, SHORT_ANSWER_MAX, type Answers, type Question } from "@/lib/assessments/questions";

// The coachee's form for one assessment: each question as the control its kind needs (a radio group
// under the prompt for a scale or a single choice, checkboxes under it for a multiple choice, a labelled
// text field), optional ones marked. "Save and continue later" keeps a draft; "Submit" needs every
// required answer, and says at each question what is missing.

/** The prompt as a question's label reads: "(optional)" when it need not be answered. */
export const promptLabel = (q: Question) => (q.required ? q.prompt : `${q.prompt} (optional)`);

function scaleOptions(q: Extract<Question, { kind: "scale" }>) {
  return Array.from({ length: q.scaleMax }, (_, i) => {
    const n = i + 1;
    const end = n === 1 ? q.lowLabel : n === q.scaleMax ? q.highLabel : "";
    return { value: String(n), label: end ? `${n}: ${end}` : String(n) };
  });
}

export function AnswerForm({
  org,
  assignmentId,
  title,
  questions,
  answers,
  action,
}: {
  org: string;
  assignmentId: string;
  title: string;
  questions: Question[];
  answers: Answers;
  action: FormAction;
}) {
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={`Answer ${title}`} className="max-w-2xl space-y-2">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, assignmentId }} />
      <ol className="space-y-4">
        {questions.map((q, i) => {
          const name = answerFieldName(q.id);
          const error = fieldError(result, name);
          const given = answers[q.id];
          const label = `${i + 1}. ${promptLabel(q)}`;
          return (
            <li key={q.id} className="rounded-md border border-line bg-surface p-4">
              {q.kind === "scale" ? (
                <RadioGroup
                  legend={label}
                  name={name}
                  options={scaleOptions(q)}
                  defaultValue={given === undefined ? undefined : String(given)}
                  error={error}
                  errorId={`${name}-error`}
                />
              ) : q.kind === "single" ? (
                <RadioGroup
                  legend={label}
                  name={name}
                  options={q.options.map((o) => ({ value: o, label: o }))}
                  defaultValue={typeof given === "string" ? given : undefined}
                  error={error}
                  errorId={`${name}-error`}
                />
              ) : q.kind === "multiple" ? (
                <CheckboxGroup
                  legend={label}
                  name={name}
                  options={q.options.map((o) => ({ value: o, label: o }))}
                  checked={Array.isArray(given) ? given : []}
                  hint="Choose all that apply."
                  error={error}
                  empty=""
                />
              ) : q.kind === "short" ? (
                <Field
                  id={name}
                  label={label}
                  name={name}
                  defaultValue={typeof given === "string" ? given : ""}
                  maxLength={SHORT_ANSWER_MAX}
                  error={error}
                />
              ) : (
                <TextareaField
                  id={name}
                  label={label}
                  name={name}
                  rows={5}
                  defaultValue={typeof given === "string" ? given : ""}
                  maxLength={LONG_ANSWER_MAX}
                  error={error}
                />
              )}
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-3 pt-2">
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={pending}>
          Save and continue later
        </Button>
        <Button type="submit" name="intent" value="submit" variant="primary" disabled={pending}>
          Submit
        </Button>
      </div>
      <p className="text-sm text-muted">Once submitted, your answers can no longer be changed.</p>
    </form>
  );
}
