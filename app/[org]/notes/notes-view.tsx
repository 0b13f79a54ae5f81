import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NewNoteButton } from "@/components/notes/new-note-button";
import { NoteDetail } from "@/components/notes/note-detail";
import { NoteList } from "@/components/notes/note-list";
import { TextLink } from "@/components/ui/button";
import { orNotFound } from "@/lib/auth/page";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { listNoteComments } from "@/lib/notes/comments";
import { getNote, listNotes, noteFilterSchema } from "@/lib/notes/notes";
import { createNoteAction } from "./actions";
import { NOTE_ACTIONS } from "./note-actions";
import { notePath, notesPath } from "./paths";

type Where = { org: string; actor: Actor; coacheeId: string; zone: string };

/**
 * A coachee's notes as the viewer sees them: a coach on the profile's Notes tab, the coachee on their
 * own Notes page.
 */
export async function NotesListView({
  org,
  actor,
  coacheeId,
  zone,
  name,
  query,
}: Where & {
  /** The coachee's name, on a coach's list. */
  name?: string;
  query: Record<string, string | undefined>;
}) {
  const filter = noteFilterSchema.parse(query);
  const list = await listNotes(db(), actor, coacheeId, filter);
  const coach = actor.membershipId !== coacheeId;
  const t = await getTranslations("Notes.view");
  const whose = { name: name ?? "" };
  const viewer = { org, membershipId: actor.membershipId };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <NewNoteButton action={createNoteAction} org={org} coacheeId={coacheeId} />
        <p className="text-sm text-muted">{coach ? t("privateCoach", whose) : t("privateOwn")}</p>
      </div>
      <NoteList
        list={list}
        filter={filter}
        coach={coach}
        zone={zone}
        href={(noteId) => notePath(viewer, coacheeId, noteId)}
        empty={coach ? t("emptyCoach", whose) : t("emptyOwn")}
      />
    </div>
  );
}

/** One note with its comments, and the way back to the list. */
export async function NoteDetailView({ org, actor, coacheeId, zone, noteId }: Where & { noteId: string }) {
  const note = await orNotFound(getNote(db(), actor, noteId));
  // A note id under another coachee's profile is not this profile's.
  if (note.coacheeMembershipId !== coacheeId) notFound();
  const comments = await listNoteComments(db(), actor, { noteId: note.id });
  const t = await getTranslations("Notes.view");
  return (
    <div className="space-y-4">
      <TextLink href={notesPath({ org, membershipId: actor.membershipId }, coacheeId)}>{t("all")}</TextLink>
      <NoteDetail org={org} note={note} comments={comments} zone={zone} actions={NOTE_ACTIONS} />
    </div>
  );
}
