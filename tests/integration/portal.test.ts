import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client";
import { ForbiddenError } from "../../lib/errors";
import { HOME_SESSIONS, participantHome } from "../../lib/portal/home";
import { coachUpcomingSessions, participantSessions, sessionsPageSchema, SESSIONS_PAGE_SIZE } from "../../lib/sessions/lists";
import {
  createActionItem,
  createActor,
  createCoachingRelationship,
  createCoachingSession,
  createGoal,
  createPathway,
  type TestActor,
} from "../factories";
import { testDb } from "../support/db";
import { createWorld } from "../support/world";

const db = testDb();
const DAY = 86_400_000;
const firstPage = sessionsPageSchema.parse({});

/** A session between a coach and a coachee, with or without a pathway. */
function session(
  db: Db,
  { coach, coachee, pathwayId = null }: { coach: TestActor; coachee: TestActor; pathwayId?: string | null },
  over: { title: string; inDays: number; status?: "SCHEDULED" | "ATTENDED" | "CANCELLED" | "NO_SHOW"; location?: string },
) {
  return db.coachingSession.create({
    data: {
      organizationId: coach.organizationId,
      coachMembershipId: coach.membershipId,
      coacheeMembershipId: coachee.membershipId,
      pathwayId,
      title: over.title,
      scheduledAt: new Date(Date.now() + over.inDays * DAY),
      durationMinutes: 45,
      location: over.location ?? "",
      status: over.status ?? "SCHEDULED",
    },
  });
}

/**
 * The world's participant (on a pathway with the world's coach, who has 6 sessions) with a second coach
 * who added her; beside her another participant with the same coach, and a coach of nobody here.
 */
async function portalWorld() {
  const w = await createWorld(db, { programme: { sessionsIncluded: 6 } });
  const secondCoach = await createActor(db, w.org.id, "COACH", { account: { firstName: "Second", lastName: "Coach" } });
  const neighbour = await createActor(db, w.org.id, "PARTICIPANT", { account: { firstName: "Nick", lastName: "Neighbour" } });
  const unrelatedCoach = await createActor(db, w.org.id, "COACH", { account: { firstName: "Una", lastName: "Related" } });
  await createCoachingRelationship(db, { coach: secondCoach.membership, coachee: w.participant.membership });
  const neighbourPathway = await createPathway(db, { cohort: w.cohort, participant: neighbour.membership, coach: w.coach.membership });
  const pathway = w.pathway!;
  await createCoachingSession(db, pathway, { title: "Attended kick-off", status: "ATTENDED" });
  await createCoachingSession(db, pathway, { title: "Attended second", status: "ATTENDED" });
  await session(
    db,
    { coach: w.coach, coachee: w.participant, pathwayId: pathway.id },
    { title: "Her next", inDays: 2, location: "https://meet.example/x" },
  );
  await session(db, { coach: secondCoach, coachee: w.participant }, { title: "Her off-pathway", inDays: 3 });
  await session(db, { coach: w.coach, coachee: w.participant }, { title: "Her cancelled", inDays: 4, status: "CANCELLED" });
  await session(db, { coach: w.coach, coachee: neighbour, pathwayId: neighbourPathway.id }, { title: "Neighbour's next", inDays: 1 });
  await session(db, { coach: unrelatedCoach, coachee: neighbour }, { title: "Unrelated coach's", inDays: 1 });
  // Another organisation's session, for lists to (wrongly) pick up.
  const theirParticipant = await createActor(db, w.other.org.id, "PARTICIPANT");
  await session(db, { coach: w.other.coach, coachee: theirParticipant }, { title: "Other organisation's", inDays: 1 });
  return { ...w, secondCoach, neighbour, unrelatedCoach };
}

