import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { english } from "../support/english";
import { englishFieldErrors } from "../support/english-field-errors";
import { listCoacheeAssessments } from "../../lib/assessments/assignments";
import type { Actor } from "../../lib/authz/actor";
import { listCoachees, coacheeFilterSchema } from "../../lib/coachees/coachees";
import { addCoachee, addCoacheeAnswer, addCoacheeSchema } from "../../lib/coachees/add-coachee";
import { getCoacheeProfile } from "../../lib/coachees/profile";
import {
  acceptRequest,
  declineRequest,
  linkCoachee,
  listWaitingRequests,
  PENDING_REQUESTS_LIMIT,
  requestsForMe,
  TOO_MANY_PENDING,
  withdrawRequest,
} from "../../lib/coaching/requests";
import { listActivity } from "../../lib/activity/list";
import { listFiles } from "../../lib/files/files";
import { listCoacheeComments } from "../../lib/goals/comments";
import { listGoals } from "../../lib/goals/goals";
import { actionItemFilterSchema, listActionItems } from "../../lib/goals/list-action-items";
import { deliverDueEmails } from "../../lib/mail/deliver";
import { smtpTransport } from "../../lib/mail/transport";
import { getThread } from "../../lib/messages/threads";
import { sendMessage } from "../../lib/messages/send";
import { listNotes, noteFilterSchema } from "../../lib/notes/notes";
import { listNotifications } from "../../lib/notifications/centre";
import { ExpectedError, ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors";
import { createActionItem, createActor, createCoachingRelationship, createGoal, createMember, createPathway, unique } from "../factories";
import type { TestActor } from "../factories/actor";
import { testDb } from "../support/db";
import { recordFigures } from "../support/figures";
import { createPrivacyWorld, type PrivacyWorld } from "../support/privacy";
import { startSmtpServer } from "../support/smtp";
import { createWorld } from "../support/world";
import { runNotificationEmails } from "../../lib/notifications/coalesce";
import { EMAIL_WINDOW_MS } from "../../lib/notifications/notify";

/** A moment just after every email window opened now has closed. */
const afterWindow = () => new Date(Date.now() + EMAIL_WINDOW_MS + 60_000);
import { PRIVACY_KINDS } from "./privacy/kinds";

const db = testDb();

const fieldErrorsOf = englishFieldErrors;

// SECURITY.md 28: a coach reaches someone already in the organisation only with their consent (or an
// administrator's audited act), and "add coachee" answers the same whatever the address belongs to.
// Every attempt at access without consent is counted (consentBypassAttempts), and every one that got
// anything (consentBypasses, which must stay 0).
const tally = { attempts: 0, bypasses: 0 };
/** One attempt to get something without consent: true (a bypass) when it got it. */
function attempt(got: boolean) {
  tally.attempts++;
  if (got) tally.bypasses++;
  return got;
}
/** A read or act that must not work: an expected refusal is a failed attempt, an answer is a bypass. */
async function refused(call: Promise<unknown>, found: (r: unknown) => boolean = () => true) {
  try {
    return attempt(found(await call));
  } catch (error) {
    if (error instanceof ExpectedError) return attempt(false);
    throw error;
  }
}

const typed = (email: string, raw: Record<string, string> = {}) =>
  addCoacheeSchema.parse({ firstName: "Typed", lastName: "Byhand", email, ...raw });
const coachCount = async (coach: Actor, coachee: string) =>
  db.coachingRelationship.count({
    where: { organizationId: coach.organizationId, coachMembershipId: coach.membershipId, coacheeMembershipId: coachee },
  });
const requestOf = (coach: Actor, coachee: string) =>
  db.coachingRequest.findFirst({
    where: { organizationId: coach.organizationId, coachMembershipId: coach.membershipId, coacheeMembershipId: coachee },
  });

/** The privacy matrix's items plus a goal and an action with secret titles, made in one privacy world. */
async function materialWorld() {
  const w = await createPrivacyWorld(db);
  const perKind = await Promise.all(PRIVACY_KINDS.map((k) => k.items(db, w)));
  // Every kind brings items, so "sees none of them" is about something.
  expect(perKind.map((kindItems, i) => [PRIVACY_KINDS[i].kind, kindItems.length > 0])).toEqual(PRIVACY_KINDS.map((k) => [k.kind, true]));
  const items = perKind.flat();
  const goalWord = `Goal${unique()}${unique()}`;
  const goal = await createGoal(db, w.coachee.membership, { title: goalWord });
  await createActionItem(db, w.coachee.membership, { goal, title: `Action of ${goalWord}` });
  return { w, items, goalWord };
}

async function anyRead(viewer: Actor, coachee: string, words: string[]): Promise<boolean[]> {
  const has = (r: unknown) => words.some((word) => JSON.stringify(r).includes(word));
  const reads: Array<() => Promise<unknown>> = [
    () => getCoacheeProfile(db, viewer, coachee),
    () => listGoals(db, viewer, coachee),
    () => listActionItems(db, viewer, coachee, actionItemFilterSchema.parse({})),
    () => listActivity(db, viewer, coachee, { page: 1 }),
    () => listFiles(db, viewer, coachee),
    () => listNotes(db, viewer, coachee, noteFilterSchema.parse({})),
    () => listCoacheeAssessments(db, viewer, coachee),
    () => listCoacheeComments(db, viewer, coachee),
    () => getThread(db, viewer, coachee),
  ];
  const out: boolean[] = [];
  for (const read of reads) {
    try {
      const r = await read();
      // The profile and the thread name the person: reaching them at all is access.
      out.push(has(r) || read === reads[0] || read === reads[8]);
    } catch (error) {
      if (!(error instanceof ExpectedError)) throw error;
      out.push(false);
    }
  }
  const list = await listCoachees(db, viewer, coacheeFilterSchema.parse({}));
  out.push(list.rows.some((r) => r.id === coachee));
  return out;
}

async function seesNothing(
  viewer: TestActor,
  w: PrivacyWorld,
  items: Awaited<ReturnType<typeof materialWorld>>["items"],
  goalWord: string,
) {
  const seen: string[] = [];
  for (const item of items) if (attempt(await item.sees(viewer))) seen.push(item.label);
  const reads = await anyRead(viewer, w.coachee.membershipId, [goalWord]);
  reads.forEach((got, i) => {
    if (attempt(got)) seen.push(`read ${i}`);
  });
  // Writing to them is reaching them too.
  if (await refused(sendMessage(db, viewer, { to: w.coachee.membershipId, body: "Hello" }))) seen.push("message");
  return seen;
}

describe("a coach adding someone already here asks them", () => {
  it("grants nothing until the participant accepts (every read path of the privacy matrix and the profile), then what any coach of theirs sees", async () => {
    const { w, items, goalWord } = await materialWorld();
    const newCoach = await createActor(db, w.org.id, "COACH", { account: { firstName: "Nadia", lastName: "Newcoach" } });
    const answer = await addCoachee(db, newCoach, typed(w.coachee.email.toUpperCase()));
    expect(answer).toEqual({ message: addCoacheeAnswer(typed(w.coachee.email)) });

    // A request, no relationship, the membership unchanged; the coach sees only what they typed.
    const request = await requestOf(newCoach, w.coachee.membershipId);
    expect(request).toMatchObject({ email: w.coachee.email, firstName: "Typed", lastName: "Byhand", declinedAt: null });
    expect(await coachCount(newCoach, w.coachee.membershipId)).toBe(0);
    const waiting = await listWaitingRequests(db, newCoach);
    expect(waiting).toEqual([
      { id: request!.id, email: w.coachee.email, firstName: "Typed", lastName: "Byhand", createdAt: request!.createdAt },
    ]);
    expect(
      await db.auditEvent.count({ where: { organizationId: w.org.id, action: "coaching.request", targetId: w.coachee.membershipId } }),
    ).toBe(1);

    // Asked in the app (a notification leading to the requests page) and by email (the outbox, once the
    // participant's email window closes: lib/notifications/coalesce.ts).
    const [note] = (await listNotifications(db, w.coachee)).items.filter((n) => n.sentence.includes("asked to be your coach"));
    expect(note.sentence).toBe("Nadia Newcoach asked to be your coach: accept or decline");
    await runNotificationEmails(db, afterWindow());
    const mail = await db.emailOutbox.findFirstOrThrow({
      where: { organizationId: w.org.id, toAddress: w.coachee.email, text: { contains: "asked to be your coach" } },
    });
    expect(mail.text).toContain(`/${w.org.slug}/coaching-requests#request-${request!.id}`);
    expect(await requestsForMe(db, w.coachee)).toEqual([{ id: request!.id, coachName: "Nadia Newcoach", createdAt: request!.createdAt }]);

    // Before: nothing at all, by any path.
    expect(await seesNothing(newCoach, w, items, goalWord)).toEqual([]);
    // Nobody answers for the participant: not the asking coach, not their coaches, not an admin, not another participant, not another organisation.
    const elsewhere = await createActor(db, w.other.org.id, "PARTICIPANT");
    for (const who of [newCoach, w.coach, w.secondCoach, w.admin, w.othersCoachee, w.other.admin, elsewhere]) {
      expect(await refused(acceptRequest(db, who, request!.id))).toBe(false);
      expect(await refused(declineRequest(db, who, request!.id))).toBe(false);
    }
    expect(await coachCount(newCoach, w.coachee.membershipId)).toBe(0);
    // Asking again changes nothing (no second request, no second notification).
    await addCoachee(db, newCoach, typed(w.coachee.email, { firstName: "Other" }));
    expect(await db.coachingRequest.count({ where: { organizationId: w.org.id, coachMembershipId: newCoach.membershipId } })).toBe(1);
    expect(await db.notification.count({ where: { organizationId: w.org.id, kind: "coaching.requested" } })).toBe(1);

    // The participant accepts: the relationship starts, the request and its notification go.
    await expect(acceptRequest(db, w.coachee, request!.id)).resolves.toEqual({ coachName: "Nadia Newcoach", orgSlug: w.org.slug });
    expect(await coachCount(newCoach, w.coachee.membershipId)).toBe(1);
    expect(await requestOf(newCoach, w.coachee.membershipId)).toBeNull();
    expect(await listWaitingRequests(db, newCoach)).toEqual([]);
    expect(await db.notification.count({ where: { organizationId: w.org.id, kind: "coaching.requested" } })).toBe(0);
    expect(
      await db.auditEvent.count({ where: { organizationId: w.org.id, action: "coaching.accept", targetId: w.coachee.membershipId } }),
    ).toBe(1);
    // Accepting twice is not found (one answer per request).
    await expect(acceptRequest(db, w.coachee, request!.id)).rejects.toThrow(NotFoundError);

    // Their coaches so far are told; the new coach and the coachee (who did it) are not.
    const started = await db.notification.findMany({ where: { organizationId: w.org.id, kind: "coaching.started" } });
    expect(started.map((n) => n.recipientMembershipId).sort()).toEqual([w.coach.membershipId, w.secondCoach.membershipId].sort());
    const told = (await listNotifications(db, w.coach)).items.map((n) => n.sentence);
    expect(told).toContain("Test participant now also works with Nadia Newcoach as their coach");

    // After (the positive control): exactly what another coach of theirs sees.
    const wrong: string[] = [];
    for (const item of items) if ((await item.sees(newCoach)) !== item.readers.includes("secondCoach")) wrong.push(item.label);
    expect(wrong).toEqual([]);
    expect(items.some((i) => i.readers.includes("secondCoach"))).toBe(true);
    const reads = await anyRead(newCoach, w.coachee.membershipId, [goalWord]);
    // Profile, goals, actions (the goal's action), the thread and the list all reach them now.
    expect([reads[0], reads[1], reads[2], reads[8], reads[9]]).toEqual([true, true, true, true, true]);
  });

  it("declining ends the request: nothing reached, the same coach cannot ask again, and the answer stays the same", async () => {
    const { w, items, goalWord } = await materialWorld();
    const newCoach = await createActor(db, w.org.id, "COACH");
    const input = typed(w.coachee.email);
    await addCoachee(db, newCoach, input);
    const request = (await requestOf(newCoach, w.coachee.membershipId))!;
    await expect(declineRequest(db, w.coachee, request.id)).resolves.toMatchObject({ coachName: expect.any(String) });
    expect(await requestsForMe(db, w.coachee)).toEqual([]);
    expect(await listWaitingRequests(db, newCoach)).toEqual([]);
    expect(await db.notification.count({ where: { organizationId: w.org.id, kind: "coaching.requested" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { organizationId: w.org.id, action: "coaching.decline" } })).toBe(1);
    // Accepting a declined request, or withdrawing it, finds nothing.
    expect(await refused(acceptRequest(db, w.coachee, request.id))).toBe(false);
    await expect(withdrawRequest(db, newCoach, request.id)).rejects.toThrow(NotFoundError);
    // Asking again: the same answer, no new request, nobody asked again.
    const mails = await db.emailOutbox.count({ where: { toAddress: w.coachee.email } });
    expect(await addCoachee(db, newCoach, input)).toEqual({ message: addCoacheeAnswer(input) });
    expect(await db.coachingRequest.count({ where: { organizationId: w.org.id, coachMembershipId: newCoach.membershipId } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { toAddress: w.coachee.email } })).toBe(mails);
    expect(await seesNothing(newCoach, w, items, goalWord)).toEqual([]);
  });

  it("the coach may withdraw a request still waiting: the participant's notification goes with it; another's request is not theirs to withdraw", async () => {
    const w = await createWorld(db);
    const newCoach = await createActor(db, w.org.id, "COACH");
    const rival = await createActor(db, w.org.id, "COACH");
    await addCoachee(db, newCoach, typed(w.participant.email));
    const request = (await requestOf(newCoach, w.participant.membershipId))!;
    for (const who of [rival, w.coach, w.participant, w.admin, w.other.coach])
      await expect(withdrawRequest(db, who, request.id)).rejects.toThrow(who.role === "COACH" ? NotFoundError : ForbiddenError);
    await expect(withdrawRequest(db, newCoach, "not-an-id")).rejects.toThrow(NotFoundError);
    await expect(withdrawRequest(db, newCoach, request.id)).resolves.toEqual({ name: "Typed Byhand" });
    expect(await db.notification.count({ where: { organizationId: w.org.id, kind: "coaching.requested" } })).toBe(0);
    expect(await requestsForMe(db, w.participant)).toEqual([]);
    expect(await refused(acceptRequest(db, w.participant, request.id))).toBe(false);
    // Withdrawn (not declined): the coach may ask again.
    await addCoachee(db, newCoach, typed(w.participant.email));
    expect(await requestsForMe(db, w.participant)).toHaveLength(1);
  });

  it("an accept and a withdraw at the same moment: one wins, and access follows whichever it was", async () => {
    for (let run = 0; run < 3; run++) {
      const w = await createWorld(db, { members: ["coach", "participant"] });
      const newCoach = await createActor(db, w.org.id, "COACH");
      await addCoachee(db, newCoach, typed(w.participant.email));
      const request = (await requestOf(newCoach, w.participant.membershipId))!;
      const [accepted, withdrawn] = await Promise.allSettled([
        acceptRequest(db, w.participant, request.id),
        withdrawRequest(db, newCoach, request.id),
      ]);
      expect([accepted.status, withdrawn.status].sort()).toEqual(["fulfilled", "rejected"]);
      expect(await coachCount(newCoach, w.participant.membershipId)).toBe(accepted.status === "fulfilled" ? 1 : 0);
      expect(await requestOf(newCoach, w.participant.membershipId)).toBeNull();
    }
  });
});

describe("one answer whatever the address belongs to", () => {
  it("a new person, a participant (another coach's, this coach's, not invited yet, deactivated), any other role, an outsider: same message and shape; only a participant is asked, nobody else gets access", async () => {
    const w = await createWorld(db);
    const coach = await createActor(db, w.org.id, "COACH");
    const theirs = await createMember(db, w.org.id, { firstName: "Theirs" });
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: theirs.membership });
    const notInvited = await createMember(db, w.org.id, { status: "NOT_INVITED" });
    const deactivated = await createMember(db, w.org.id, { status: "DEACTIVATED" });
    const mine = await createMember(db, w.org.id);
    await createCoachingRelationship(db, { coach: coach.membership, coachee: mine.membership });
    const addresses: Record<string, string> = {
      "a new person": `new-${unique()}@example.test`,
      "an account in another organisation only": w.other.admin.email,
      "another coach's participant": theirs.user.email,
      "a participant with a pathway": w.participant.email,
      "a participant not invited yet": notInvited.user.email,
      "a deactivated participant": deactivated.user.email,
      "one of this coach's coachees": mine.user.email,
      "an owner": w.owner.email,
      "an admin": w.admin.email,
      "a programme manager": w.pm.email,
      "a sponsor": w.sponsor.email,
      "another coach": w.coach.email,
      "the coach themself": coach.email,
    };
    for (const sendInvitation of ["", "on"]) {
      const answers = new Map<string, unknown>();
      for (const [who, email] of Object.entries(addresses)) {
        const input = typed(sendInvitation ? email.replace("new-", "new2-") : email, { sendInvitation });
        answers.set(who, await addCoachee(db, coach, input));
      }
      const expected = { message: addCoacheeAnswer(typed("x@example.test", { sendInvitation })) };
      for (const [who, answer] of answers) expect(answer, who).toEqual(expected);
    }
    // Nobody already here became this coach's coachee by it (the new people did, as before).
    for (const m of [theirs, notInvited, deactivated, w.participant])
      expect(attempt((await coachCount(coach, m.membership.id)) > 0)).toBe(false);
    for (const staff of [w.owner, w.admin, w.pm, w.sponsor, w.coach, coach]) {
      expect(attempt((await coachCount(coach, staff.membershipId)) > 0)).toBe(false);
      // Their requests wait unseen: no notification, no email, and they cannot accept one.
      expect(await db.notification.count({ where: { organizationId: w.org.id, recipientMembershipId: staff.membershipId } })).toBe(0);
      const request = await requestOf(coach, staff.membershipId);
      expect(request).not.toBeNull();
      await expect(acceptRequest(db, staff, request!.id)).rejects.toThrow(ForbiddenError);
      attempt(false);
    }
    expect(
      await db.emailOutbox.count({
        where: { toAddress: { in: [w.owner.email, w.admin.email, w.pm.email, w.sponsor.email, w.coach.email] } },
      }),
    ).toBe(0);
    // The coach's waiting list shows what they typed for each, the same for a participant and an admin.
    const waiting = await listWaitingRequests(db, coach);
    const byEmail = new Map(waiting.map((r) => [r.email, r]));
    for (const email of [theirs.user.email, w.admin.email])
      expect(byEmail.get(email)).toMatchObject({ firstName: "Typed", lastName: "Byhand" });
    // Exactly one participant-facing request per participant (a second add changed nothing), and only participants are asked.
    const asked = await db.notification.findMany({
      where: { organizationId: w.org.id, kind: "coaching.requested" },
      select: { recipientMembershipId: true },
    });
    expect(asked.map((n) => n.recipientMembershipId).sort()).toEqual([theirs.membership.id, w.participant.membershipId].sort());
    // The other organisation is untouched: the outsider became a new participant here, nothing there.
    expect(await db.coachingRequest.count({ where: { organizationId: w.other.org.id } })).toBe(0);
  });

  it("a coach may have PENDING_REQUESTS_LIMIT requests waiting; past it every add is refused alike, before anything is written", async () => {
    const w = await createWorld(db, { members: ["coach", "participant"] });
    const coach = await createActor(db, w.org.id, "COACH");
    const n = PENDING_REQUESTS_LIMIT - 1;
    const emails = Array.from({ length: n }, (_, i) => `waiting-${i}-${unique()}@example.test`);
    await db.user.createMany({ data: emails.map((email) => ({ email })) });
    const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
    await db.membership.createMany({
      data: users.map((u) => ({ organizationId: w.org.id, userId: u.id, role: "PARTICIPANT" as const, status: "ACTIVE" as const })),
    });
    const members = await db.membership.findMany({ where: { organizationId: w.org.id, userId: { in: users.map((u) => u.id) } } });
    await db.coachingRequest.createMany({
      data: members.map((m) => ({
        organizationId: w.org.id,
        coachMembershipId: coach.membershipId,
        coacheeMembershipId: m.id,
        email: "x@example.test",
        firstName: "W",
        lastName: "R",
      })),
    });
    // At the bound: the last one fits.
    await addCoachee(db, coach, typed(w.participant.email));
    expect(await db.coachingRequest.count({ where: { organizationId: w.org.id, coachMembershipId: coach.membershipId } })).toBe(
      PENDING_REQUESTS_LIMIT,
    );
    // One past it: refused, the same for a new address and a member's, naming neither.
    const fresh = `past-${unique()}@example.test`;
    for (const email of [fresh, w.coach.email]) {
      const refusal = addCoachee(db, coach, typed(email));
      await expect(refusal).rejects.toThrow(ValidationError);
      await expect(addCoachee(db, coach, typed(email))).rejects.toThrow(TOO_MANY_PENDING);
    }
    expect(english(TOO_MANY_PENDING)).not.toContain("@");
    expect(await db.user.count({ where: { email: fresh } })).toBe(0);
    expect(await db.coachingRequest.count({ where: { organizationId: w.org.id, coachMembershipId: coach.membershipId } })).toBe(
      PENDING_REQUESTS_LIMIT,
    );
  });
});

