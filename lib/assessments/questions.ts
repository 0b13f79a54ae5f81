import { z } from "zod";
import { CHECK_FIELDS, ValidationError } from "../errors";
import { msg } from "../i18n/msg";
import { CONTROL_CHARACTERS, idField, nameField, optionalDayField, textField } from "../web/form-fields";

// The one shape of an assessment's questions and answers, shared by the builder form (which checks a
// question as it is written), the server actions and the services (which check everything again).
// Client-safe: zod and lib/web/form-fields only.

export const QUESTION_KINDS = ["scale", "single", "multiple", "short", "long"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTIONS_MAX = 50;
export const PROMPT_MAX = 500;
export const OPTION_MAX = 200;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 20;
export const SCALE_LABEL_MAX = 60;
export const SHORT_ANSWER_MAX = 200;
export const LONG_ANSWER_MAX = 5000;
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;

const noNul = (s: string) => s.replaceAll("\u0000", "");
/** One line of text (a prompt, an option, a label): no line breaks or control characters. */
const line = (what: "prompt" | "lowLabel" | "highLabel" | "option", max: number, min = 1) =>
  z
    .string({ error: msg("Assessments.server.write", { what }) })
    .transform(noNul)
    .refine((s) => !CONTROL_CHARACTERS.test(s), { error: msg("Assessments.server.oneLine", { what }), abort: true })
    .pipe(z.string().trim().min(min, msg("Assessments.server.write", { what })).max(max, msg("Assessments.server.charactersMax", { max })));

const base = {
  id: idField().optional(),
  prompt: line("prompt", PROMPT_MAX),
  required: z.boolean().default(true),
};

const scaleQuestion = z.strictObject({
  ...base,
  kind: z.literal("scale"),
  scaleMax: z.union([z.literal(5), z.literal(10)], { error: msg("Assessments.server.scaleMax") }),
  lowLabel: line("lowLabel", SCALE_LABEL_MAX),
  highLabel: line("highLabel", SCALE_LABEL_MAX),
});

const choiceFields = {
  ...base,
  options: z
    .array(line("option", OPTION_MAX))
    .min(OPTIONS_MIN, msg("Assessments.server.optionsMin", { min: OPTIONS_MIN }))
    .max(OPTIONS_MAX, msg("Assessments.server.optionsMax", { max: OPTIONS_MAX }))
    .refine((o) => new Set(o.map((x) => x.toLowerCase())).size === o.length, msg("Assessments.server.optionsDistinct")),
};
const singleQuestion = z.strictObject({ ...choiceFields, kind: z.literal("single") });
const multipleQuestion = z.strictObject({ ...choiceFields, kind: z.literal("multiple") });
const shortQuestion = z.strictObject({ ...base, kind: z.literal("short") });
const longQuestion = z.strictObject({ ...base, kind: z.literal("long") });

/** One question as the builder sends it (an id once saved). */
export const questionSchema = z.discriminatedUnion("kind", [scaleQuestion, singleQuestion, multipleQuestion, shortQuestion, longQuestion], {
  error: msg("Assessments.server.chooseKind"),
});
export type QuestionInput = z.infer<typeof questionSchema>;
/** A saved question: it always has its id (answers are kept by it). */
export type Question = QuestionInput & { id: string };

/** The ordered questions: a JSON list from the builder's hidden field, or the list itself. */
export const questionsField = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v);
    } catch {
      return undefined;
    }
  },
  z
    .array(questionSchema, { error: msg("Assessments.server.questionsMin") })
    .min(1, msg("Assessments.server.questionsMin"))
    .max(QUESTIONS_MAX, msg("Assessments.server.questionsMax", { max: QUESTIONS_MAX })),
);

export const assessmentTitleField = nameField({ label: "a title", max: TITLE_MAX });
export const assessmentDescriptionField = textField({ max: DESCRIPTION_MAX });

/** A template as the builder form sends it. */
export const templateSchema = z.strictObject({
  title: assessmentTitleField,
  description: assessmentDescriptionField,
  questions: questionsField,
});
export type TemplateInput = z.infer<typeof templateSchema>;

/** A due date from a date input: empty for none. */
export const dueDateField = optionalDayField().nullable().default(null);

/** Questions with their ids: kept when the builder sends an id it already had, made otherwise (and never twice). */
export function withIds(questions: readonly QuestionInput[]): Question[] {
  const seen = new Set<string>();
  return questions.map((q) => {
    const id = q.id && !seen.has(q.id) ? q.id : crypto.randomUUID();
    seen.add(id);
    return { ...q, id } as Question;
  });
}

