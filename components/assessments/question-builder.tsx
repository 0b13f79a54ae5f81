"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, Field, SelectField, TextareaField } from "@/components/ui/field";
import { fieldError, FormStatus } from "@/components/ui/form-status";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";
import { DueDateField } from "./due-date-field";
import { QUESTION_KINDS, QUESTIONS_MAX, type Question, type QuestionKind } from "@/lib/assessments/questions";

// The assessment builder: a title, a description and ordered questions (scale, single or multiple
// choice, short or long text), each with its prompt and whether it must be answered. The questions go
// to the server as one JSON field, checked there by the same schema (lib/assessments/questions.ts);
// each refusal shows next to its question. Used for templates and for "Assign questions" (one coachee).

type Draft = {
  key: string;
  id?: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  scaleMax: "5" | "10";
  lowLabel: string;
  highLabel: string;
  options: string;
};

let counter = 0;
const newKey = () => `q${++counter}`;

function draftOf(q?: Question): Draft {
  return {
    key: newKey(),
    id: q?.id,
    kind: q?.kind ?? "scale",
    prompt: q?.prompt ?? "",
    required: q?.required ?? true,
    scaleMax: q?.kind === "scale" ? (String(q.scaleMax) as "5" | "10") : "5",
    lowLabel: q?.kind === "scale" ? q.lowLabel : "",
    highLabel: q?.kind === "scale" ? q.highLabel : "",
    options: q?.kind === "single" || q?.kind === "multiple" ? q.options.join("\n") : "",
  };
}

/** What the server receives for one question: only the fields of its kind. */
function payload(d: Draft) {
  const base = { ...(d.id ? { id: d.id } : {}), kind: d.kind, prompt: d.prompt, required: d.required };
  if (d.kind === "scale") return { ...base, scaleMax: Number(d.scaleMax), lowLabel: d.lowLabel, highLabel: d.highLabel };
  if (d.kind === "single" || d.kind === "multiple")
    return {
      ...base,
      options: d.options
        .split("\n")
        .map((o) => o.trim())
        .filter(Boolean),
    };
  return base;
}