describe("who may do what", () => {
  it("only a coach asks; only the participant answers; an id from another organisation is not found", async () => {
    const w = await createWorld(db);
    const newCoach = await createActor(db, w.org.id, "COACH");
    const otherParticipant = await createActor(db, w.other.org.id, "PARTICIPANT");
    for (const who of [w.participant, w.sponsor, w.admin, w.pm, w.owner])
      await expect(addCoachee(db, who, typed(w.participant.email))).rejects.toThrow(ForbiddenError);
    expect(await db.coachingRequest.count({ where: { organizationId: w.org.id } })).toBe(0);
    await addCoachee(db, newCoach, typed(w.participant.email));
    const request = (await requestOf(newCoach, w.participant.membershipId))!;
    // A coach, sponsor or admin cannot answer for a participant; another organisation's participant finds nothing.
    for (const who of [newCoach, w.coach, w.sponsor, w.admin, w.pm]) {
      await expect(acceptRequest(db, who, request.id)).rejects.toThrow(ForbiddenError);
      await expect(declineRequest(db, who, request.id)).rejects.toThrow(ForbiddenError);
      attempt(false);
    }
    await expect(acceptRequest(db, otherParticipant, request.id)).rejects.toThrow(NotFoundError);
    await expect(requestsForMe(db, otherParticipant)).resolves.toEqual([]);
    await expect(listWaitingRequests(db, w.other.coach)).resolves.toEqual([]);
    await expect(withdrawRequest(db, w.other.coach, request.id)).rejects.toThrow(NotFoundError);
    for (const bad of ["", "x", "00000000-0000-0000-0000-000000000000"])
      await expect(acceptRequest(db, w.participant, bad)).rejects.toThrow(NotFoundError);
    attempt((await coachCount(newCoach, w.participant.membershipId)) > 0);
    // Positive control: the participant can.
    await acceptRequest(db, w.participant, request.id);
    expect(await coachCount(newCoach, w.participant.membershipId)).toBe(1);

    // A request made in another organisation for its own member is not found here, and not the other way.
    const otherCoach = w.other.coach;
    await addCoachee(db, otherCoach, typed(otherParticipant.email));
    const theirs = (await requestOf(otherCoach, otherParticipant.membershipId))!;
    await expect(acceptRequest(db, w.participant, theirs.id)).rejects.toThrow(NotFoundError);
    attempt(false);
  });
});

