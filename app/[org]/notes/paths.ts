// Where a note lives for whoever looks: the coachee's own Notes page, or the coach's Notes tab of the
// coachee's profile (the same places a "note.shared" notification links to).

type Viewer = { org: string; membershipId: string };

export function notesPath({ org, membershipId }: Viewer, coacheeId: string): string {
  return membershipId === coacheeId ? `/${org}/notes` : `/${org}/coachees/${coacheeId}?tab=notes`;
}

export function notePath({ org, membershipId }: Viewer, coacheeId: string, noteId: string): string {
  return membershipId === coacheeId ? `/${org}/notes/${noteId}` : `/${org}/coachees/${coacheeId}?tab=notes&note=${noteId}`;
}
