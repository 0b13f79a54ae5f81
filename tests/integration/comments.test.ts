import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/authz/actor";
import { ForbiddenError, NotFoundError } from "../../lib/errors";
import {
  addComment,
  addCommentSchema,
  commentSubjectSchema,
  deleteComment,
  editComment,
  editCommentSchema,
  listCoacheeComments,
  listComments,
} from "../../lib/goals/comments";
import { goalsOverview } from "../../lib/goals/goals";
import { runNotificationEmails } from "../../lib/notifications/coalesce";
import { EMAIL_WINDOW_MS } from "../../lib/notifications/notify";
import { createActionItem, createGoal } from "../factories";
import type { TestActor } from "../factories/actor";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createPrivacyWorld } from "../support/privacy";
import { english } from "../support/english";

const db = testDb();

/** The privacy world (the coachee, a second coach of theirs, a coach of someone else) with a goal and an action. */
async function commentsWorld() {
  const w = await createPrivacyWorld(db);
  const coachee = { organizationId: w.org.id, id: w.coachee.membershipId };
  const goal = await createGoal(db, coachee, { title: "Speak up in meetings" });
  const action = await createActionItem(db, coachee, { goal, title: "Prepare one point" });
  return { ...w, goal, action };
}

describe("comment input", () => {
  it("is plain text: NUL stripped, trimmed, 1 to 5,000 characters; on exactly one goal or action", () => {
    const goalId = crypto.randomUUID();
    expect(addCommentSchema.parse({ goalId, body: "  Line one\r\nLine <b>two</b>\u0000  " }).body).toBe("Line one\r\nLine <b>two</b>");
    const problems = (v: Record<string, unknown>) => {
      const r = addCommentSchema.safeParse(v);
      return r.success ? null : r.error.issues.map((i) => [i.path.join("."), english(i.message)]);
    };
    expect(problems({ goalId, body: " \u0000 " })).toEqual([["body", "Write a comment"]]);
    expect(problems({ goalId, body: "x".repeat(5001) })).toEqual([["body", "At most 5,000 characters"]]);
    expect(problems({ goalId, body: "x".repeat(5000) })).toBeNull();
    expect(problems({ goalId, actionId: crypto.randomUUID(), body: "x" })).toEqual([["", "Not found"]]);
    expect(problems({ goalId: "", actionId: "", body: "x" })).toEqual([["", "Not found"]]);
    expect(problems({ goalId, body: "x", authorMembershipId: crypto.randomUUID() })).not.toBeNull();
    expect(editCommentSchema.safeParse({ commentId: "1", body: "x" }).success).toBe(false);
  });
});