describe("an administrator's direct act", () => {
  it("an admin or a programme manager in scope makes the relationship without asking, audited; the coachee and their coaches are told; a waiting request ends", async () => {
    const w = await createWorld(db);
    const newCoach = await createActor(db, w.org.id, "COACH", { account: { firstName: "Dir", lastName: "Ect" } });
    await addCoachee(db, newCoach, typed(w.participant.email));
    const input = { coachMembershipId: newCoach.membershipId, email: w.participant.email };
    // Not a coach, nor a participant, nor a sponsor.
    for (const who of [w.coach, newCoach, w.participant, w.sponsor]) {
      await expect(linkCoachee(db, who, input)).rejects.toThrow(ForbiddenError);
      attempt(false);
    }
    // A programme manager out of scope: the participant is in none of their programmes.
    const outsidePm = await createActor(db, w.org.id, "PROGRAM_MANAGER");
    await expect(linkCoachee(db, outsidePm, input)).rejects.toThrow(NotFoundError);
    attempt((await coachCount(newCoach, w.participant.membershipId)) > 0);
    // Another organisation's admin: the coach is not found.
    await expect(linkCoachee(db, w.other.admin, input)).rejects.toThrow(NotFoundError);
    // Only participants can be linked.
    expect(await fieldErrorsOf(linkCoachee(db, w.admin, { ...input, email: w.sponsor.email }))).toMatchObject({
      email: ["No participant here has this email"],
    });

    // A programme manager in scope, but the participant is on none of their programmes' pathways.
    const unplaced = await createMember(db, w.org.id);
    expect(
      await fieldErrorsOf(linkCoachee(db, w.pm, { coachMembershipId: w.coach.membershipId, email: unplaced.user.email })),
    ).toMatchObject({
      email: ["No participant in your programmes has this email"],
    });
    expect(attempt((await coachCount(w.coach, unplaced.membership.id)) > 0)).toBe(false);

    await expect(linkCoachee(db, w.admin, input)).resolves.toEqual({ coacheeId: w.participant.membershipId });
    expect(await coachCount(newCoach, w.participant.membershipId)).toBe(1);
    expect(await requestOf(newCoach, w.participant.membershipId)).toBeNull();
    expect(await db.notification.count({ where: { organizationId: w.org.id, kind: "coaching.requested" } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId: w.org.id, action: "coaching.link" } });
    expect(audit).toMatchObject({
      actorId: w.admin.userId,
      targetId: w.participant.membershipId,
      after: { coachMembershipId: newCoach.membershipId },
    });
    const told = await db.notification.findMany({ where: { organizationId: w.org.id, kind: "coaching.started" } });
    expect(told.map((n) => n.recipientMembershipId).sort()).toEqual([w.coach.membershipId, w.participant.membershipId].sort());
    expect((await listNotifications(db, w.participant)).items.map((i) => i.sentence)).toContain("Test admin made Dir Ect your coach");
    expect(await fieldErrorsOf(linkCoachee(db, w.admin, input))).toMatchObject({ email: ["Already coached by this coach"] });

    // Positive control for a programme manager: a participant on a pathway of their programme, with a
    // coach who coaches there (the world's coach).
    const placed = await createMember(db, w.org.id);
    const placedCoach = await createActor(db, w.org.id, "COACH");
    await createPathway(db, { cohort: w.cohort, participant: placed.membership, coach: placedCoach.membership });
    await expect(linkCoachee(db, w.pm, { coachMembershipId: w.coach.membershipId, email: placed.user.email })).resolves.toEqual({
      coacheeId: placed.membership.id,
    });
    expect(await coachCount(w.coach, placed.membership.id)).toBe(1);
    expect(await db.auditEvent.count({ where: { organizationId: w.org.id, action: "coaching.link", actorId: w.pm.userId } })).toBe(1);
  });
});

