import { createNote } from "../../../lib/notes/notes";
import { scheduleSession, sessionSchema } from "../../../lib/pathways/sessions";
import { sessionNotepad } from "../../../lib/sessions/notepad";
import type { TestActor } from "../../factories/actor";
import { anyShows, shows, type PrivacyItem, type PrivacyKind } from "../../support/privacy";
import { noteReads } from "./notes";

// Notes written in a session (its notepad), on a pathway's session so that admins, programme managers
// and sponsors reach the session itself and its notepad: they must still see none of its notes. A
// coach's private session note reaches that coach only; a coach's note shared in the session reaches the
// coachee and every coach of theirs (like a coachee's shared note); a coachee's private session note the
// coachee only. Each is looked for through the notepad (what the session page and the notepad read) and
// every read of notes.
export const sessionNotes: PrivacyKind = {
  kind: "session notes",
  models: ["Note"],
  async items(db, w) {
    const coachee = w.coachee.membershipId;
    const session = await scheduleSession(
      db,
      w.pm,
      sessionSchema.parse({ pathwayId: w.pathway.id, title: "Privacy session", date: "2033-03-01", time: "10:00", durationMinutes: "60" }),
    );
    const secret = () => `Secret${crypto.randomUUID().replaceAll("-", "")}`;
    const noteBy = async (by: TestActor, shared: boolean) => {
      const word = secret();
      const note = await createNote(db, by, {
        coacheeMembershipId: coachee,
        title: `Note ${word}`,
        body: `Body of ${word}`,
        sessionId: session.id,
        shared,
      });
      return { id: note.id, word };
    };
    const seen = (note: { id: string; word: string }) => (viewer: TestActor) =>
      anyShows([
        () => shows(sessionNotepad(db, viewer, session.id), (r) => JSON.stringify(r).includes(note.word)),
        ...noteReads(db, coachee, note, viewer),
      ]);
    const items: PrivacyItem[] = [
      { label: "coach's private session note", readers: ["coach"], sees: seen(await noteBy(w.coach, false)) },
      {
        label: "coach's session note shared with the coachee",
        readers: ["coachee", "coach", "secondCoach"],
        sees: seen(await noteBy(w.coach, true)),
      },
      { label: "coachee's private session note", readers: ["coachee"], sees: seen(await noteBy(w.coachee, false)) },
    ];
    return items;
  },
};
