import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { NotesListView } from "../../../../notes/notes-view";
import { coacheeProfile, type ProfileParams } from "../profile";

/** The coach's notes on the coachee and the notes the coachee shared, searched and paged in the URL. */
export default async function CoacheeNotesPage({ params, searchParams }: ProfileParams & { searchParams: Promise<RawSearchParams> }) {
  const { org, id } = await params;
  const { actor, coacheeId, name, zone } = await coacheeProfile(org, id);
  return <NotesListView org={org} actor={actor} coacheeId={coacheeId} zone={zone} name={name} query={firstValues(await searchParams)} />;
}
