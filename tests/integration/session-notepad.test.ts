import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import { appointmentSchema, scheduleAppointment, startSessionNow, startSessionSchema } from "../../lib/coachees/sessions";
import { ValidationError } from "../../lib/errors";
import { isoDay } from "../../lib/format/dates";
import { createActionItem, createActionItemSchema } from "../../lib/goals/action-items";
import { createNote, createNoteSchema, getNote, listNotes, noteFilterSchema, setNoteSharing } from "../../lib/notes/notes";
import { scheduleSession, sessionSchema } from "../../lib/pathways/sessions";
import { meetingLinkSettings, meetingUrlSchema, setMeetingLink } from "../../lib/sessions/meeting-links";
import { AGENDA_MAX, agendaSchema, sessionNotepad, setAgenda } from "../../lib/sessions/notepad";
import { createActor, createCoachingRelationship } from "../factories";
import { testDb } from "../support/db";
import { english, fieldProblems } from "../support/english";
import { createPrivacyWorld, type PrivacyWorld } from "../support/privacy";

const db = testDb();

// Each session takes a day of its own, so the coach's sessions never overlap by accident.
let day = 0;
const nextDay = () => isoDay(new Date(Date.UTC(2032, 0, ++day)));

const appointment = (coach: Actor, coachee: string, location = "") =>
  scheduleAppointment(
    db,
    coach,
    appointmentSchema.parse({
      coacheeMembershipId: coachee,
      title: "Check-in",
      date: nextDay(),
      time: "09:00",
      timezone: "UTC",
      durationMinutes: "60",
      location,
      pathwayId: "",
    }),
  );

/** A session on the world's pathway, scheduled by its programme manager (its coach is the world's coach). */
const pathwaySession = (w: PrivacyWorld) =>
  scheduleSession(
    db,
    w.pm,
    sessionSchema.parse({ pathwayId: w.pathway.id, title: "Pathway session", date: nextDay(), time: "10:00", durationMinutes: "45" }),
  );

