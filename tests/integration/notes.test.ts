import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import { ForbiddenError, NotFoundError } from "../../lib/errors";
import { listNotifications } from "../../lib/notifications/centre";
import { runNotificationEmails } from "../../lib/notifications/coalesce";
import { EMAIL_WINDOW_MS } from "../../lib/notifications/notify";
import {
  addNoteComment,
  addNoteCommentSchema,
  deleteNoteComment,
  editNoteComment,
  editNoteCommentSchema,
  listNoteComments,
} from "../../lib/notes/comments";
import {
  createNote,
  createNoteSchema,
  deleteNote,
  getNote,
  listNotes,
  noteFilterSchema,
  saveNote,
  saveNoteSchema,
  setNoteSharing,
  shareNoteSchema,
} from "../../lib/notes/notes";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createPrivacyWorld, type PrivacyWorld } from "../support/privacy";
import { english, fieldProblems } from "../support/english";

const db = testDb();

const filter = (q: Record<string, string> = {}) => noteFilterSchema.parse(q);
const titles = async (actor: Actor, coachee: string, q: Record<string, string> = {}) =>
  (await listNotes(db, actor, coachee, filter(q))).notes.map((n) => n.title);
const answer = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: Error) => `${e.constructor.name}: ${english(e.message)}`,
  );
const problems = fieldProblems;

describe("note input", () => {
  it("a title is one line of at most 200 characters and may be empty; a body is plain text of at most 50,000; clear messages", () => {
    const noteId = crypto.randomUUID();
    expect(saveNoteSchema.parse({ noteId, title: "  Week 3  ", body: "Line one\nLine <b>two</b>\u0000" })).toEqual({
      noteId,
      title: "Week 3",
      body: "Line one\nLine <b>two</b>",
    });
    expect(saveNoteSchema.parse({ noteId })).toEqual({ noteId, title: "", body: "" });
    expect(problems(saveNoteSchema, { noteId, title: "Two\nlines" })).toEqual([
      ["title", "A title cannot contain line breaks, tabs or other control characters"],
    ]);
    expect(problems(saveNoteSchema, { noteId, title: "x".repeat(201) })).toEqual([["title", "At most 200 characters"]]);
    expect(problems(saveNoteSchema, { noteId, body: "x".repeat(50_001) })).toEqual([["body", "At most 50,000 characters"]]);
    expect(problems(saveNoteSchema, { noteId: "12", title: "x" })).toEqual([["noteId", "Not found"]]);
    expect(problems(saveNoteSchema, { noteId, visibility: "SHARED" })).not.toBeNull();
    expect(problems(createNoteSchema, { coacheeMembershipId: noteId, authorMembershipId: noteId })).not.toBeNull();
    expect(problems(shareNoteSchema, { noteId, shared: "yes" })).toEqual([["shared", "Choose whether to share the note"]]);
    expect(problems(addNoteCommentSchema, { noteId, body: "  " })).toEqual([["body", "Write a comment"]]);
    expect(problems(editNoteCommentSchema, { commentId: noteId, body: "x".repeat(5001) })).toEqual([["body", "At most 5,000 characters"]]);
    // The list's URL: unknown filters and pages fall back, search text is bounded.
    expect(filter({ show: "everyone", page: "-3", q: "  ab\u0007c " })).toEqual({ show: "all", page: 1, q: "abc" });
  });
});

