"use client";

import { useTranslations } from "next-intl";
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

/** The prompt as a question's label reads: "(optional)", in the reader's words (`optional`), when it need not be answered. */
export const promptLabel = (q: Question, optional: (prompt: string) => string) => (q.required ? q.prompt : optional(q.prompt));

/** A scale's choices, its two ends with their labels ("1: Not at all"); `end` words them. */
function scaleOptions(q: Extract<Question, { kind: "scale" }>, end: (n: number, label: string) => string) {
  return Array.from({ length: q.scaleMax }, (_, i) => {
    const n = i + 1;
    const label = n === 1 ? q.lowLabel : n === q.scaleMax ? q.highLabel : "";
    return { value: String(n), label: label ? end(n, label) : String(n) };
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
  const t = useTranslations("Assessments");
  const [result, formProps, pending] = useFormAction(action);
  return (
    <form {...formProps} noValidate aria-label={t("answer.label", { title })} className="max-w-2xl space-y-2">
      <FormStatus result={result} />
      <HiddenFields fields={{ org, assignmentId }} />
      <ol className="space-y-4">
        {questions.map((q, i) => {
          const name = answerFieldName(q.id);
          const error = fieldError(result, name);
          const given = answers[q.id];
          const label = t("numbered", { n: i + 1, prompt: promptLabel(q, (prompt) => t("optionalPrompt", { prompt })) });
          return (
            <li key={q.id} className="rounded-md border border-line bg-surface p-4">
              {q.kind === "scale" ? (
                <RadioGroup
                  legend={label}
                  name={name}
                  options={scaleOptions(q, (n, end) => t("answer.scaleEnd", { n, label: end }))}
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
                  hint={t("answer.chooseAll")}
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
          {t("answer.save")}
        </Button>
        <Button type="submit" name="intent" value="submit" variant="primary" disabled={pending}>
          {t("answer.submit")}
        </Button>
      </div>
      <p className="text-sm text-muted">{t("answer.final")}</p>
    </form>
  );
}
