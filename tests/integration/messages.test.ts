import { beforeAll, describe, expect, it } from "vitest";
import { english, englishError } from "../support/english";
import type { ZodError } from "zod";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors";
import { MESSAGE_MAX, sendMessage, sendMessageSchema } from "../../lib/messages/send";
import { getThread, listThreads, MESSAGES_PAGE_SIZE } from "../../lib/messages/threads";
import { createActor, createCoachingRelationship, createMember } from "../factories";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createWorld } from "../support/world";

const db = testDb();

/**
 * A coachee (the world's participant, on a pathway with the world's coach) who also has a second coach;
 * that second coach has a coachee of their own; a third coach coaches nobody here.
 */
async function messagingWorld() {
  const w = await createWorld(db);
  const secondCoach = await createActor(db, w.org.id, "COACH");
  const stranger = await createActor(db, w.org.id, "COACH");
  const othersCoachee = await createActor(db, w.org.id, "PARTICIPANT");
  await createCoachingRelationship(db, { coach: secondCoach.membership, coachee: w.participant.membership });
  await createCoachingRelationship(db, { coach: secondCoach.membership, coachee: othersCoachee.membership });
  return { ...w, secondCoach, stranger, othersCoachee };
}

const send = (body: string) => sendMessageSchema.parse({ to: crypto.randomUUID(), body }).body;
const outbox = (organizationId: string) => db.emailOutbox.findMany({ where: { organizationId, template: "new-message" } });
const messageActivity = (organizationId: string) =>
  db.activity.findMany({ where: { organizationId, kind: "message.sent" }, orderBy: { createdAt: "asc" } });

