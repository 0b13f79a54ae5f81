import type { Db } from "../../../lib/db/client";
import { listNotifications } from "../../../lib/notifications/centre";
import { addNoteComment, listNoteComments } from "../../../lib/notes/comments";
import { createNote, getNote, listNotes, noteFilterSchema, setNoteSharing } from "../../../lib/notes/notes";
import type { TestActor } from "../../factories/actor";
import { anyShows, shows, type PrivacyItem, type PrivacyKind } from "../../support/privacy";

// Notes and their comments. A coach's note reaches that coach only; a coachee's note the coachee only,
// until they share it, and then every coach of theirs too; a comment reaches exactly who sees its note.
// Each item carries a random word in its title or body, looked for on every path that reads notes: the
// coachee's list (every filter), a search for the word, the note by id, its comments, and the
// notification centre (sharing tells the coaches).
/** Every read of notes that could show `note` (its word is in its title and body) to `viewer`. */
export function noteReads(db: Db, coachee: string, note: { id: string; word: string }, viewer: TestActor) {
  return [
    ...(["all", "mine", "shared"] as const).map(
      (show) => () => shows(listNotes(db, viewer, coachee, noteFilterSchema.parse({ show })), (r) => JSON.stringify(r).includes(note.word)),
    ),
    () => shows(listNotes(db, viewer, coachee, noteFilterSchema.parse({ q: note.word })), (r) => r.total > 0),
    () => shows(listNotes(db, viewer, viewer.membershipId, noteFilterSchema.parse({ q: note.word })), (r) => r.total > 0),
    () => shows(getNote(db, viewer, note.id), () => true),
    () => shows(listNoteComments(db, viewer, { noteId: note.id }), () => true),
    () => shows(listNotifications(db, viewer, { page: 1 }), (r) => JSON.stringify(r).includes(note.word)),
  ];
}

export const notes: PrivacyKind = {
  kind: "notes and note comments",
  models: ["Note", "NoteComment"],
  async items(db, w) {
    const coachee = w.coachee.membershipId;
    const secret = () => `Secret${crypto.randomUUID().replaceAll("-", "")}`;
    const noteBy = async (by: TestActor, share: boolean) => {
      const word = secret();
      const note = await createNote(db, by, { coacheeMembershipId: coachee, title: `Note ${word}`, body: `Body of ${word}` });
      if (share) await setNoteSharing(db, by, { noteId: note.id, shared: true });
      return { id: note.id, word };
    };
    const coachsNote = await noteBy(w.coach, false);
    const privateNote = await noteBy(w.coachee, false);
    const sharedNote = await noteBy(w.coachee, true);

    // A note, seen by any read of notes (the word is in its title and body).
    const noteSeen = (note: { id: string; word: string }) => (viewer: TestActor) => anyShows(noteReads(db, coachee, note, viewer));
    // A comment, seen through its note's comments (or anywhere its words show up in a note read).
    const commentOn = async (note: { id: string }, by: TestActor) => {
      const word = secret();
      await addNoteComment(db, by, { noteId: note.id, body: `Comment ${word}` });
      return (viewer: TestActor) =>
        anyShows([
          () => shows(listNoteComments(db, viewer, { noteId: note.id }), (r) => JSON.stringify(r).includes(word)),
          () => shows(getNote(db, viewer, note.id), (r) => JSON.stringify(r).includes(word)),
          () => shows(listNotes(db, viewer, coachee, noteFilterSchema.parse({ q: word })), (r) => r.total > 0),
          () => shows(listNotifications(db, viewer, { page: 1 }), (r) => JSON.stringify(r).includes(word)),
        ]);
    };

    const items: PrivacyItem[] = [
      { label: "coach's private note", readers: ["coach"], sees: noteSeen(coachsNote) },
      { label: "coachee's private note", readers: ["coachee"], sees: noteSeen(privateNote) },
      { label: "coachee's shared note", readers: ["coachee", "coach", "secondCoach"], sees: noteSeen(sharedNote) },
      {
        label: "second coach's comment on the shared note",
        readers: ["coachee", "coach", "secondCoach"],
        sees: await commentOn(sharedNote, w.secondCoach),
      },
      { label: "coach's comment on their own note", readers: ["coach"], sees: await commentOn(coachsNote, w.coach) },
    ];
    return items;
  },
};