describe("the request email, through a real SMTP server", () => {
  it("arrives with a link to the requests page (through sign-in, no token) and nothing of the coachee's", async () => {
    const smtp = await startSmtpServer();
    try {
      const w = await createWorld(db);
      const newCoach = await createActor(db, w.org.id, "COACH", { account: { firstName: "Mia", lastName: "Mail" } });
      await db.emailOutbox.updateMany({ where: { status: "PENDING" }, data: { status: "FAILED" } });
      await addCoachee(db, newCoach, typed(w.participant.email));
      // The one outbox is shared with other test files, which deliver to servers of their own or set
      // everything pending aside: if one took ours, the notification's email is made again.
      const ours = () => smtp.messages.filter((m) => m.recipients.includes(w.participant.email));
      for (let tries = 0; ours().length === 0 && tries < 5; tries++) {
        if (tries > 0) {
          await db.emailOutbox.deleteMany({ where: { organizationId: w.org.id, toAddress: w.participant.email } });
          await db.notificationEmail.deleteMany({ where: { organizationId: w.org.id } });
          await db.notification.updateMany({
            where: { organizationId: w.org.id, recipientMembershipId: w.participant.membership.id },
            data: { emailedAt: null, emailDueAt: new Date() },
          });
        }
        await runNotificationEmails(db, afterWindow());
        await deliverDueEmails(db, smtpTransport(smtp.url), { from: "Pathwise <no-reply@pathwise.test>" });
      }
      const [message] = ours();
      const mail = await simpleParser(message.raw);
      expect(mail.subject).toBe("Mia Mail asked to be your coach: accept or decline");
      expect(mail.text).toContain(`http://localhost:3000/${w.org.slug}/coaching-requests#request-`);
      expect(mail.text).not.toMatch(/\/invite\//);
      // Nobody else of this organisation was emailed (the server also gets other test files' mail).
      const others = (await db.membership.findMany({ where: { organizationId: w.org.id }, select: { user: { select: { email: true } } } }))
        .map((m) => m.user.email)
        .filter((email) => email !== w.participant.email);
      expect(smtp.messages.filter((m) => m.recipients.some((r) => others.includes(r)))).toEqual([]);
    } finally {
      await smtp.close();
    }
  });
});

describe("figures", () => {
  it("records the consent figures counted above", () => {
    expect(tally.attempts).toBeGreaterThan(0);
    recordFigures("coaching consent", { consentBypassAttempts: tally.attempts, consentBypasses: tally.bypasses });
    expect(tally.bypasses).toBe(0);
  });
});