describe("messages between a coach and a coachee", () => {
  let w: Awaited<ReturnType<typeof messagingWorld>>;
  beforeAll(async () => {
    w = await messagingWorld();
  });

  it("reach exactly the two people in the thread: an email to the other one only, activity for this coach only", async () => {
    const before = await db.emailOutbox.count({ where: { organizationId: w.org.id } });
    await sendMessage(db, w.coach, { to: w.participant.membershipId, body: "  Hello Pat,\nhow did the week go?  " });

    // The message, trimmed, in the pair's one thread.
    const threads = await db.messageThread.findMany({ where: { organizationId: w.org.id }, include: { messages: true } });
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ coachMembershipId: w.coach.membershipId, coacheeMembershipId: w.participant.membershipId });
    expect(threads[0].messages.map((m) => m.body)).toEqual(["Hello Pat,\nhow did the week go?"]);
    expect(threads[0].coachReadAt?.getTime()).toBe(threads[0].lastMessageAt.getTime());
    expect(threads[0].coacheeReadAt).toBeNull();

    // Exactly one email, to exactly the coachee; the link is APP_URL's; the words stay in Pathwise.
    const mails = await outbox(w.org.id);
    expect(mails).toHaveLength(1);
    expect(mails[0].toAddress).toBe(w.participant.email);
    expect(await db.emailOutbox.count({ where: { organizationId: w.org.id } })).toBe(before + 1);
    expect(mails[0].subject).toBe("New message from Test coach");
    expect(mails[0].text).toContain(`${process.env.APP_URL}/${w.org.slug}/messages/${w.coach.membershipId}`);
    expect(mails[0].text).not.toContain("how did the week go");
    expect(mails[0].html).not.toContain("how did the week go");

    // The activity: this coach only, with an excerpt; the other coach of the same coachee is not it.
    const activity = await messageActivity(w.org.id);
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({
      coacheeMembershipId: w.participant.membershipId,
      actorMembershipId: w.coach.membershipId,
      coachMembershipId: w.coach.membershipId,
      data: { excerpt: "Hello Pat, how did the week go?" },
    });
    const seenBySecondCoach = await db.activity.count({
      where: {
        organizationId: w.org.id,
        coacheeMembershipId: w.participant.membershipId,
        kind: "message.sent",
        OR: [{ coachMembershipId: null }, { coachMembershipId: w.secondCoach.membershipId }],
      },
    });
    expect(seenBySecondCoach).toBe(0);
    const relationships = await db.coachingRelationship.findMany({
      where: { organizationId: w.org.id, coacheeMembershipId: w.participant.membershipId },
    });
    expect(relationships.find((r) => r.coachMembershipId === w.coach.membershipId)?.lastActivityAt).toEqual(activity[0].createdAt);
    expect(relationships.find((r) => r.coachMembershipId === w.secondCoach.membershipId)?.lastActivityAt).toBeNull();

    // The coachee: the thread, unread, then read once opened.
    const listed = await listThreads(db, w.participant);
    expect(listed.rows.map((r) => [r.otherMembershipId, r.unread])).toEqual([
      [w.coach.membershipId, true],
      [w.secondCoach.membershipId, false], // a coach not written to yet: there to start one
    ]);
    const thread = await getThread(db, w.participant, w.coach.membershipId);
    expect(thread.messages.map((m) => [m.body, m.mine, m.unread])).toEqual([["Hello Pat,\nhow did the week go?", false, true]]);
    expect((await listThreads(db, w.participant)).rows[0].unread).toBe(false);

    // The coach sees it as their own, and read.
    expect((await listThreads(db, w.coach)).rows).toEqual([
      expect.objectContaining({ otherMembershipId: w.participant.membershipId, name: "Test participant", unread: false }),
    ]);
    expect((await getThread(db, w.coach, w.participant.membershipId)).messages[0]).toMatchObject({ mine: true, authorName: "Test coach" });

    // The other coach of the same coachee: no thread in their list, an empty one of their own with her.
    expect((await listThreads(db, w.secondCoach)).rows).toEqual([]);
    expect((await getThread(db, w.secondCoach, w.participant.membershipId)).messages).toEqual([]);
  });

  it("a reply reaches the coach: one email to exactly the coach's address, none to its author", async () => {
    const before = (await outbox(w.org.id)).map((m) => m.id);
    await sendMessage(db, w.participant, { to: w.coach.membershipId, body: "Good, thanks!" });
    const added = (await outbox(w.org.id)).filter((m) => !before.includes(m.id));
    expect(added.map((m) => m.toAddress)).toEqual([w.coach.email]);
    expect(added[0].subject).toBe("New message from Test participant");
    expect(added[0].text).toContain(`/${w.org.slug}/messages/${w.participant.membershipId}`);
    const thread = await getThread(db, w.coach, w.participant.membershipId);
    expect(thread.messages.map((m) => [m.body, m.mine])).toEqual([
      ["Hello Pat,\nhow did the week go?", true],
      ["Good, thanks!", false],
    ]);
    expect((await listThreads(db, w.coach)).rows[0].unread).toBe(false); // getThread just read it
    // One thread still, the activity for the same coach only.
    expect(await db.messageThread.count({ where: { organizationId: w.org.id } })).toBe(1);
    expect((await messageActivity(w.org.id)).map((a) => a.coachMembershipId)).toEqual([w.coach.membershipId, w.coach.membershipId]);
  });

  it("someone outside the pair gets not found; roles without messages are forbidden; another organisation is not found", async () => {
    let refused = 0;
    const before = await db.message.count({ where: { organizationId: w.org.id } });
    const notFound = [
      // A coach who does not coach her, and her other coach reaching the first coach's... coachee they do not share.
      () => getThread(db, w.stranger, w.participant.membershipId),
      () => sendMessage(db, w.stranger, { to: w.participant.membershipId, body: "Hi" }),
      () => getThread(db, w.coach, w.othersCoachee.membershipId),
      () => sendMessage(db, w.coach, { to: w.othersCoachee.membershipId, body: "Hi" }),
      // A participant writing to a coach who is not theirs, or to another participant.
      () => sendMessage(db, w.participant, { to: w.stranger.membershipId, body: "Hi" }),
      () => sendMessage(db, w.participant, { to: w.othersCoachee.membershipId, body: "Hi" }),
      () => getThread(db, w.othersCoachee, w.coach.membershipId),
      // Another organisation: its coach reaching our coachee, our coach reaching its members.
      () => getThread(db, w.other.coach, w.participant.membershipId),
      () => sendMessage(db, w.other.coach, { to: w.participant.membershipId, body: "Hi" }),
      () => sendMessage(db, w.coach, { to: w.other.coach.membershipId, body: "Hi" }),
      () => getThread(db, w.coach, crypto.randomUUID()),
      () => getThread(db, w.coach, "not-an-id"),
    ];
    for (const call of notFound) {
      await expect(call()).rejects.toThrow(NotFoundError);
      refused++;
    }
    for (const actor of [w.admin, w.owner, w.pm, w.sponsor]) {
      await expect(sendMessage(db, actor, { to: w.participant.membershipId, body: "Hi" })).rejects.toThrow(ForbiddenError);
      await expect(getThread(db, actor, w.participant.membershipId)).rejects.toThrow(ForbiddenError);
      await expect(listThreads(db, actor)).rejects.toThrow(ForbiddenError);
      refused += 3;
    }
    expect(await db.message.count({ where: { organizationId: w.org.id } })).toBe(before);
    // Positive controls: the second coach reaches both their coachees; the coachee reaches both coaches.
    await sendMessage(db, w.secondCoach, { to: w.othersCoachee.membershipId, body: "Welcome" });
    await sendMessage(db, w.participant, { to: w.secondCoach.membershipId, body: "Hello second coach" });
    expect((await getThread(db, w.othersCoachee, w.secondCoach.membershipId)).messages.map((m) => m.body)).toEqual(["Welcome"]);
    expect((await listThreads(db, w.secondCoach)).rows.map((r) => r.otherMembershipId).sort()).toEqual(
      [w.participant.membershipId, w.othersCoachee.membershipId].sort(),
    );
    // ...and still never the first coach's thread with her.
    expect((await getThread(db, w.secondCoach, w.participant.membershipId)).messages.map((m) => m.body)).toEqual(["Hello second coach"]);
    recordFigures("messages", { outsideThreadAttempts: refused, outsideThreadLeaks: 0 });
  });
});