/** What a refused call answers: its error's class, and for a field error the field and its English words. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "allowed",
    (e: Error) =>
      e instanceof ValidationError && Object.keys(e.fieldErrors).length
        ? `${e.constructor.name} ${Object.entries(e.fieldErrors)
            .map(([field, [message]]) => `${field}: ${english(message)}`)
            .join("; ")}`
        : e.constructor.name,
  );

const problems = fieldProblems;

describe("a coach's meeting link", () => {
  let w: PrivacyWorld;
  const link = "https://meet.example.test/carla-room";
  beforeAll(async () => {
    w = await createPrivacyWorld(db);
  });

  it("fills the place of new sessions left without one; a place typed on the form wins", async () => {
    const coachee = w.coachee.membershipId;
    // Before any link: no place.
    expect((await appointment(w.coach, coachee)).location).toBe("");
    expect(await setMeetingLink(db, w.coach, meetingUrlSchema.parse({ meetingUrl: `  ${link} ` }))).toEqual({ meetingUrl: link });
    expect(await meetingLinkSettings(db, w.coach)).toEqual({ meetingUrl: link });
    expect((await appointment(w.coach, coachee)).location).toBe(link);
    expect((await appointment(w.coach, coachee, "Room 4, second floor")).location).toBe("Room 4, second floor");
    const now = await startSessionNow(
      db,
      w.coach,
      startSessionSchema.parse({ coacheeMembershipId: coachee, title: "Now", durationMinutes: "30", location: "", pathwayId: "" }),
    );
    expect(now.location).toBe(link);
    // A pathway's session, scheduled by its programme manager, gets its coach's link (not the manager's own: they have none).
    const onPathway = await pathwaySession(w);
    expect(onPathway.location).toBe(link);
    // Another coach's sessions are not filled with it.
    expect((await appointment(w.secondCoach, coachee)).location).toBe("");
    // Cleared: new sessions have no place again; those made keep theirs.
    await setMeetingLink(db, w.coach, meetingUrlSchema.parse({ meetingUrl: "" }));
    expect((await appointment(w.coach, coachee)).location).toBe("");
    expect((await db.coachingSession.findFirstOrThrow({ where: { organizationId: w.org.id, id: now.id } })).location).toBe(link);
  });

  it("is an https link of at most 500 characters, refused at its field otherwise; only coaches keep one", async () => {
    const https = "Enter a full https link, such as https://meet.example.com/your-room.";
    expect(problems(meetingUrlSchema, { meetingUrl: "http://meet.example.test/room" })).toEqual([["meetingUrl", https]]);
    expect(problems(meetingUrlSchema, { meetingUrl: "javascript:alert(1)" })).toEqual([["meetingUrl", https]]);
    expect(problems(meetingUrlSchema, { meetingUrl: "meet.example.test/room" })).toEqual([["meetingUrl", https]]);
    expect(problems(meetingUrlSchema, { meetingUrl: "https://user:pw@meet.example.test/" })).toEqual([["meetingUrl", https]]);
    expect(problems(meetingUrlSchema, { meetingUrl: "https://meet.example.test/a\nb" })).toEqual([["meetingUrl", https]]);
    expect(problems(meetingUrlSchema, { meetingUrl: `https://meet.example.test/${"x".repeat(500)}` })).toEqual([
      ["meetingUrl", "A meeting link has at most 500 characters."],
    ]);
    expect(problems(meetingUrlSchema, { meetingUrl: "https://teams.example.test/l/meetup-join/19%3a?context=%7b%7d" })).toBeNull();
    expect(problems(meetingUrlSchema, { meetingUrl: link, membershipId: w.coachee.membershipId })).not.toBeNull();
    // The database keeps the rule too.
    await expect(
      db.membership.update({
        where: { organizationId_id: { organizationId: w.org.id, id: w.coach.membershipId } },
        data: { meetingUrl: "http://plain.example.test" },
      }),
    ).rejects.toThrow();
    for (const actor of [w.coachee, w.admin, w.pm, w.sponsor])
      expect(await refusal(setMeetingLink(db, actor, { meetingUrl: link })), actor.role).toBe("ForbiddenError");
  });
});

describe("a session's agenda", () => {
  let w: PrivacyWorld;
  let own: string;
  let onPathway: string;
  beforeAll(async () => {
    w = await createPrivacyWorld(db);
    own = (await appointment(w.coach, w.coachee.membershipId)).id;
    onPathway = (await pathwaySession(w)).id;
  });

  it("is written by whoever works the session, and refused to everyone else as the session is", async () => {
    // Positive controls: the session's coach; on a pathway's session also its programme manager and the admins.
    expect(await setAgenda(db, w.coach, { sessionId: own, agenda: "1. How the week went\n2. Next steps" })).toMatchObject({ id: own });
    expect(await refusal(setAgenda(db, w.pm, { sessionId: onPathway, agenda: "From the programme" }))).toBe("allowed");
    expect(await refusal(setAgenda(db, w.admin, { sessionId: onPathway, agenda: "Set by the admin" }))).toBe("allowed");
    expect(await refusal(setAgenda(db, w.coach, { sessionId: onPathway, agenda: "Pathway agenda" }))).toBe("allowed");
    // Wrong role: refused by the permission table.
    expect(await refusal(setAgenda(db, w.coachee, { sessionId: own, agenda: "Mine" }))).toBe("ForbiddenError");
    expect(await refusal(setAgenda(db, w.sponsor, { sessionId: onPathway, agenda: "Mine" }))).toBe("ForbiddenError");
    // Another coach of the same coachee, another coach, the admin on a coach's own appointment: not found.
    expect(await refusal(setAgenda(db, w.secondCoach, { sessionId: own, agenda: "Mine" }))).toBe("NotFoundError");
    expect(await refusal(setAgenda(db, w.otherCoach, { sessionId: own, agenda: "Mine" }))).toBe("NotFoundError");
    expect(await refusal(setAgenda(db, w.admin, { sessionId: own, agenda: "Mine" }))).toBe("NotFoundError");
    // Another organisation's admin and coach with this organisation's ids: exactly like a missing id.
    expect(await refusal(setAgenda(db, w.other.admin, { sessionId: onPathway, agenda: "Theirs" }))).toBe("NotFoundError");
    expect(await refusal(setAgenda(db, w.other.coach, { sessionId: own, agenda: "Theirs" }))).toBe("NotFoundError");
    expect(await refusal(setAgenda(db, w.coach, { sessionId: crypto.randomUUID(), agenda: "Missing" }))).toBe("NotFoundError");
    // Nothing refused changed anything.
    const rows = await db.coachingSession.findMany({ where: { organizationId: w.org.id, id: { in: [own, onPathway] } } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.agenda]))).toEqual({
      [own]: "1. How the week went\n2. Next steps",
      [onPathway]: "Pathway agenda",
    });
  });

  it("is read by both people of the session and those who may see it", async () => {
    expect((await sessionNotepad(db, w.coach, own)).agenda).toBe("1. How the week went\n2. Next steps");
    expect((await sessionNotepad(db, w.coachee, own)).agenda).toBe("1. How the week went\n2. Next steps");
    expect((await sessionNotepad(db, w.pm, onPathway)).agenda).toBe("Pathway agenda");
    expect((await sessionNotepad(db, w.sponsor, onPathway)).agenda).toBe("Pathway agenda");
    expect(await refusal(sessionNotepad(db, w.secondCoach, own))).toBe("NotFoundError");
    expect(await refusal(sessionNotepad(db, w.admin, own))).toBe("NotFoundError");
    expect(await refusal(sessionNotepad(db, w.other.admin, onPathway))).toBe("NotFoundError");
  });

  it("is plain text of at most 5,000 characters, refused at its field", async () => {
    const sessionId = own;
    expect(agendaSchema.parse({ sessionId, agenda: "a\u0000b" })).toEqual({ sessionId, agenda: "ab" });
    expect(problems(agendaSchema, { sessionId, agenda: "x".repeat(AGENDA_MAX + 1) })).toEqual([
      ["agenda", "An agenda has at most 5000 characters."],
    ]);
    expect(problems(agendaSchema, { sessionId: "12", agenda: "x" })).toEqual([["sessionId", "Not found"]]);
    expect(problems(agendaSchema, { sessionId, agenda: "x", status: "ATTENDED" })).not.toBeNull();
    // The database keeps the bound too.
    await expect(
      db.coachingSession.update({
        where: { organizationId_id: { organizationId: w.org.id, id: own } },
        data: { agenda: "x".repeat(AGENDA_MAX + 1) },
      }),
    ).rejects.toThrow();
  });
});

describe("the notepad's notes and actions", () => {
  let w: PrivacyWorld;
  let session: string;
  let onPathway: string;
  let privateNote: string;
  let sharedNote: string;
  let action: string;
  beforeAll(async () => {
    w = await createPrivacyWorld(db);
    const coachee = w.coachee.membershipId;
    session = (await appointment(w.coach, coachee)).id;
    onPathway = (await pathwaySession(w)).id;
    const note = (title: string, shared: boolean, sessionId = session) =>
      createNote(
        db,
        w.coach,
        createNoteSchema.parse({ coacheeMembershipId: coachee, title, body: `${title} body`, sessionId, shared: String(shared) }),
      );
    privateNote = (await note("Coach's private session note", false)).id;
    sharedNote = (await note("Shared session note", true)).id;
    await note("Private note on the pathway session", false, onPathway);
    await note("Shared note on the pathway session", true, onPathway);
    action = (
      await createActionItem(
        db,
        w.coach,
        createActionItemSchema.parse({ coacheeMembershipId: coachee, title: "Call the mentor", sessionId: session }),
      )
    ).id;
    await createActionItem(
      db,
      w.coach,
      createActionItemSchema.parse({ coacheeMembershipId: coachee, title: "Read chapter 2", sessionId: onPathway }),
    );
  });

  it("links notes and actions to the session they were written in", async () => {
    const notes = await db.note.findMany({ where: { organizationId: w.org.id, sessionId: session }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => [n.title, n.visibility])).toEqual([
      ["Coach's private session note", "PRIVATE"],
      ["Shared session note", "SHARED"],
    ]);
    const actions = await db.action.findMany({ where: { organizationId: w.org.id, sessionId: session } });
    expect(actions.map((a) => a.id)).toEqual([action]);
  });

  it("shows each viewer exactly what the notes rules let them see", async () => {
    const view = async (actor: Actor, id = session) => {
      const pad = await sessionNotepad(db, actor, id);
      return {
        privateNotes: pad.privateNotes.map((n) => n.title),
        sharedNotes: pad.sharedNotes.map((n) => n.title),
        actions: pad.actions.map((a) => a.title),
        canWrite: pad.canWrite,
      };
    };
    expect(await view(w.coach)).toEqual({
      privateNotes: ["Coach's private session note"],
      sharedNotes: ["Shared session note"],
      actions: ["Call the mentor"],
      canWrite: true,
    });
    // The coachee: the shared note and the action, never the coach's private note; no forms.
    expect(await view(w.coachee)).toEqual({
      privateNotes: [],
      sharedNotes: ["Shared session note"],
      actions: ["Call the mentor"],
      canWrite: false,
    });
    // Admins, programme managers and sponsors reach a pathway's session and its agenda, never its notes or actions.
    for (const overseer of [w.admin, w.pm, w.sponsor]) {
      const pad = await sessionNotepad(db, overseer, onPathway);
      expect({ notes: [...pad.privateNotes, ...pad.sharedNotes], actions: pad.actions, material: pad.seesMaterial }, overseer.role).toEqual(
        {
          notes: [],
          actions: [],
          material: false,
        },
      );
    }
    // Positive control on that session: its coach sees both notes there.
    expect(await view(w.coach, onPathway)).toMatchObject({
      privateNotes: ["Private note on the pathway session"],
      sharedNotes: ["Shared note on the pathway session"],
    });
    // Another coach of the coachee does not reach the session; through the notes they see the shared note, never the private one.
    expect(await refusal(sessionNotepad(db, w.secondCoach, session))).toBe("NotFoundError");
    expect(await refusal(getNote(db, w.secondCoach, sharedNote))).toBe("allowed");
    expect(await refusal(getNote(db, w.secondCoach, privateNote))).toBe("NotFoundError");
    expect(await refusal(getNote(db, w.coachee, privateNote))).toBe("NotFoundError");
    const coacheeList = (await listNotes(db, w.coachee, w.coachee.membershipId, noteFilterSchema.parse({}))).notes.map((n) => n.title);
    expect(coacheeList).toContain("Shared session note");
    expect(coacheeList).not.toContain("Coach's private session note");
    // Another organisation: not found.
    expect(await refusal(sessionNotepad(db, w.other.coach, session))).toBe("NotFoundError");
  });

  it("writes notes and actions only into a session of the two people's, with that coachee", async () => {
    const coachee = w.coachee.membershipId;
    const base = { coacheeMembershipId: coachee, title: "x", body: "" };
    // Another coach of the coachee: the session is not theirs.
    expect(await refusal(createNote(db, w.secondCoach, { ...base, sessionId: session }))).toBe("NotFoundError");
    // Another coachee's session, a missing id, another organisation's session: not found.
    const elsewhere = await createActor(db, w.org.id, "PARTICIPANT");
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: elsewhere.membership });
    const theirSession = (await appointment(w.coach, elsewhere.membershipId)).id;
    expect(await refusal(createNote(db, w.coach, { ...base, sessionId: theirSession }))).toBe("NotFoundError");
    expect(await refusal(createNote(db, w.coach, { ...base, sessionId: crypto.randomUUID() }))).toBe("NotFoundError");
    const otherCoachee = await createActor(db, w.other.org.id, "PARTICIPANT");
    await createCoachingRelationship(db, { coach: w.other.coach.membership, coachee: otherCoachee.membership });
    const foreign = (await appointment(w.other.coach, otherCoachee.membershipId)).id;
    expect(await refusal(createNote(db, w.coach, { ...base, sessionId: foreign }))).toBe("NotFoundError");
    expect(
      await refusal(
        createActionItem(db, w.coach, createActionItemSchema.parse({ coacheeMembershipId: coachee, title: "x", sessionId: foreign })),
      ),
    ).toBe("NotFoundError");
    expect(
      await refusal(
        createActionItem(db, w.secondCoach, createActionItemSchema.parse({ coacheeMembershipId: coachee, title: "x", sessionId: session })),
      ),
    ).toBe("NotFoundError");
    // A coach's note outside a session stays private: sharing it is refused at its field.
    expect(await refusal(createNote(db, w.coach, { ...base, shared: true }))).toBe(
      "ValidationError shared: A coach's notes stay private to them.",
    );
    // The coachee may write in their own session too; their shared note tells their coaches as before.
    expect(await refusal(createNote(db, w.coachee, { ...base, sessionId: session, shared: true }))).toBe("allowed");
    // The database refuses what the services would: a coach's shared note outside a session, a note on another coachee's session.
    await expect(
      db.note.create({
        data: { organizationId: w.org.id, coacheeMembershipId: coachee, authorMembershipId: w.coach.membershipId, visibility: "SHARED" },
      }),
    ).rejects.toThrow(/shared only as a session note/);
    await expect(
      db.note.create({
        data: { organizationId: w.org.id, coacheeMembershipId: coachee, authorMembershipId: w.coach.membershipId, sessionId: theirSession },
      }),
    ).rejects.toThrow();
    // The author of a shared session note may take it back; it is theirs alone again.
    await setNoteSharing(db, w.coach, { noteId: sharedNote, shared: false });
    expect(await refusal(getNote(db, w.coachee, sharedNote))).toBe("NotFoundError");
    await setNoteSharing(db, w.coach, { noteId: sharedNote, shared: true });
    expect(await refusal(getNote(db, w.coachee, sharedNote))).toBe("allowed");
  });

  it("refuses bad input at its field", () => {
    const coacheeMembershipId = w.coachee.membershipId;
    expect(problems(createNoteSchema, { coacheeMembershipId, title: "x", sessionId: "not-an-id" })).toEqual([
      ["sessionId", "Choose from the list"],
    ]);
    expect(problems(createActionItemSchema, { coacheeMembershipId, title: "x", sessionId: "12" })).toEqual([
      ["sessionId", "Choose from the list"],
    ]);
    expect(problems(createActionItemSchema, { coacheeMembershipId, title: "", sessionId: session })).toEqual([["title", "Enter a title"]]);
    expect(createNoteSchema.parse({ coacheeMembershipId, sessionId: "" })).toMatchObject({ sessionId: null, shared: false });
  });
});
