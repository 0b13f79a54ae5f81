import type { Actor } from "@/lib/authz/actor";
import { isId } from "@/lib/web/form-fields";
import { NoteDetailView, NotesListView } from "./notes-view";

/** The coachee profile's Notes tab: the list (?q=, ?show=, ?page=), or one note (?note=<id>). */
export async function NotesTab({
  org,
  actor,
  coacheeId,
  zone,
  name,
  query,
}: {
  org: string;
  actor: Actor;
  coacheeId: string;
  zone: string;
  name: string;
  query: Record<string, string | undefined>;
}) {
  const where = { org, actor, coacheeId, zone };
  if (query.note !== undefined) return <NoteDetailView {...where} noteId={isId(query.note) ? query.note : ""} />;
  return <NotesListView {...where} name={name} query={query} base={{ tab: "notes" }} />;
}
