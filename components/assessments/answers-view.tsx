import { useTranslations } from "next-intl";
import type { Answer, Question } from "@/lib/assessments/questions";

// Submitted answers, read-only, in question order: text as text with its line breaks (never HTML).

export function AnswersView({ questions, answers }: { questions: Question[]; answers: Record<string, Answer> }) {
  const t = useTranslations("Assessments");
  const shown = (q: Question, a: Answer | undefined): string => {
    if (a === undefined) return t("answers.none");
    if (q.kind === "scale") return t("answers.scale", { answer: String(a), max: q.scaleMax, low: q.lowLabel, high: q.highLabel });
    return Array.isArray(a) ? a.join(", ") : String(a);
  };
  return (
    <ol className="space-y-3">
      {questions.map((q, i) => (
        <li key={q.id}>
          <p className="text-sm font-medium text-body">{t("numbered", { n: i + 1, prompt: q.prompt })}</p>
          <p className={`whitespace-pre-wrap ${answers[q.id] === undefined ? "text-faint italic" : ""}`}>{shown(q, answers[q.id])}</p>
        </li>
      ))}
    </ol>
  );
}