/** Questions read back from the database (written through questionSchema, so a row that does not parse is a bug). */
export function storedQuestions(json: unknown): Question[] {
  return z
    .array(questionSchema)
    .parse(json)
    .map((q) => q as Question);
}

// Answers: question id -> a number (a scale), an option (single choice), options (multiple choice) or
// text. The form sends each question's field as `a-<question id>`.

export type Answer = number | string | string[];
export type Answers = Record<string, Answer>;

export const answerFieldName = (questionId: string) => `a-${questionId}`;

export const ANSWER_REQUIRED: Record<QuestionKind, string> = {
  scale: msg("Assessments.server.requiredScale"),
  single: msg("Assessments.server.requiredSingle"),
  multiple: msg("Assessments.server.requiredMultiple"),
  short: msg("Assessments.server.requiredText"),
  long: msg("Assessments.server.requiredText"),
};

/** A form value as a list of strings: nothing, one value or several (checkboxes). */
function values(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
}

/**
 * The answers a form sent, checked against the questions: each one well formed (a number on the scale,
 * options from the list, text within its length); with `submit`, every required question answered.
 * Returns the answers (unanswered ones left out) or one message per question, by its field name.
 */
export function checkAnswers(
  questions: readonly Question[],
  raw: Record<string, unknown>,
  { submit }: { submit: boolean },
): { ok: true; answers: Answers } | { ok: false; fieldErrors: Record<string, string[]> } {
  const answers: Answers = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const q of questions) {
    const field = answerFieldName(q.id);
    const given = values(raw[field] ?? raw[q.id]).map((v) => noNul(v));
    const problem = (message: string) => (fieldErrors[field] = [message]);
    const text = given[0]?.trim() ?? "";
    switch (q.kind) {
      case "scale": {
        if (!text) break;
        const n = /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
        if (!(n >= 1 && n <= q.scaleMax)) problem(msg("Assessments.server.scaleRange", { max: q.scaleMax }));
        else answers[q.id] = n;
        break;
      }
      case "single":
        if (!text) break;
        if (!q.options.includes(text) || given.length > 1) problem(msg("Assessments.server.chooseOneOption"));
        else answers[q.id] = text;
        break;
      case "multiple": {
        const chosen = [...new Set(given.map((v) => v.trim()).filter(Boolean))];
        if (!chosen.length) break;
        if (chosen.some((c) => !q.options.includes(c))) problem(msg("Assessments.server.chooseFromOptions"));
        else answers[q.id] = q.options.filter((o) => chosen.includes(o));
        break;
      }
      case "short":
        if (!text) break;
        if (CONTROL_CHARACTERS.test(text)) problem(msg("Assessments.server.oneLineAnswer"));
        else if (text.length > SHORT_ANSWER_MAX) problem(msg("Assessments.server.charactersMax", { max: SHORT_ANSWER_MAX }));
        else answers[q.id] = text;
        break;
      case "long":
        if (!text) break;
        if (text.length > LONG_ANSWER_MAX) problem(msg("Assessments.server.charactersMax", { max: LONG_ANSWER_MAX }));
        else answers[q.id] = text;
        break;
    }
    if (submit && q.required && !(q.id in answers) && !fieldErrors[field]) problem(ANSWER_REQUIRED[q.kind]);
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, answers };
}

/** Answers read back from the database. */
export function storedAnswers(json: unknown): Answers {
  return json && typeof json === "object" && !Array.isArray(json) ? (json as Answers) : {};
}

/** A zod error as field errors by dotted path ("questions.2.options"), so the builder shows each next to its question. */
export function issuesByPath(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** A template's (or a one-off set's) fields through the one schema; bad input is a ValidationError with a message per field ("questions.0.prompt"). */
export function parseTemplate(input: unknown): TemplateInput {
  const result = templateSchema.safeParse(input);
  if (!result.success) throw new ValidationError(CHECK_FIELDS, issuesByPath(result.error));
  return result.data;
}

/** Assignment ids in a form: a coachee's or a group's, "coachee:<id>" / "group:<id>" (one select lists both). */
export const assigneeField = z
  .string({ error: msg("Assessments.server.chooseRecipient") })
  .regex(/^(coachee|group):[0-9a-f-]{36}$/i, msg("Assessments.server.chooseRecipient"))
  .transform((v) => {
    const [kind, id] = v.split(":") as ["coachee" | "group", string];
    return { kind, id };
  })
  .pipe(z.object({ kind: z.enum(["coachee", "group"]), id: idField(msg("Assessments.server.chooseRecipient")) }));
