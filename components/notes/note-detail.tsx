import { useTranslations } from "next-intl";
import { CommentThread, type ThreadComment } from "@/components/goals/comment-thread";
import { ActionButton } from "@/components/ui/action-button";
import { VisibilityBadge } from "@/components/ui/badge";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { Time } from "@/components/ui/time";
import type { FormAction } from "@/components/ui/use-form-action";
import { TITLE_MAX } from "@/lib/goals/access";
import { NOTE_BODY_MAX, type NoteView } from "@/lib/notes/notes";
import { NoteEditor } from "./note-editor";

/** The server actions a note's page uses (app/[org]/notes/actions.ts). */
export type NoteActions = {
  save: FormAction;
  share: FormAction;
  remove: FormAction;
  comments: { add: FormAction; edit: FormAction; remove: FormAction };
};

/**
 * One note: its author's editor (autosaving), sharing for a coachee's own note, Delete; or, for a coach
 * reading what the coachee shared, the note as plain text with its line breaks. Then its comments,
 * between exactly the people who see the note.
 */
export function NoteDetail({
  org,
  note,
  comments,
  zone,
  actions,
}: {
  org: string;
  note: NoteView;
  comments: readonly ThreadComment[];
  zone: string;
  actions: NoteActions;
}) {
  const t = useTranslations("Notes.detail");
  const fields = { org, noteId: note.id };
  const untitled = t("untitled");
  const title = note.title || untitled;
  const who = note.mine
    ? note.byCoachee
      ? note.shared
        ? t("sharedOwn")
        : t("privateOwn")
      : note.shared
        ? t("sharedCoach")
        : t("privateCoach")
    : t("sharedBy", { name: note.authorName });
  return (
    <article id={`note-${note.id}`} aria-label={title} className="space-y-6">
      <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
        <VisibilityBadge visibility={note.visibility} />
        <span>{who}</span>
        <span>
          {`${t("written")} `}
          <Time at={note.createdAt} zone={zone} />
        </span>
      </p>
      {note.mine ? (
        <NoteEditor
          org={org}
          noteId={note.id}
          title={note.title}
          body={note.body}
          maxTitle={TITLE_MAX}
          maxBody={NOTE_BODY_MAX}
          saveUrl={`/${org}/notes/autosave`}
          action={actions.save}
          untitled={untitled}
        />
      ) : (
        <div className="max-w-3xl rounded-md border border-line bg-surface p-4">
          <h3 className="mb-2 font-medium [overflow-wrap:anywhere]">{title}</h3>
          <p className="text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">{note.body || t("noText")}</p>
        </div>
      )}
      {note.mine ? (
        <div className="flex flex-wrap items-start gap-3">
          {note.byCoachee ? (
            note.shared ? (
              <ActionButton action={actions.share} fields={{ ...fields, shared: "false" }} label={t("stopSharing")} />
            ) : (
              <ConfirmForm
                action={actions.share}
                fields={{ ...fields, shared: "true" }}
                label={t("share")}
                title={t("shareTitle")}
                explain={t("shareExplain")}
                confirmLabel={t("shareConfirm")}
              />
            )
          ) : null}
          <ConfirmForm
            action={actions.remove}
            fields={fields}
            label={t("delete")}
            title={t("deleteTitle")}
            explain={t("deleteExplain")}
            confirmLabel={t("delete")}
            tone="danger"
          />
        </div>
      ) : null}
      <CommentThread org={org} subject={{ noteId: note.id }} on={title} comments={comments} zone={zone} actions={actions.comments} />
    </article>
  );
}
