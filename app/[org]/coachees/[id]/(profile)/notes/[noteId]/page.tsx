import { NoteDetailView } from "../../../../../notes/notes-view";
import { coacheeProfile } from "../../profile";

/** One note on the coachee (the coach's own, or one the coachee shared) with its comments. */
export default async function CoacheeNotePage({ params }: { params: Promise<{ org: string; id: string; noteId: string }> }) {
  const { org, id, noteId } = await params;
  const { actor, coacheeId, zone } = await coacheeProfile(org, id);
  return <NoteDetailView org={org} actor={actor} coacheeId={coacheeId} zone={zone} noteId={noteId} />;
}