export function QuestionBuilder<T>({
  label,
  fields,
  initial,
  action,
  submitLabel,
  done,
  dueDate = false,
}: {
  /** The form's accessible name ("New template", "Edit Quarterly check-in"). */
  label: string;
  /** Hidden fields the action needs (org, templateId or coacheeId). */
  fields: Record<string, string>;
  initial?: { title: string; description: string; questions: Question[] };
  action: FormAction<T>;
  submitLabel: string;
  /** Where to go once saved. */
  done: string;
  /** Ask for a due date (assigning the questions straight away). */
  dueDate?: boolean;
}) {
  const t = useTranslations("Assessments.builder");
  const tl = useTranslations("Labels");
  const kindOptions = QUESTION_KINDS.map((k) => ({ value: k, label: tl(`questionKind.${k}`) }));
  const scaleOptions = (["5", "10"] as const).map((max) => ({ value: max, label: t("scaleRange", { max }) }));
  const [result, formProps, pending] = useFormAction(action);
  const [questions, setQuestions] = useState<Draft[]>(() => (initial?.questions.length ? initial.questions.map(draftOf) : [draftOf()]));
  const router = useRouter();
  useEffect(() => {
    if (result?.ok) router.push(done);
  }, [result, done, router]);

  const change = (key: string, patch: Partial<Draft>) => setQuestions((qs) => qs.map((q) => (q.key === key ? { ...q, ...patch } : q)));
  const move = (i: number, by: -1 | 1) =>
    setQuestions((qs) => {
      const next = [...qs];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const err = (i: number, field: string) => fieldError(result, `questions.${i}.${field}`);

  return (
    <form {...formProps} noValidate aria-label={label} className="max-w-2xl">
      <FormStatus result={result} />
      <HiddenFields fields={fields} />
      <input type="hidden" name="questions" value={JSON.stringify(questions.map(payload))} />
      <Field label={t("title")} name="title" defaultValue={initial?.title} maxLength={200} error={fieldError(result, "title")} />
      <TextareaField
        label={t("description")}
        name="description"
        rows={3}
        defaultValue={initial?.description}
        hint={t("descriptionHint")}
        error={fieldError(result, "description")}
      />
      <h2 className="mb-2 text-lg font-semibold">{t("questions")}</h2>
      {fieldError(result, "questions") ? (
        <p role="alert" className="mb-3 text-sm text-danger">
          {fieldError(result, "questions")}
        </p>
      ) : null}
      <ol className="space-y-4">
        {questions.map((q, i) => {
          const n = i + 1;
          const id = (field: string) => `${q.key}-${field}`;
          return (
            <li key={q.key}>
              <fieldset className="rounded-md border border-line bg-surface p-4">
                <legend className="px-1 text-sm font-semibold">{t("question", { n })}</legend>
                <SelectField
                  id={id("kind")}
                  label={t("kind", { n })}
                  name=""
                  value={q.kind}
                  onChange={(e) => change(q.key, { kind: e.target.value as QuestionKind })}
                  options={kindOptions}
                  error={err(i, "kind")}
                />
                <Field
                  id={id("prompt")}
                  label={t("prompt", { n })}
                  name=""
                  value={q.prompt}
                  maxLength={500}
                  onChange={(e) => change(q.key, { prompt: e.target.value })}
                  error={err(i, "prompt")}
                />
                {q.kind === "scale" ? (
                  <div className="grid gap-x-3 sm:grid-cols-3">
                    <SelectField
                      id={id("scale")}
                      label={t("scale")}
                      name=""
                      value={q.scaleMax}
                      onChange={(e) => change(q.key, { scaleMax: e.target.value as "5" | "10" })}
                      options={scaleOptions}
                      error={err(i, "scaleMax")}
                    />
                    <Field
                      id={id("low")}
                      label={t("labelFor", { value: 1 })}
                      name=""
                      value={q.lowLabel}
                      maxLength={60}
                      onChange={(e) => change(q.key, { lowLabel: e.target.value })}
                      error={err(i, "lowLabel")}
                    />
                    <Field
                      id={id("high")}
                      label={t("labelFor", { value: q.scaleMax })}
                      name=""
                      value={q.highLabel}
                      maxLength={60}
                      onChange={(e) => change(q.key, { highLabel: e.target.value })}
                      error={err(i, "highLabel")}
                    />
                  </div>
                ) : null}
                {q.kind === "single" || q.kind === "multiple" ? (
                  <TextareaField
                    id={id("options")}
                    label={t("options")}
                    name=""
                    rows={4}
                    value={q.options}
                    hint={t("optionsHint")}
                    onChange={(e) => change(q.key, { options: e.target.value })}
                    error={err(i, "options")}
                  />
                ) : null}
                <CheckboxField
                  id={id("required")}
                  label={t("required")}
                  name=""
                  checked={q.required}
                  onChange={(e) => change(q.key, { required: e.target.checked })}
                />
                <div className="flex flex-wrap gap-3">
                  <Button size="sm" variant="secondary" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t("moveUpLabel", { n })}>
                    {t("moveUp")}
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={i === questions.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t("moveDownLabel", { n })}
                  >
                    {t("moveDown")}
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={questions.length === 1}
                    onClick={() => setQuestions((qs) => qs.filter((x) => x.key !== q.key))}
                    aria-label={t("removeLabel", { n })}
                  >
                    {t("remove")}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="my-4">
        <Button variant="secondary" disabled={questions.length >= QUESTIONS_MAX} onClick={() => setQuestions((qs) => [...qs, draftOf()])}>
          {t("add")}
        </Button>
      </div>
      {dueDate ? <DueDateField error={fieldError(result, "dueDate")} /> : null}
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? t("saving") : submitLabel}
      </Button>
    </form>
  );
}
