import { useTranslations } from "next-intl";
import { TextLink } from "@/components/ui/button";
import { ConfirmForm } from "@/components/ui/confirm-form";
import type { FormAction } from "@/components/ui/use-form-action";
import { Time } from "@/components/ui/time";
import { COMMENT_MAX } from "@/lib/goals/comments";
import { AddCommentForm, EditCommentForm } from "./comment-forms";

export type ThreadComment = { id: string; body: string; createdAt: Date; editedAt: Date | null; authorName: string; mine: boolean };

/** The server actions a thread uses: the coach's or the coachee's set (app/[org]/goals/comment-actions.ts). */
export type CommentActions = { add: FormAction; edit: FormAction; remove: FormAction };

/**
 * A goal's, an action's or a note's comments (listComments, listNoteComments), oldest first: author, time in the viewer's zone,
 * the body as plain text with its line breaks (never HTML), edit and delete on one's own; then a form
 * to add one. `on` names what the thread is on, for the labels.
 */
export function CommentThread({
  org,
  subject,
  on,
  comments,
  total = comments.length,
  allHref,
  zone,
  actions,
}: {
  org: string;
  subject: { goalId: string } | { actionId: string } | { noteId: string };
  on: string;
  comments: readonly ThreadComment[];
  /** How many the thread has in all, when `comments` are only its newest (listCoacheeComments folds long threads). */
  total?: number;
  /** Where the whole thread shows. */
  allHref?: string;
  zone: string;
  actions: CommentActions;
}) {
  const t = useTranslations("Goals.comments");
  const headingId = `comments-${Object.values(subject)[0]}`;
  return (
    <section aria-labelledby={headingId} className="mt-4">
      <h3 id={headingId} className="mb-2 text-sm font-semibold">
        {t("heading")}
      </h3>
      {total > comments.length ? (
        <p className="mb-2 text-sm text-muted">
          {t("newest", { shown: comments.length, total })}{" "}
          {allHref ? (
            <TextLink href={allHref} aria-label={t("showAllOn", { total, on })}>
              {t("showAll")}
            </TextLink>
          ) : null}
        </p>
      ) : null}
      {comments.length === 0 ? (
        <p className="mb-3 text-sm text-muted">{t("empty")}</p>
      ) : (
        <ol className="mb-4 max-w-2xl space-y-3" aria-label={t("on", { on })}>
          {comments.map((c) => (
            <li key={c.id} className="rounded-md border border-line bg-surface p-3 text-sm">
              <p className="mb-1 flex flex-wrap items-center gap-x-2 text-xs text-body">
                <span className="font-medium">{c.mine ? t("you") : c.authorName}</span>
                <Time at={c.createdAt} zone={zone} />
                {c.editedAt ? (
                  <span>
                    {`(${t("edited")} `}
                    <Time at={c.editedAt} zone={zone} />)
                  </span>
                ) : null}
              </p>
              <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{c.body}</p>
              {c.mine ? (
                <div className="mt-2 flex flex-wrap items-start gap-3">
                  <EditCommentForm action={actions.edit} fields={{ org, commentId: c.id }} body={c.body} max={COMMENT_MAX} />
                  <ConfirmForm
                    action={actions.remove}
                    fields={{ org, commentId: c.id }}
                    label={t("delete")}
                    title={t("deleteTitle")}
                    explain={t("deleteExplain")}
                    confirmLabel={t("delete")}
                    tone="danger"
                    quiet
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <AddCommentForm action={actions.add} fields={{ org, ...subject }} max={COMMENT_MAX} label={t("commentOn", { on })} />
    </section>
  );
}
