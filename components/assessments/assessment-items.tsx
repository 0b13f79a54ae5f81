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
import { ASSESSMENT_STATUS_LABELS, DUE_STATE_LABELS } from "@/lib/labels";
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
  return <Badge tone={STATUS_TONE[status]}>{ASSESSMENT_STATUS_LABELS[status]}</Badge>;
}

/** Status, due day (and overdue, in words), when it was submitted. */
export function AssessmentFacts({ a, zone }: { a: AssessmentView; zone: string }) {
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
      <AssessmentStatusBadge status={a.status} />
      {a.overdue ? <Badge tone="danger">{DUE_STATE_LABELS.overdue}</Badge> : null}
      <span>{a.dueDate ? `Due ${displayDay(a.dueDate)}` : "No due date"}</span>
      {a.submittedAt ? (
        <span>
          Submitted <Time at={a.submittedAt} zone={zone} />
        </span>
      ) : null}
      <span>
        {a.questions.length} {a.questions.length === 1 ? "question" : "questions"}
      </span>
    </p>
  );
}

/** The coachee's own list: what to fill in, by due date, and what is done. */
export function MyAssessments({ org, todo, done, zone }: { org: string; todo: AssessmentView[]; done: AssessmentView[]; zone: string }) {
  const item = (a: AssessmentView, verb: string) => (
    <Panel as="li" key={a.id}>
      <div id={`assessment-${a.id}`} className="space-y-2">
        <h3 className="font-semibold">
          <TextLink href={`/${org}/assessments/${a.id}`}>{a.title}</TextLink>
        </h3>
        <AssessmentFacts a={a} zone={zone} />
        <LinkButton href={`/${org}/assessments/${a.id}`} variant="secondary" size="sm" aria-label={`${verb}: ${a.title}`}>
          {verb}
        </LinkButton>
      </div>
    </Panel>
  );
  return (
    <div className="space-y-8">
      <Section id="todo-heading" title="To do">
        {todo.length ? (
          <ul className="space-y-3">{todo.map((a) => item(a, a.status === "in_progress" ? "Continue" : "Start"))}</ul>
        ) : (
          <EmptyState inline>Nothing to fill in. When your coach assigns you an assessment, it appears here.</EmptyState>
        )}
      </Section>
      <Section id="done-heading" title="Done">
        {done.length ? (
          <ul className="space-y-3">{done.map((a) => item(a, "View answers"))}</ul>
        ) : (
          <EmptyState inline>No submitted assessments yet.</EmptyState>
        )}
      </Section>
    </div>
  );
}

/** The review as the coachee and coaches read it. */
export function ReviewNote({ a, zone }: { a: AssessmentView; zone: string }) {
  if (!a.reviewedAt) return null;
  return (
    <div className="rounded-md bg-success-soft p-3 text-sm">
      <p className="font-medium">
        Reviewed <Time at={a.reviewedAt} zone={zone} />
      </p>
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
  const base = `/${org}/coachees/${coacheeId}/assessments`;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap gap-3">
        <LinkButton href={`${base}/new`} variant="primary">
          Add assessment
        </LinkButton>
        <LinkButton href={`${base}/questions`} variant="secondary">
          Assign questions
        </LinkButton>
      </div>
      <Section id="pending-heading" title="Pending">
        {todo.length ? (
          <ul className="space-y-3">
            {todo.map((a) => (
              <Panel as="li" key={a.id}>
                <div id={`assessment-${a.id}`} className="space-y-2">
                  <h3 className="font-semibold">{a.title}</h3>
                  <AssessmentFacts a={a} zone={zone} />
                  <p className="text-sm text-muted">
                    Assigned by {a.assignedBy} on <Time at={a.assignedAt} zone={zone} dateOnly />. Answers show here once {name} submits.
                  </p>
                  {a.givenByMe ? (
                    <ConfirmForm
                      action={actions.withdraw}
                      fields={{ org, assignmentId: a.id }}
                      label={`Withdraw: ${a.title}`}
                      title={`Withdraw ${a.title}?`}
                      explain={`${name} will no longer see it, and any answers not yet submitted go with it.`}
                      confirmLabel="Withdraw"
                      quiet
                      tone="danger"
                    />
                  ) : null}
                </div>
              </Panel>
            ))}
          </ul>
        ) : (
          <EmptyState inline>Nothing pending. Add an assessment or assign questions above.</EmptyState>
        )}
      </Section>
      <Section id="completed-heading" title="Completed">
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
          <EmptyState inline>No completed assessments yet: they show here, with {name}&apos;s answers, once submitted.</EmptyState>
        )}
      </Section>
    </div>
  );
}