describe("comments on goals and actions", () => {
  let w: Awaited<ReturnType<typeof commentsWorld>>;
  beforeAll(async () => {
    w = await commentsWorld();
  });

  it("a flat thread, oldest first, between the coachee and their coaches, with author names and edits", async () => {
    const onGoal = { goalId: w.goal.id };
    const first = await addComment(db, w.coachee, addCommentSchema.parse({ ...onGoal, body: "I spoke twice today.\nIt went well." }));
    await addComment(db, w.coach, addCommentSchema.parse({ ...onGoal, body: "Great: what helped?" }));
    await addComment(db, w.secondCoach, addCommentSchema.parse({ ...onGoal, body: "Agreed." }));
    await addComment(db, w.coach, addCommentSchema.parse({ actionId: w.action.id, body: "On the action" }));
    await editComment(db, w.coachee, editCommentSchema.parse({ commentId: first.id, body: "I spoke three times today." }));

    const asCoach = await listComments(db, w.coach, commentSubjectSchema.parse(onGoal));
    expect(asCoach.map((c) => [c.body, c.mine, c.editedAt !== null])).toEqual([
      ["I spoke three times today.", false, true],
      ["Great: what helped?", true, false],
      ["Agreed.", false, false],
    ]);
    expect(asCoach[2].authorName).toBe("Second Coach");
    expect(JSON.stringify(asCoach)).not.toContain("@");
    const asCoachee = await listComments(db, w.coachee, commentSubjectSchema.parse(onGoal));
    expect(asCoachee.map((c) => c.mine)).toEqual([true, false, false]);
    expect((await listComments(db, w.secondCoach, commentSubjectSchema.parse({ actionId: w.action.id }))).map((c) => c.body)).toEqual([
      "On the action",
    ]);

    // Every thread of the coachee at once, for a page that shows them all: the same threads.
    const all = await listCoacheeComments(db, w.secondCoach, w.coachee.membershipId);
    expect(all.byGoal[w.goal.id].map((c) => [c.body, c.mine])).toEqual([
      ["I spoke three times today.", false],
      ["Great: what helped?", false],
      ["Agreed.", true],
    ]);
    expect(all.byAction[w.action.id].map((c) => c.body)).toEqual(["On the action"]);
    expect(await listCoacheeComments(db, w.coachee, w.coachee.membershipId)).toEqual({
      byGoal: { [w.goal.id]: asCoachee },
      byAction: { [w.action.id]: await listComments(db, w.coachee, { actionId: w.action.id }) },
      totals: { [w.goal.id]: asCoachee.length, [w.action.id]: 1 },
    });

    // Deleting one's own.
    const mine = await addComment(db, w.coachee, addCommentSchema.parse({ ...onGoal, body: "Oops" }));
    await deleteComment(db, w.coachee, { commentId: mine.id });
    expect(await listComments(db, w.coachee, commentSubjectSchema.parse(onGoal))).toHaveLength(3);
  });

  it("someone else's comment cannot be edited or deleted; outsiders find nothing; admins never read comments", async () => {
    const coachs = await addComment(db, w.coach, addCommentSchema.parse({ goalId: w.goal.id, body: "Coach's words" }));
    const before = JSON.stringify(await db.comment.findMany({ where: { organizationId: w.org.id }, orderBy: { id: "asc" } }));
    const missing = crypto.randomUUID();

    // In the thread, not the author: forbidden (they can see the comment is there).
    for (const actor of [w.coachee, w.secondCoach]) {
      await expect(editComment(db, actor, { commentId: coachs.id, body: "Changed" })).rejects.toThrow(ForbiddenError);
      await expect(deleteComment(db, actor, { commentId: coachs.id })).rejects.toThrow(ForbiddenError);
    }
    // Outside the thread (another coach, another coachee, another organisation): exactly like a missing id.
    const answer = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: Error) => `${e.constructor.name}: ${english(e.message)}`,
      );
    const leaks: string[] = [];
    let checks = 0;
    for (const actor of [w.otherCoach, w.othersCoachee, w.other.coach] as Actor[]) {
      for (const [name, call] of [
        ["add on goal", (id: string) => addComment(db, actor, { goalId: id, body: "Hi" })],
        ["add on action", (id: string) => addComment(db, actor, { actionId: id, body: "Hi" })],
        ["list goal", (id: string) => listComments(db, actor, { goalId: id })],
        ["list action", (id: string) => listComments(db, actor, { actionId: id })],
        ["list coachee", (id: string) => listCoacheeComments(db, actor, id)],
        ["edit", (id: string) => editComment(db, actor, { commentId: id, body: "Hi" })],
        ["delete", (id: string) => deleteComment(db, actor, { commentId: id })],
      ] as const) {
        const target = name.includes("coachee")
          ? w.coachee.membershipId
          : name.includes("action")
            ? w.action.id
            : name.includes("goal")
              ? w.goal.id
              : coachs.id;
        for (const id of [target, missing]) {
          checks++;
          const got = await answer(call(id));
          if (got !== "NotFoundError: Not found") leaks.push(`${actor.role} ${name} ${id === missing ? "missing" : "theirs"}: ${got}`);
        }
      }
    }
    // Admins, owners, programme managers and sponsors are refused before anything is read; the overview has no comments.
    for (const actor of [w.admin, w.owner, w.pm, w.sponsor]) {
      for (const call of [
        listComments(db, actor, { goalId: w.goal.id }),
        listCoacheeComments(db, actor, w.coachee.membershipId),
        addComment(db, actor, { goalId: w.goal.id, body: "Hi" }),
        editComment(db, actor, { commentId: coachs.id, body: "Hi" }),
      ]) {
        checks++;
        const got = await answer(call);
        if (!got.startsWith("ForbiddenError")) leaks.push(`${actor.role}: ${got}`);
      }
    }
    checks++;
    if (JSON.stringify(await goalsOverview(db, w.admin, w.coachee.membershipId)).includes("Coach's words")) leaks.push("goalsOverview");
    recordFigures("comments", { privacyCells: checks, privacyLeaks: leaks.length });
    expect(leaks).toEqual([]);
    expect(JSON.stringify(await db.comment.findMany({ where: { organizationId: w.org.id }, orderBy: { id: "asc" } }))).toBe(before);

    // Positive controls: the author edits and deletes their own.
    await editComment(db, w.coach, { commentId: coachs.id, body: "Edited" });
    expect((await db.comment.findFirstOrThrow({ where: { organizationId: w.org.id, id: coachs.id } })).body).toBe("Edited");
    await deleteComment(db, w.coach, { commentId: coachs.id });
    expect(await db.comment.count({ where: { organizationId: w.org.id, id: coachs.id } })).toBe(0);
    await expect(listComments(db, w.otherCoach, { goalId: w.goal.id })).rejects.toThrow(NotFoundError);
  });

  it("the database keeps a comment on exactly one thing of its own coachee", async () => {
    const base = {
      organizationId: w.org.id,
      coacheeMembershipId: w.coachee.membershipId,
      authorMembershipId: w.coach.membershipId,
      body: "x",
    };
    await expect(db.comment.create({ data: base })).rejects.toThrow(/Comment_on_one_thing/);
    await expect(db.comment.create({ data: { ...base, goalId: w.goal.id, actionId: w.action.id } })).rejects.toThrow(
      /Comment_on_one_thing/,
    );
    const theirGoal = await createGoal(db, { organizationId: w.org.id, id: w.othersCoachee.membershipId });
    await expect(db.comment.create({ data: { ...base, goalId: theirGoal.id } })).rejects.toThrow(
      /Comment_organizationId_coacheeMembershipId_goalId_fkey/,
    );
    await expect(db.comment.create({ data: { ...base, goalId: w.goal.id } })).resolves.toMatchObject({ body: "x" });
  });
});