describe("who gets an email, and what a message may be", () => {
  it("emails only an ACTIVE recipient; a coachee never invited cannot be messaged at all", async () => {
    const w = await createWorld(db, { members: ["coach"], pathway: false });
    const invited = await createMember(db, w.org.id, { role: "PARTICIPANT", status: "INVITED" });
    const notInvited = await createMember(db, w.org.id, {
      role: "PARTICIPANT",
      status: "NOT_INVITED",
      firstName: "Nia",
      lastName: "Never",
    });
    for (const c of [invited, notInvited]) await createCoachingRelationship(db, { coach: w.coach.membership, coachee: c.membership });

    await sendMessage(db, w.coach, { to: invited.membership.id, body: "For when you join" });
    expect(await db.message.count({ where: { organizationId: w.org.id } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { organizationId: w.org.id } })).toBe(0);

    const refusal = sendMessage(db, w.coach, { to: notInvited.membership.id, body: "Hello?" });
    await expect(refusal.catch((e: unknown) => e)).resolves.toBeInstanceOf(ValidationError);
    expect(await englishError(refusal)).toBe(
      "Nia Never has not been invited to Pathwise yet, so there is nowhere for them to read a message. Send them an invitation first.",
    );
    expect(await db.message.count({ where: { organizationId: w.org.id } })).toBe(1);
    expect(await db.messageThread.count({ where: { organizationId: w.org.id } })).toBe(1);
    expect(await db.activity.count({ where: { organizationId: w.org.id } })).toBe(1);

    // Positive control: once active, the same coachee gets the email.
    await db.membership.update({
      where: { organizationId_id: { organizationId: w.org.id, id: invited.membership.id } },
      data: { status: "ACTIVE", joinedAt: new Date() },
    });
    await sendMessage(db, w.coach, { to: invited.membership.id, body: "Welcome aboard" });
    expect((await db.emailOutbox.findMany({ where: { organizationId: w.org.id } })).map((m) => m.toAddress)).toEqual([invited.user.email]);
  });

  it("a burst of messages sends one email until the other person reads the thread; a deactivated person cannot be messaged", async () => {
    const w = await createWorld(db, { members: ["coach"], pathway: false });
    const coach = await createActor(db, w.org.id, "COACH");
    const coachee = await createActor(db, w.org.id, "PARTICIPANT");
    await createCoachingRelationship(db, { coach: coach.membership, coachee: coachee.membership });
    const mailsTo = async (email: string) => (await outbox(w.org.id)).filter((m) => m.toAddress === email).length;
    for (const body of ["One", "Two", "Three"]) await sendMessage(db, coach, { to: coachee.membershipId, body });
    expect(await mailsTo(coachee.email)).toBe(1);
    // She reads the thread: the next message is news again, and gets its own email.
    await getThread(db, coachee, coach.membershipId);
    await sendMessage(db, coach, { to: coachee.membershipId, body: "Four" });
    expect(await mailsTo(coachee.email)).toBe(2);
    // Her reply emails the coach once; his own messages never count as unread for him.
    await sendMessage(db, coachee, { to: coach.membershipId, body: "Thanks" });
    await sendMessage(db, coachee, { to: coach.membershipId, body: "See you" });
    expect(await mailsTo(coach.email)).toBe(1);

    await db.membership.updateMany({ where: { organizationId: w.org.id, id: coachee.membershipId }, data: { status: "DEACTIVATED" } });
    expect(await englishError(sendMessage(db, coach, { to: coachee.membershipId, body: "Still there?" }))).toMatch(/no longer has access/);
    expect(await db.message.count({ where: { organizationId: w.org.id, body: "Still there?" } })).toBe(0);
  });

  it("concurrent first messages from both sides make one thread holding every message", async () => {
    const w = await createWorld(db, { members: ["coach", "participant"] });
    const sends = Array.from({ length: 12 }, (_, i) =>
      i % 2 === 0
        ? sendMessage(db, w.coach, { to: w.participant.membershipId, body: `coach ${i}` })
        : sendMessage(db, w.participant, { to: w.coach.membershipId, body: `coachee ${i}` }),
    );
    const results = await Promise.allSettled(sends);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const threads = await db.messageThread.findMany({
      where: { organizationId: w.org.id },
      include: { _count: { select: { messages: true } } },
    });
    expect(threads).toHaveLength(1);
    expect(threads[0]._count.messages).toBe(12);
    expect(new Set(results.map((r) => (r.status === "fulfilled" ? r.value.threadId : null)))).toEqual(new Set([threads[0].id]));
    recordFigures("messages", { concurrentFirstMessages: 12, threadsMade: threads.length });
  });

  it("a message is trimmed plain text of 1 to 5,000 characters, kept as typed", async () => {
    expect(sendMessageSchema.safeParse({ to: crypto.randomUUID(), body: " \n\t " }).success).toBe(false);
    expect(sendMessageSchema.safeParse({ to: crypto.randomUUID(), body: "x".repeat(MESSAGE_MAX + 1) }).success).toBe(false);
    expect(send("x".repeat(MESSAGE_MAX))).toHaveLength(MESSAGE_MAX);
    expect(sendMessageSchema.safeParse({ to: "not-an-id", body: "Hi" }).success).toBe(false);
    expect(sendMessageSchema.safeParse({ to: crypto.randomUUID(), body: "Hi", organizationId: crypto.randomUUID() }).success).toBe(false);

    const w = await createWorld(db, { members: ["coach", "participant"] });
    // The service checks again: a caller that skipped the schema cannot store an empty or huge message.
    const empty = (await sendMessage(db, w.coach, { to: w.participant.membershipId, body: "   " }).catch((e: unknown) => e)) as ZodError;
    expect(empty.issues.map((i) => english(i.message))).toEqual(["Write a message"]);
    await expect(sendMessage(db, w.coach, { to: w.participant.membershipId, body: "y".repeat(MESSAGE_MAX + 1) })).rejects.toThrow(
      /Fields\.atMost/,
    );
    // Positive controls: the longest message allowed, and markup, are stored as typed.
    await sendMessage(db, w.coach, { to: w.participant.membershipId, body: "y".repeat(MESSAGE_MAX) });
    const markup = `<script>alert("x")</script>\n<b>bold</b>`;
    await sendMessage(db, w.coach, { to: w.participant.membershipId, body: markup });
    expect((await getThread(db, w.participant, w.coach.membershipId)).messages.map((m) => m.body)).toEqual([
      "y".repeat(MESSAGE_MAX),
      markup,
    ]);
  });

  it("pages a long thread: page 1 is the newest messages, each page oldest to newest; only the newest page marks it read", async () => {
    const w = await createWorld(db, { members: ["coach", "participant"] });
    const thread = await db.messageThread.create({
      data: { organizationId: w.org.id, coachMembershipId: w.coach.membershipId, coacheeMembershipId: w.participant.membershipId },
    });
    const start = Date.now() - 3_600_000;
    const total = MESSAGES_PAGE_SIZE + 5;
    await db.message.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        organizationId: w.org.id,
        threadId: thread.id,
        authorMembershipId: w.coach.membershipId,
        body: `m${i}`,
        createdAt: new Date(start + i * 1000),
      })),
    });
    await db.messageThread.update({
      where: { organizationId_id: { organizationId: w.org.id, id: thread.id } },
      data: { lastMessageAt: new Date(start + (total - 1) * 1000) },
    });
    const older = await getThread(db, w.participant, w.coach.membershipId, { page: 2 });
    expect(older.messages.map((m) => m.body)).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    expect(older.pages).toBe(2);
    expect((await listThreads(db, w.participant)).rows[0].unread).toBe(true);
    const newest = await getThread(db, w.participant, w.coach.membershipId, { page: 1 });
    expect(newest.messages).toHaveLength(MESSAGES_PAGE_SIZE);
    expect(newest.messages[0].body).toBe("m5");
    expect(newest.messages.at(-1)?.body).toBe(`m${total - 1}`);
    expect((await listThreads(db, w.participant)).rows[0].unread).toBe(false);
    // A page past the end shows the last one.
    expect((await getThread(db, w.participant, w.coach.membershipId, { page: 9 })).page).toBe(2);
  });
});
