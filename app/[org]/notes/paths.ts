import { profileTabPath } from "@/lib/coachees/profile-tabs";

// Where a note lives for whoever looks: the coachee's own Notes page, or the coach's Notes tab of the
// coachee's profile (the same places a "note.shared" notification links to).

type Viewer = { org: string; membershipId: string };

export function notesPath({ org, membershipId }: Viewer, coacheeId: string): string {
  return membershipId === coacheeId ? `/${org}/notes` : profileTabPath(org, coacheeId, "notes");
}

export function notePath({ org, membershipId }: Viewer, coacheeId: string, noteId: string): string {
  return membershipId === coacheeId ? `/${org}/notes/${noteId}` : `${profileTabPath(org, coacheeId, "notes")}/${noteId}`;
}