describe("the participant's home and sessions", () => {
  let w: Awaited<ReturnType<typeof portalWorld>>;
  beforeAll(async () => {
    w = await portalWorld();
  });

  it("the home shows only her own coaches, upcoming scheduled sessions and pathways", async () => {
    const home = await participantHome(db, w.participant);
    expect(home.coaches.map((c) => c.name)).toEqual(["Test coach", "Second Coach"]);
    expect(home.coaches.map((c) => c.id)).toEqual([w.coach.membershipId, w.secondCoach.membershipId]);
    expect(home.sessions.map((s) => [s.title, s.coachName])).toEqual([
      ["Her next", "Test coach"],
      ["Her off-pathway", "Second Coach"],
    ]);
    expect(home.sessions[0].location).toBe("https://meet.example/x");
    expect(home.pathways).toEqual([
      expect.objectContaining({ id: w.pathway!.id, coachName: "Test coach", used: 2, left: 4, included: 6, cohort: "Spring" }),
    ]);

    // The neighbour: his own coach and session only, none of hers.
    const his = await participantHome(db, w.neighbour);
    expect(his.coaches.map((c) => c.id)).toEqual([w.coach.membershipId]);
    expect(his.sessions.map((s) => s.title)).toEqual(["Neighbour's next", "Unrelated coach's"]);
    expect(his.pathways.map((p) => p.used)).toEqual([0]);
    expect(JSON.stringify(his)).not.toContain("Her next");
  });

  it("the home sums up her own goals and actions: the first goals, open actions due first, overdue on her calendar", async () => {
    const x = await createWorld(db, { members: ["coach", "participant"] });
    const me = x.participant.membership;
    const goals = [];
    for (const title of ["First", "Second", "Third", "Fourth"]) goals.push(await createGoal(db, me, { title, position: goals.length }));
    await createActionItem(db, me, { title: "Late", dueDate: new Date("2020-01-01"), goal: goals[0] });
    await createActionItem(db, me, { title: "Soonest", dueDate: new Date("2999-01-01") });
    await createActionItem(db, me, { title: "Done", progress: 100, dueDate: new Date("2019-01-01") });
    // Someone else's goals and actions stay out.
    await createGoal(db, w.neighbour.membership, { title: "His goal" });
    await createActionItem(db, w.neighbour.membership, { title: "His action", dueDate: new Date("2020-01-01") });
    const home = await participantHome(db, x.participant);
    expect(home.goals.total).toBe(4);
    expect(home.goals.first.map((g) => g.title)).toEqual(["First", "Second", "Third"]);
    expect(home.actions).toMatchObject({ open: 2, overdue: 1 });
    expect(home.actions.next.map((a) => [a.title, a.due])).toEqual([
      ["Late", "overdue"],
      ["Soonest", null],
    ]);
    expect(JSON.stringify(home)).not.toContain("His ");
  });

  it("the home lists at most a handful of sessions, soonest first", async () => {
    const x = await createWorld(db, { members: ["coach", "participant"] });
    for (let i = HOME_SESSIONS + 2; i > 0; i--)
      await session(db, { coach: x.coach, coachee: x.participant }, { title: `S${i}`, inDays: i });
    const home = await participantHome(db, x.participant);
    expect(home.sessions.map((s) => s.title)).toEqual(Array.from({ length: HOME_SESSIONS }, (_, i) => `S${i + 1}`));
  });

  it("her Sessions page: her own upcoming (any status) and past sessions, paged", async () => {
    const { upcoming, past } = await participantSessions(db, w.participant, firstPage);
    expect(upcoming.rows.map((r) => [r.title, r.coachName, r.pathway !== null, r.status])).toEqual([
      ["Her next", "Test coach", true, "SCHEDULED"],
      ["Her off-pathway", "Second Coach", false, "SCHEDULED"],
      ["Her cancelled", "Test coach", false, "CANCELLED"],
    ]);
    expect(past.rows.map((r) => r.title).sort()).toEqual(["Attended kick-off", "Attended second"]);
    expect(past.rows[0].pathway).toBe(`${w.programme.name} › Spring`);

    const x = await createWorld(db, { members: ["coach", "participant"] });
    for (let i = 0; i < SESSIONS_PAGE_SIZE + 3; i++)
      await session(db, { coach: x.coach, coachee: x.participant }, { title: `P${i}`, inDays: -1 - i });
    const second = await participantSessions(db, x.participant, sessionsPageSchema.parse({ past: "2" }));
    expect(second.past).toMatchObject({ page: 2, pages: 2, total: SESSIONS_PAGE_SIZE + 3 });
    expect(second.past.rows.map((r) => r.title)).toEqual([
      `P${SESSIONS_PAGE_SIZE}`,
      `P${SESSIONS_PAGE_SIZE + 1}`,
      `P${SESSIONS_PAGE_SIZE + 2}`,
    ]);
    expect(second.upcoming.rows).toEqual([]);
  });

  it("a coach's Sessions page: their own upcoming scheduled sessions across coachees, nobody else's", async () => {
    const mine = await coachUpcomingSessions(db, w.coach, firstPage);
    expect(mine.rows.map((r) => [r.title, r.coacheeName])).toEqual([
      ["Neighbour's next", "Nick Neighbour"],
      ["Her next", "Test participant"],
    ]);
    expect(mine.rows[1]).toMatchObject({ coacheeId: w.participant.membershipId, pathwayId: w.pathway!.id });
    // The second coach of the same coachee sees only the session they run, not the first coach's.
    expect((await coachUpcomingSessions(db, w.secondCoach, firstPage)).rows.map((r) => r.title)).toEqual(["Her off-pathway"]);
    expect((await coachUpcomingSessions(db, w.unrelatedCoach, firstPage)).rows.map((r) => r.title)).toEqual(["Unrelated coach's"]);
    // Another organisation's coach: theirs only.
    expect((await coachUpcomingSessions(db, w.other.coach, firstPage)).rows.map((r) => r.title)).toEqual(["Other organisation's"]);
  });

  it("each is its own role's: admins, programme managers and the other side are forbidden", async () => {
    for (const actor of [w.admin, w.owner, w.pm, w.sponsor, w.coach]) {
      await expect(participantHome(db, actor)).rejects.toThrow(ForbiddenError);
      await expect(participantSessions(db, actor, firstPage)).rejects.toThrow(ForbiddenError);
    }
    for (const actor of [w.admin, w.owner, w.pm, w.sponsor, w.participant]) {
      await expect(coachUpcomingSessions(db, actor, firstPage)).rejects.toThrow(ForbiddenError);
    }
    // Positive controls beside them: each page's own role gets its own sessions.
    await expect(participantHome(db, w.participant)).resolves.toMatchObject({
      sessions: [{ title: "Her next" }, { title: "Her off-pathway" }],
    });
    await expect(participantSessions(db, w.participant, firstPage)).resolves.toMatchObject({
      upcoming: { rows: [{ title: "Her next" }, { title: "Her off-pathway" }, { title: "Her cancelled" }] },
    });
    await expect(coachUpcomingSessions(db, w.coach, firstPage)).resolves.toMatchObject({
      rows: [{ title: "Neighbour's next" }, { title: "Her next" }],
    });
  });
});
