import type { Answer, Question } from "@/lib/assessments/questions";

// Submitted answers, read-only, in question order: text as text with its line breaks (never HTML).

function shown(q: Question, a: Answer | undefined): string {
  if (a === undefined) return "No answer";
  if (q.kind === "scale") return `${String(a)} of ${q.scaleMax} (1: ${q.lowLabel}; ${q.scaleMax}: ${q.highLabel})`;
  return Array.isArray(a) ? a.join(", ") : String(a);
}

export function AnswersView({ questions, answers }: { questions: Question[]; answers: Record<string, Answer> }) {
  return (
    <ol className="space-y-3">
      {questions.map((q, i) => (
        <li key={q.id}>
          <p className="text-sm font-medium text-body">
            {i + 1}. {q.prompt}
          </p>
          <p className={`whitespace-pre-wrap ${answers[q.id] === undefined ? "text-faint italic" : ""}`}>{shown(q, answers[q.id])}</p>
        </li>
      ))}
    </ol>
  );
}