describe("notes", () => {
  let w: PrivacyWorld;
  let coachee: string;
  beforeAll(async () => {
    w = await createPrivacyWorld(db);
    coachee = w.coachee.membershipId;
  });

  it("a coach writes and autosaves a private note that only they see; the coachee's own notes are theirs alone until shared", async () => {
    const created = await createNote(db, w.coach, createNoteSchema.parse({ coacheeMembershipId: coachee }));
    expect(created.coacheeMembershipId).toBe(coachee);
    // Autosave: each save replaces the whole note; the last one wins.
    await saveNote(db, w.coach, saveNoteSchema.parse({ noteId: created.id, title: "Sess", body: "" }));
    const saved = await saveNote(
      db,
      w.coach,
      saveNoteSchema.parse({ noteId: created.id, title: "Session 1", body: "Calm.\nAsk about the move." }),
    );
    expect(saved.updatedAt).toBeInstanceOf(Date);
    const note = await getNote(db, w.coach, created.id);
    expect(note).toMatchObject({ title: "Session 1", body: "Calm.\nAsk about the move.", shared: false, mine: true, byCoachee: false });
    expect(note.visibility).toBe("PRIVATE");

    const own = await createNote(
      db,
      w.coachee,
      createNoteSchema.parse({ coacheeMembershipId: coachee, title: "My worries", body: "Public speaking" }),
    );
    expect(await titles(w.coach, coachee)).toEqual(["Session 1"]);
    expect(await titles(w.coachee, coachee)).toEqual(["My worries"]);
    expect(await titles(w.secondCoach, coachee)).toEqual([]);
    for (const [actor, id] of [
      [w.coachee, created.id],
      [w.secondCoach, created.id],
      [w.coach, own.id],
      [w.secondCoach, own.id],
    ] as const) {
      expect(await answer(getNote(db, actor, id))).toBe("NotFoundError: Not found");
    }
    // A participant's note is on themself: naming anyone else finds nothing.
    expect(await answer(createNote(db, w.coachee, { coacheeMembershipId: w.othersCoachee.membershipId, title: "", body: "" }))).toBe(
      "NotFoundError: Not found",
    );
  });

  it("sharing tells every coach once and shows them the note; unsharing hides it and its notification; a private note tells nobody", async () => {
    const note = await createNote(
      db,
      w.coachee,
      createNoteSchema.parse({ coacheeMembershipId: coachee, title: "For my coaches", body: "Read me" }),
    );
    const before = await db.notification.count({ where: { organizationId: w.org.id, kind: "note.shared" } });
    await saveNote(db, w.coachee, saveNoteSchema.parse({ noteId: note.id, title: "For my coaches", body: "Read me, please" }));
    expect(await db.notification.count({ where: { organizationId: w.org.id, kind: "note.shared" } })).toBe(before);

    const shared = await setNoteSharing(db, w.coachee, shareNoteSchema.parse({ noteId: note.id, shared: "true" }));
    expect(shared).toMatchObject({ shared: true, notified: 2 });
    const told = await db.notification.findMany({ where: { organizationId: w.org.id, kind: "note.shared", subjectId: note.id } });
    expect(told.map((n) => n.recipientMembershipId).sort()).toEqual([w.coach.membershipId, w.secondCoach.membershipId].sort());
    expect(told[0].data).toEqual({ title: "For my coaches" });
    const centre = await listNotifications(db, w.coach);
    expect(JSON.stringify(centre)).toContain("For my coaches");
    // Each coach is emailed (the default for "note.shared", once their window closes): the title, never the note's words.
    await runNotificationEmails(db, new Date(Date.now() + EMAIL_WINDOW_MS));
    for (const coach of [w.coach, w.secondCoach]) {
      const mail = await db.emailOutbox.findMany({
        where: { toAddress: coach.email, template: "notification", text: { contains: "For my coaches" } },
      });
      expect(mail).toHaveLength(1);
      expect(`${mail[0].subject} ${mail[0].text} ${mail[0].html}`).not.toContain("Read me");
    }
    expect(await db.emailOutbox.count({ where: { toAddress: w.coachee.email, text: { contains: "For my coaches" } } })).toBe(0);
    // Sharing again changes nothing and tells nobody again.
    expect(await setNoteSharing(db, w.coachee, { noteId: note.id, shared: true })).toMatchObject({ notified: 0 });

    for (const coach of [w.coach, w.secondCoach]) {
      expect(await titles(coach, coachee, { show: "shared" })).toContain("For my coaches");
      expect(await getNote(db, coach, note.id)).toMatchObject({ mine: false, byCoachee: true, shared: true, body: "Read me, please" });
    }
    expect(await titles(w.coach, coachee, { show: "mine" })).not.toContain("For my coaches");
    expect(await titles(w.otherCoach, w.othersCoachee.membershipId)).toEqual([]);

    await setNoteSharing(db, w.coachee, shareNoteSchema.parse({ noteId: note.id, shared: "false" }));
    for (const coach of [w.coach, w.secondCoach]) {
      expect(await titles(coach, coachee)).not.toContain("For my coaches");
      expect(await answer(getNote(db, coach, note.id))).toBe("NotFoundError: Not found");
      expect(JSON.stringify(await listNotifications(db, coach))).not.toContain("For my coaches");
    }
    expect(await titles(w.coachee, coachee)).toContain("For my coaches");
  });

  it("only the author edits, shares or deletes a note; a coach's note is shared only in a session (session-notepad.test.ts)", async () => {
    const coachs = await createNote(db, w.coach, { coacheeMembershipId: coachee, title: "Coach only", body: "" });
    const theirs = await createNote(db, w.coachee, { coacheeMembershipId: coachee, title: "Shared one", body: "" });
    await setNoteSharing(db, w.coachee, { noteId: theirs.id, shared: true });

    expect(await answer(setNoteSharing(db, w.coach, { noteId: coachs.id, shared: true }))).toBe(
      "ForbiddenError: A coach's notes stay private to them.",
    );
    // The database refuses it too, whatever a service might do.
    await expect(
      db.note.update({ where: { organizationId_id: { organizationId: w.org.id, id: coachs.id } }, data: { visibility: "SHARED" } }),
    ).rejects.toThrow(/a coach's note is shared only as a session note/);
    // And a note by someone who is neither the coachee nor their coach.
    await expect(
      db.note.create({ data: { organizationId: w.org.id, coacheeMembershipId: coachee, authorMembershipId: w.otherCoach.membershipId } }),
    ).rejects.toThrow(/written by its coachee or one of their coaches/);

    // A coach who sees the coachee's shared note cannot change it (forbidden: they see it is there).
    for (const call of [
      () => saveNote(db, w.coach, { noteId: theirs.id, title: "Hijacked", body: "" }),
      () => setNoteSharing(db, w.coach, { noteId: theirs.id, shared: false }),
      () => deleteNote(db, w.coach, { noteId: theirs.id }),
    ])
      expect(await answer(call())).toBe("ForbiddenError: Only its author can change a note.");
    // The coachee cannot reach the coach's note at all.
    for (const call of [
      () => saveNote(db, w.coachee, { noteId: coachs.id, title: "Seen", body: "" }),
      () => deleteNote(db, w.coachee, { noteId: coachs.id }),
    ])
      expect(await answer(call())).toBe("NotFoundError: Not found");
    expect((await getNote(db, w.coachee, theirs.id)).title).toBe("Shared one");
    expect((await getNote(db, w.coach, coachs.id)).title).toBe("Coach only");

    // Positive control: the author deletes; a note's shared notification goes with it.
    expect(await db.notification.count({ where: { subjectId: theirs.id } })).toBe(2);
    await deleteNote(db, w.coachee, { noteId: theirs.id });
    expect(await db.notification.count({ where: { subjectId: theirs.id } })).toBe(0);
    await deleteNote(db, w.coach, { noteId: coachs.id });
    expect(await answer(getNote(db, w.coach, coachs.id))).toBe("NotFoundError: Not found");
  });

  it("search matches title and body in any case, % and _ literally; the filter and pages work newest first", async () => {
    const w2 = await createPrivacyWorld(db);
    const c = w2.coachee.membershipId;
    for (let i = 1; i <= 23; i++)
      await createNote(db, w2.coach, { coacheeMembershipId: c, title: `Session ${i}`, body: i === 7 ? "Talked about 50% FOCUS" : "" });
    const shared = await createNote(db, w2.coachee, { coacheeMembershipId: c, title: "Focus plan", body: "my_plan" });
    await setNoteSharing(db, w2.coachee, { noteId: shared.id, shared: true });
    await createNote(db, w2.coachee, { coacheeMembershipId: c, title: "Private focus", body: "" });

    expect(await titles(w2.coach, c, { q: "focus" })).toEqual(["Focus plan", "Session 7"]);
    expect(await titles(w2.coach, c, { q: "50%" })).toEqual(["Session 7"]);
    expect(await titles(w2.coach, c, { q: "5%" })).toEqual([]);
    expect(await titles(w2.coach, c, { q: "y_p" })).toEqual(["Focus plan"]);
    expect(await titles(w2.coach, c, { q: "__" })).toEqual([]);
    expect(await titles(w2.coach, c, { q: "focus", show: "mine" })).toEqual(["Session 7"]);
    expect(await titles(w2.coach, c, { show: "shared" })).toEqual(["Focus plan"]);
    expect(await titles(w2.coachee, c, { q: "focus" })).toEqual(["Private focus", "Focus plan"]);

    const first = await listNotes(db, w2.coach, c, filter({ show: "mine" }));
    expect([first.total, first.pages, first.notes.length, first.notes[0].title]).toEqual([23, 2, 20, "Session 23"]);
    const second = await listNotes(db, w2.coach, c, filter({ show: "mine", page: "9" }));
    expect([second.page, second.notes.map((n) => n.title)]).toEqual([2, ["Session 3", "Session 2", "Session 1"]]);
  });

  it("comments: by exactly those who see the note, oldest first; people edit and delete only their own", async () => {
    const note = await createNote(db, w.coachee, { coacheeMembershipId: coachee, title: "Discuss", body: "" });
    // Private: the coaches cannot comment (it does not exist for them); the author can.
    expect(await answer(addNoteComment(db, w.coach, { noteId: note.id, body: "Hi" }))).toBe("NotFoundError: Not found");
    await addNoteComment(db, w.coachee, addNoteCommentSchema.parse({ noteId: note.id, body: "A thought\nfor later" }));
    await setNoteSharing(db, w.coachee, { noteId: note.id, shared: true });
    const coachs = await addNoteComment(db, w.coach, addNoteCommentSchema.parse({ noteId: note.id, body: "Let's talk Tuesday" }));
    await addNoteComment(db, w.secondCoach, { noteId: note.id, body: "Agreed" });
    await editNoteComment(db, w.coach, editNoteCommentSchema.parse({ commentId: coachs.id, body: "Let's talk Wednesday" }));

    const list = await listNoteComments(db, w.secondCoach, { noteId: note.id });
    expect(list.map((c) => [c.body, c.mine, c.editedAt !== null])).toEqual([
      ["A thought\nfor later", false, false],
      ["Let's talk Wednesday", false, true],
      ["Agreed", true, false],
    ]);
    expect(list[2].authorName).toBe("Second Coach");
    expect((await getNote(db, w.coach, note.id)).comments).toBe(3);

    // Comments on a shared note tell everyone else who sees it, by the note's title (never the words);
    // the coachee's comment while the note was private told nobody.
    const told = async () =>
      (
        await db.notification.findMany({
          where: { organizationId: w.org.id, kind: "comment.added", subjectId: note.id },
          select: { recipientMembershipId: true, count: true },
          orderBy: { recipientMembershipId: "asc" },
        })
      ).map((n) => [n.recipientMembershipId, n.count]);
    expect(await told()).toEqual(
      [
        [w.coachee.membershipId, 2],
        [w.coach.membershipId, 1],
        [w.secondCoach.membershipId, 1],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const centre = await listNotifications(db, w.coachee, { page: 1 });
    expect(centre.items.map((n) => n.sentence)).toContainEqual(expect.stringMatching(/ commented on the note “Discuss” \(2 comments\)$/));
    expect(JSON.stringify(centre)).not.toContain("Let's talk");

    for (const actor of [w.coachee, w.secondCoach]) {
      expect(await answer(editNoteComment(db, actor, { commentId: coachs.id, body: "No" }))).toBe(
        "ForbiddenError: You can only change your own comments.",
      );
      expect(await answer(deleteNoteComment(db, actor, { commentId: coachs.id }))).toBe(
        "ForbiddenError: You can only change your own comments.",
      );
    }
    await deleteNoteComment(db, w.coach, { commentId: coachs.id });
    expect((await listNoteComments(db, w.coachee, { noteId: note.id })).map((c) => c.body)).toEqual(["A thought\nfor later", "Agreed"]);

    // Unshared: the coaches lose the note and its comments; the coachee keeps both.
    await setNoteSharing(db, w.coachee, { noteId: note.id, shared: false });
    expect(await answer(listNoteComments(db, w.secondCoach, { noteId: note.id }))).toBe("NotFoundError: Not found");
    // And what the coaches were told about its comments goes with it; the coachee's stays.
    expect((await told()).map(([who]) => who)).toEqual([w.coachee.membershipId]);
    expect(await listNoteComments(db, w.coachee, { noteId: note.id })).toHaveLength(2);
    // The database refuses a comment by someone who cannot see the note.
    await expect(
      db.noteComment.create({ data: { organizationId: w.org.id, noteId: note.id, authorMembershipId: w.coach.membershipId, body: "x" } }),
    ).rejects.toThrow(/written by those who can see it/);
  });

  it("another organisation, another coach's coachee, admins and the like, and missing ids: refused, exactly like nothing", async () => {
    const coachs = await createNote(db, w.coach, { coacheeMembershipId: coachee, title: "Coach secret", body: "" });
    const shared = await createNote(db, w.coachee, { coacheeMembershipId: coachee, title: "Coachee shared", body: "" });
    await setNoteSharing(db, w.coachee, { noteId: shared.id, shared: true });
    const comment = await addNoteComment(db, w.coach, { noteId: shared.id, body: "Coach comment" });
    const before = JSON.stringify([
      await db.note.findMany({ where: { organizationId: w.org.id }, orderBy: { id: "asc" } }),
      await db.noteComment.findMany({ where: { organizationId: w.org.id }, orderBy: { id: "asc" } }),
    ]);
    const missing = crypto.randomUUID();
    const calls = (actor: Actor) =>
      [
        ["create", (id: string) => createNote(db, actor, { coacheeMembershipId: id, title: "", body: "" }), coachee],
        ["list", (id: string) => listNotes(db, actor, id, filter()), coachee],
        ["get", (id: string) => getNote(db, actor, id), shared.id],
        ["get coach's", (id: string) => getNote(db, actor, id), coachs.id],
        ["save", (id: string) => saveNote(db, actor, { noteId: id, title: "x", body: "" }), shared.id],
        ["share", (id: string) => setNoteSharing(db, actor, { noteId: id, shared: false }), shared.id],
        ["delete", (id: string) => deleteNote(db, actor, { noteId: id }), coachs.id],
        ["comment", (id: string) => addNoteComment(db, actor, { noteId: id, body: "x" }), shared.id],
        ["comments", (id: string) => listNoteComments(db, actor, { noteId: id }), shared.id],
        ["edit comment", (id: string) => editNoteComment(db, actor, { commentId: id, body: "x" }), comment.id],
        ["delete comment", (id: string) => deleteNoteComment(db, actor, { commentId: id }), comment.id],
      ] as const;
    const wrong: string[] = [];
    let checks = 0;
    // Outside the coaching (another coach, their coachee, another organisation's coach): not found, like a missing id.
    for (const actor of [w.otherCoach, w.othersCoachee, w.other.coach] as Actor[])
      for (const [name, call, target] of calls(actor))
        for (const id of [target, missing]) {
          checks++;
          const got = await answer(call(id));
          if (got !== "NotFoundError: Not found") wrong.push(`${actor.role} ${name} ${id === missing ? "missing" : "theirs"}: ${got}`);
        }
    // Roles that never read notes are refused before anything is read, whatever the id.
    for (const actor of [w.owner, w.admin, w.pm, w.sponsor, w.other.admin] as Actor[])
      for (const [name, call, target] of calls(actor)) {
        checks++;
        const got = answer(call(target));
        if (!(await got).startsWith("ForbiddenError")) wrong.push(`${actor.role} ${name}: ${await got}`);
      }
    expect(wrong).toEqual([]);
    const after = JSON.stringify([
      await db.note.findMany({ where: { organizationId: w.org.id }, orderBy: { id: "asc" } }),
      await db.noteComment.findMany({ where: { organizationId: w.org.id }, orderBy: { id: "asc" } }),
    ]);
    expect(after).toBe(before);
    // Positive controls: the same calls by the people inside succeed.
    expect((await getNote(db, w.secondCoach, shared.id)).title).toBe("Coachee shared");
    expect((await getNote(db, w.coach, coachs.id)).title).toBe("Coach secret");
    expect(await listNoteComments(db, w.coachee, { noteId: shared.id })).toHaveLength(1);
    expect(await answer(editNoteComment(db, w.coach, { commentId: comment.id, body: "Edited" }))).toBe("ok");
    recordFigures("notes refusals", { noteRefusalChecks: checks });
    await expect(getNote(db, w.admin, shared.id)).rejects.toThrow(ForbiddenError);
    await expect(getNote(db, w.other.admin, missing)).rejects.toThrow(ForbiddenError);
    await expect(getNote(db, w.coach, missing)).rejects.toThrow(NotFoundError);
  });
});
