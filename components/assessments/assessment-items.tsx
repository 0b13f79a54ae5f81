import { useLocale, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LinkButton, TextLink } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import { Section } from "@/components/ui/section";
import { Time } from "@/components/ui/time";
import type { FormAction } from "@/components/ui/use-form-action";
import type { AssessmentStatus, AssessmentView } from "@/lib/assessments/assignments";
import { displayDay } from "@/lib/format/dates";
import { AnswersView } from "./answers-view";
import { ReviewForm } from "./review-form";

// Assessments as lists: the coachee's own page (to do with due dates, done) and the Assessments tab of
// a coachee's profile (pending, then completed with their answers and the review). Each item carries
// id="assessment-<id>", where notifications link.

const STATUS_TONE: Record<AssessmentStatus, BadgeTone> = {
  not_started: "neutral",
  in_progress: "info",
  submitted: "warning",
  reviewed: "success",
};

export function AssessmentStatusBadge({ status }: { status: AssessmentStatus }) {
  const tl = useTranslations("Labels");
  return <Badge tone={STATUS_TONE[status]}>{tl(`assessmentStatus.${status}`)}</Badge>;
}

/** Status, due day (and overdue, in words), when it was submitted. */
export function AssessmentFacts({ a, zone }: { a: AssessmentView; zone: string }) {
  const t = useTranslations("Assessments.facts");
  const tl = useTranslations("Labels");
  const locale = useLocale();
  const submittedAt = a.submittedAt;
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
      <AssessmentStatusBadge status={a.status} />
      {a.overdue ? <Badge tone="danger">{tl("dueState.overdue")}</Badge> : null}
      <span>{a.dueDate ? t("due", { day: displayDay(a.dueDate, undefined, locale) }) : t("noDueDate")}</span>
      {submittedAt ? <span>{t.rich("submitted", { time: () => <Time at={submittedAt} zone={zone} /> })}</span> : null}
      <span>{t("questions", { count: a.questions.length })}</span>
    </p>
  );
}

/** The coachee's own list: what to fill in, by due date, and what is done. */
export function MyAssessments({ org, todo, done, zone }: { org: string; todo: AssessmentView[]; done: AssessmentView[]; zone: string }) {
  const t = useTranslations("Assessments.mine");
  const item = (a: AssessmentView, verb: string) => (
    <Panel as="li" key={a.id}>
      <div id={`assessment-${a.id}`} className="space-y-2">
        <h3 className="font-semibold">
          <TextLink href={`/${org}/assessments/${a.id}`}>{a.title}</TextLink>
        </h3>
        <AssessmentFacts a={a} zone={zone} />
        <LinkButton
          href={`/${org}/assessments/${a.id}`}
          variant="secondary"
          size="sm"
          aria-label={t("itemAction", { action: verb, title: a.title })}
        >
          {verb}
        </LinkButton>
      </div>
    </Panel>
  );
  return (
    <div className="space-y-8">
      <Section id="todo-heading" title={t("todo")}>
        {todo.length ? (
          <ul className="space-y-3">{todo.map((a) => item(a, a.status === "in_progress" ? t("continue") : t("start")))}</ul>
        ) : (
          <EmptyState inline>{t("todoEmpty")}</EmptyState>
        )}
      </Section>
      <Section id="done-heading" title={t("done")}>
        {done.length ? (
          <ul className="space-y-3">{done.map((a) => item(a, t("viewAnswers")))}</ul>
        ) : (
          <EmptyState inline>{t("doneEmpty")}</EmptyState>
        )}
      </Section>
    </div>
  );
}

/** The review as the coachee and coaches read it. */
export function ReviewNote({ a, zone }: { a: AssessmentView; zone: string }) {
  const t = useTranslations("Assessments");
  const reviewedAt = a.reviewedAt;
  if (!reviewedAt) return null;
  return (
    <div className="rounded-md bg-success-soft p-3 text-sm">
      <p className="font-medium">{t.rich("reviewed", { time: () => <Time at={reviewedAt} zone={zone} /> })}</p>
      {a.reviewComment ? <p className="mt-1 whitespace-pre-wrap">{a.reviewComment}</p> : null}
    </div>
  );
}

/** The coachee profile's Assessments tab: pending ones (withdraw), completed ones with answers and the review. */
export function CoacheeAssessments({
  org,
  coacheeId,
  name,
  todo,
  done,
  zone,
  actions,
}: {
  org: string;
  coacheeId: string;
  name: string;
  todo: AssessmentView[];
  done: AssessmentView[];
  zone: string;
  actions: { review: FormAction; withdraw: FormAction };
}) {
  const t = useTranslations("Assessments.coachee");
  const base = `/${org}/coachees/${coacheeId}/assessments`;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap gap-3">
        <LinkButton href={`${base}/new`} variant="primary">
          {t("add")}
        </LinkButton>
        <LinkButton href={`${base}/questions`} variant="secondary">
          {t("assignQuestions")}
        </LinkButton>
      </div>
      <Section id="pending-heading" title={t("pending")}>
        {todo.length ? (
          <ul className="space-y-3">
            {todo.map((a) => (
              <Panel as="li" key={a.id}>
                <div id={`assessment-${a.id}`} className="space-y-2">
                  <h3 className="font-semibold">{a.title}</h3>
                  <AssessmentFacts a={a} zone={zone} />
                  <p className="text-sm text-muted">
                    {t.rich("assignedBy", { coach: a.assignedBy, name, time: () => <Time at={a.assignedAt} zone={zone} dateOnly /> })}
                  </p>
                  {a.givenByMe ? (
                    <ConfirmForm
                      action={actions.withdraw}
                      fields={{ org, assignmentId: a.id }}
                      label={t("withdrawLabel", { title: a.title })}
                      title={t("withdrawTitle", { title: a.title })}
                      explain={t("withdrawExplain", { name })}
                      confirmLabel={t("withdraw")}
                      quiet
                      tone="danger"
                    />
                  ) : null}
                </div>
              </Panel>
            ))}
          </ul>
        ) : (
          <EmptyState inline>{t("pendingEmpty")}</EmptyState>
        )}
      </Section>
      <Section id="completed-heading" title={t("completed")}>
        {done.length ? (
          <ul className="space-y-3">
            {done.map((a) => (
              <Panel as="li" key={a.id}>
                <div id={`assessment-${a.id}`} className="space-y-3">
                  <h3 className="font-semibold">{a.title}</h3>
                  <AssessmentFacts a={a} zone={zone} />
                  <AnswersView questions={a.questions} answers={a.answers ?? {}} />
                  {a.reviewedAt ? (
                    <ReviewNote a={a} zone={zone} />
                  ) : (
                    <ReviewForm org={org} assignmentId={a.id} title={a.title} action={actions.review} />
                  )}
                </div>
              </Panel>
            ))}
          </ul>
        ) : (
          <EmptyState inline>{t("completedEmpty", { name })}</EmptyState>
        )}
      </Section>
    </div>
  );
}