describe("comment notifications", () => {
  it("tell everyone else in the thread (never the author, never outsiders), one row per thing in 15 minutes and one email", async () => {
    const w = await commentsWorld();
    const rowsFor = (a: TestActor) =>
      db.notification.findMany({
        where: { recipientMembershipId: a.membershipId, kind: "comment.added" },
        select: { subjectId: true, count: true, data: true },
      });
    const mailsTo = (a: TestActor) => db.emailOutbox.count({ where: { toAddress: a.email, template: "notification" } });

    await addComment(db, w.coachee, addCommentSchema.parse({ goalId: w.goal.id, body: "Private words about the meeting" }));
    await addComment(db, w.coachee, addCommentSchema.parse({ goalId: w.goal.id, body: "And a second thought" }));
    // Emails go when the recipient's window closes (lib/notifications/coalesce.ts).
    await runNotificationEmails(db, new Date(Date.now() + EMAIL_WINDOW_MS));
    for (const coach of [w.coach, w.secondCoach]) {
      expect(await rowsFor(coach)).toEqual([
        { subjectId: w.goal.id, count: 2, data: { on: "goal", thingId: w.goal.id, title: "Speak up in meetings" } },
      ]);
      expect(await mailsTo(coach)).toBe(1);
    }
    // The words stay behind the sign-in.
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: w.coach.email, template: "notification" } });
    expect(`${mail.subject} ${mail.text} ${mail.html}`).not.toContain("Private words");
    for (const outsider of [w.coachee, w.otherCoach, w.othersCoachee, w.admin]) expect(await rowsFor(outsider)).toEqual([]);

    // A coach's comment on an action reaches the coachee and the other coach, not the author.
    await addComment(db, w.coach, addCommentSchema.parse({ actionId: w.action.id, body: "Noted" }));
    expect((await rowsFor(w.coachee)).map((r) => r.subjectId)).toEqual([w.action.id]);
    expect((await rowsFor(w.secondCoach)).map((r) => r.subjectId).sort()).toEqual([w.action.id, w.goal.id].sort());
    expect((await rowsFor(w.coach)).map((r) => r.subjectId)).toEqual([w.goal.id]);
  });
});
