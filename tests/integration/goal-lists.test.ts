import { beforeAll, describe, expect, it } from "vitest";
import { english } from "../support/english";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors";
import { coacheeFilterSchema, listCoachees } from "../../lib/coachees/coachees";
import { coacheesNeedingAttention, QUIET_DAYS } from "../../lib/goals/attention";
import { sendMessage } from "../../lib/messages/send";
import { setActionItemProgress, updateActionItem, updateActionItemSchema } from "../../lib/goals/action-items";
import { ACTION_ITEMS_PAGE_SIZE, actionItemFilterSchema, listActionItems } from "../../lib/goals/list-action-items";
import { goalsView } from "../../lib/goals/views";
import { createActionItemFormSchema, moveActionItemFormSchema, placeValue } from "../../lib/goals/place-choice";
import { createActionItem as addAction, moveActionItem } from "../../lib/goals/action-items";
import { createActionItem, createActor, createCoachingRelationship, createGoal, createMilestone, createPathway } from "../factories";
import { testDb } from "../support/db";
import { createWorld } from "../support/world";

const db = testDb();

// 12:00 UTC on 10 March 2026 is already 01:00 on 11 March in Auckland (UTC+13): the coachee's day.
const NOW = new Date("2026-03-10T12:00:00Z");
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const filter = (q: Record<string, string> = {}) => actionItemFilterSchema.parse(q);

async function listWorld() {
  const w = await createWorld(db);
  // A coachee of the world's coach living in Auckland, with a goal, a milestone and seven actions.
  const coachee = await createActor(db, w.org.id, "PARTICIPANT", { account: { timezone: "Pacific/Auckland" } });
  await createCoachingRelationship(db, { coach: w.coach.membership, coachee: coachee.membership });
  const otherCoach = await createActor(db, w.org.id, "COACH");
  const goal = await createGoal(db, coachee.membership, { title: "Lead the team" });
  const milestone = await createMilestone(db, goal, { title: "First month" });
  const make = (title: string, dueDate: string | null, extra: { progress?: number } = {}) =>
    createActionItem(db, coachee.membership, { title, dueDate: dueDate ? day(dueDate) : null, milestone, ...extra });
  const a = {
    late: await make("Late", "2026-03-09"),
    yesterday: await make("Yesterday in Auckland", "2026-03-10"),
    soon: await make("Soon", "2026-03-12"),
    week: await make("This week", "2026-03-17"),
    later: await make("Later", "2026-03-18"),
    undated: await make("Undated", null),
    done: await make("Done", "2026-03-01", { progress: 100 }),
  };
  return { ...w, coachee, otherCoach, goal, milestone, a };
}
type ListWorld = Awaited<ReturnType<typeof listWorld>>;

describe("listActionItems: filters, sort and pages on the coachee's calendar", () => {
  let w: ListWorld;
  beforeAll(async () => {
    w = await listWorld();
  });
  const titles = async (q: Record<string, string> = {}) =>
    (await listActionItems(db, w.coach, w.coachee.membershipId, filter(q), NOW)).rows.map((r) => r.title);

  it("reads today in the coachee's time zone (theirs once joined) and says so", async () => {
    const list = await listActionItems(db, w.coach, w.coachee.membershipId, filter(), NOW);
    expect(list).toMatchObject({ zone: "Pacific/Auckland", zoneSource: "coachee", today: day("2026-03-11"), total: 7, pages: 1 });
  });

  it("filters open, due this week, overdue and done", async () => {
    expect(await titles({ status: "open" })).toEqual(["Late", "Yesterday in Auckland", "Soon", "This week", "Later", "Undated"]);
    // The coming seven days: the 11th to the 17th in Auckland.
    expect(await titles({ status: "week" })).toEqual(["Soon", "This week"]);
    // Due on the 10th: overdue in Auckland, though it is still the 10th in UTC.
    expect(await titles({ status: "overdue" })).toEqual(["Late", "Yesterday in Auckland"]);
    expect(await titles({ status: "done" })).toEqual(["Done"]);
    // No filter, or one that does not parse: everything.
    expect(await titles({ status: "everything" })).toHaveLength(7);
  });

  it("marks each open action overdue or due soon, never a done or undated one", async () => {
    const rows = (await listActionItems(db, w.coachee, w.coachee.membershipId, filter(), NOW)).rows;
    expect(Object.fromEntries(rows.map((r) => [r.title, r.due]))).toEqual({
      Done: null,
      Late: "overdue",
      "Yesterday in Auckland": "overdue",
      Soon: "soon",
      "This week": null,
      Later: null,
      Undated: null,
    });
    // With its place and the goal's figure (what the slider changes).
    expect(rows[0]).toMatchObject({ goal: { id: w.goal.id, title: "Lead the team" }, milestone: { id: w.milestone.id } });
  });

  it("the Goals view marks the same actions in the tree, on the same calendar; another coach gets not found", async () => {
    const view = await goalsView(db, w.coach, w.coachee.membershipId, { now: NOW });
    expect(view).toMatchObject({ zone: "Pacific/Auckland", zoneSource: "coachee", today: day("2026-03-11") });
    const actions = view.open!.milestones[0].actions.shown;
    expect(Object.fromEntries(actions.map((a) => [a.title, a.due]))).toMatchObject({
      Late: "overdue",
      Soon: "soon",
      Later: null,
      Done: null,
    });
    await expect(goalsView(db, w.otherCoach, w.coachee.membershipId, { now: NOW })).rejects.toThrow(NotFoundError);
    await expect(goalsView(db, w.admin, w.coachee.membershipId, { now: NOW })).rejects.toThrow(ForbiddenError);
  });

  it("sorts by due date either way, undated last both times", async () => {
    expect(await titles()).toEqual(["Done", "Late", "Yesterday in Auckland", "Soon", "This week", "Later", "Undated"]);
    expect(await titles({ dir: "desc" })).toEqual(["Later", "This week", "Soon", "Yesterday in Auckland", "Late", "Done", "Undated"]);
  });

  it("pages 25 at a time; a page past the end shows the last", async () => {
    const busy = await createActor(db, w.org.id, "PARTICIPANT");
    for (let i = 0; i < ACTION_ITEMS_PAGE_SIZE + 5; i++)
      await createActionItem(db, busy.membership, {
        title: `Step ${String(i).padStart(2, "0")}`,
        dueDate: day(`2026-04-${String(i + 1).padStart(2, "0")}`),
      });
    const first = await listActionItems(db, busy, busy.membershipId, filter(), NOW);
    expect(first).toMatchObject({ total: 30, pages: 2, page: 1 });
    expect(first.rows).toHaveLength(25);
    const last = await listActionItems(db, busy, busy.membershipId, filter({ page: "99" }), NOW);
    expect(last.page).toBe(2);
    expect(last.rows.map((r) => r.title)).toEqual(["Step 25", "Step 26", "Step 27", "Step 28", "Step 29"]);
  });

  it("falls back to the latest pathway's zone before the coachee joins, and to UTC without one", async () => {
    const invited = await createActor(db, w.org.id, "PARTICIPANT", { status: "NOT_INVITED" });
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: invited.membership });
    expect((await listActionItems(db, w.coach, invited.membershipId, filter(), NOW)).zoneSource).toBe("default");
    expect((await listActionItems(db, w.coach, invited.membershipId, filter(), NOW)).zone).toBe("UTC");
    await createPathway(
      db,
      { cohort: w.cohort, participant: invited.membership, coach: w.coach.membership },
      { timezone: "America/New_York" },
    );
    expect(await listActionItems(db, w.coach, invited.membershipId, filter(), NOW)).toMatchObject({
      zone: "America/New_York",
      zoneSource: "pathway",
    });
  });

  it("answers the coachee and their coach; another coach, another organisation and a missing id get not found; admins are refused", async () => {
    // Positive controls.
    expect((await listActionItems(db, w.coachee, w.coachee.membershipId, filter(), NOW)).total).toBe(7);
    expect((await listActionItems(db, w.coach, w.coachee.membershipId, filter(), NOW)).total).toBe(7);
    // Another coach of the organisation, another participant, another organisation's coach, nonsense ids.
    await expect(listActionItems(db, w.otherCoach, w.coachee.membershipId, filter(), NOW)).rejects.toThrow(NotFoundError);
    await expect(listActionItems(db, w.participant, w.coachee.membershipId, filter(), NOW)).rejects.toThrow(NotFoundError);
    await expect(listActionItems(db, w.other.coach, w.coachee.membershipId, filter(), NOW)).rejects.toThrow(NotFoundError);
    await expect(listActionItems(db, w.coach, "not-an-id", filter(), NOW)).rejects.toThrow(NotFoundError);
    await expect(listActionItems(db, w.coach, "00000000-0000-7000-8000-000000000000", filter(), NOW)).rejects.toThrow(NotFoundError);
    // Those who oversee see figures elsewhere (goalsOverview), never this list.
    for (const role of [w.admin, w.owner, w.pm, w.sponsor])
      await expect(listActionItems(db, role, w.coachee.membershipId, filter(), NOW)).rejects.toThrow(ForbiddenError);
  });
});

describe("coacheesNeedingAttention: overdue and quiet coachees on the coach's dashboard", () => {
  it("lists coachees with overdue actions (on their own day) and those with no activity for 14 days", async () => {
    const w = await listWorld();
    // The world's participant (Pat-like, on the coach's pathway) has nothing and has been a coachee for 20 days.
    const old = addDaysTo(NOW, -20);
    await db.coachingRelationship.updateMany({
      where: { organizationId: w.org.id, coacheeMembershipId: w.participant.membershipId },
      data: { createdAt: old },
    });
    await db.membership.updateMany({ where: { organizationId: w.org.id, id: w.participant.membershipId }, data: { joinedAt: old } });
    // A brand-new coachee with nothing: not quiet yet.
    const fresh = await createActor(db, w.org.id, "PARTICIPANT");
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: fresh.membership });
    // A coachee not yet joined: never listed.
    const invited = await createActor(db, w.org.id, "PARTICIPANT", { status: "INVITED" });
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: invited.membership });
    await createActionItem(db, invited.membership, { dueDate: day("2026-01-01") });

    const moved = await db.action.findMany({ where: { organizationId: w.org.id, coacheeMembershipId: w.coachee.membershipId } });
    // Backdate every row of the Auckland coachee: quiet for 15 days, with two overdue actions.
    await backdate(w.org.id, w.coachee.membershipId, addDaysTo(NOW, -15));
    const result = await coacheesNeedingAttention(db, w.coach, NOW);
    expect(result.overdue).toEqual([{ id: w.coachee.membershipId, name: expect.any(String), count: 2, zone: "Pacific/Auckland" }]);
    expect(result.quiet.map((q) => q.id).sort()).toEqual([w.coachee.membershipId, w.participant.membershipId].sort());
    expect(result.quiet.find((q) => q.id === w.participant.membershipId)?.lastActivityAt).toBeNull();
    expect(moved).toHaveLength(7);

    // Activity (completing an action with the slider) makes them not quiet; so does a message, the same
    // activity the coachee list's "Last activity" shows. Completing the overdue ones clears the overdue list.
    await setActionItemProgress(db, w.coachee, { actionId: w.a.late.id, progress: 100 });
    await updateActionItem(
      db,
      w.coach,
      updateActionItemSchema.parse({ actionId: w.a.yesterday.id, title: "Moved to later", dueDate: "2026-03-20" }),
    );
    await sendMessage(db, w.coach, { to: w.participant.membershipId, body: "How is the plan going?" });
    const after = await coacheesNeedingAttention(db, w.coach, NOW);
    expect(after.quiet.map((q) => q.id)).toEqual([]);
    expect(after.overdue).toEqual([]);
    // The coachee list's "Last activity" tells the same story: within QUIET_DAYS for both.
    const listed = await listCoachees(db, w.coach, coacheeFilterSchema.parse({}));
    for (const id of [w.coachee.membershipId, w.participant.membershipId])
      expect(listed.rows.find((r) => r.id === id)?.lastActivityAt?.getTime()).toBeGreaterThan(addDaysTo(NOW, -QUIET_DAYS).getTime());

    // Quiet is exactly 14 days: one second short of it is not quiet.
    const edge = await createActor(db, w.org.id, "PARTICIPANT");
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: edge.membership });
    await db.coachingRelationship.updateMany({
      where: { organizationId: w.org.id, coacheeMembershipId: edge.membershipId },
      data: { createdAt: old, lastActivityAt: addDaysTo(NOW, -QUIET_DAYS) },
    });
    expect((await coacheesNeedingAttention(db, w.coach, NOW)).quiet.map((q) => q.id)).toContain(edge.membershipId);
    expect((await coacheesNeedingAttention(db, w.coach, new Date(NOW.getTime() - 1000))).quiet.map((q) => q.id)).not.toContain(
      edge.membershipId,
    );
  });

  it("shows each coach only their own coachees; other roles are refused; another organisation sees none of it", async () => {
    const w = await listWorld();
    await backdate(w.org.id, w.coachee.membershipId, addDaysTo(NOW, -30));
    // Positive control: the coachee's coach sees them.
    expect((await coacheesNeedingAttention(db, w.coach, NOW)).overdue.map((o) => o.id)).toEqual([w.coachee.membershipId]);
    // Another coach here, another organisation's coach: nothing of theirs.
    expect(await coacheesNeedingAttention(db, w.otherCoach, NOW)).toEqual({ overdue: [], quiet: [] });
    expect(await coacheesNeedingAttention(db, w.other.coach, NOW)).toEqual({ overdue: [], quiet: [] });
    for (const actor of [w.admin, w.pm, w.participant, w.coachee])
      await expect(coacheesNeedingAttention(db, actor, NOW)).rejects.toThrow(ForbiddenError);
  });
});

describe("the place list on action forms", () => {
  it("spreads a chosen place into goalId and milestoneId; the service checks it is the coachee's", async () => {
    const w = await listWorld();
    const form = (place: string) => ({ coacheeMembershipId: w.coachee.membershipId, title: "Placed", place });
    const onMilestone = await addAction(
      db,
      w.coach,
      createActionItemFormSchema.parse(form(placeValue({ goalId: w.goal.id, milestoneId: w.milestone.id }))),
    );
    expect(await db.action.findFirstOrThrow({ where: { organizationId: w.org.id, id: onMilestone.id } })).toMatchObject({
      goalId: w.goal.id,
      milestoneId: w.milestone.id,
    });
    expect(createActionItemFormSchema.parse(form(`goal:${w.goal.id}`))).toMatchObject({ goalId: w.goal.id, milestoneId: null });
    expect(createActionItemFormSchema.parse(form("none"))).toMatchObject({ goalId: null, milestoneId: null });
    // Nonsense is refused at the field, not turned into "standalone".
    expect(createActionItemFormSchema.safeParse(form("bogus")).success).toBe(false);
    // So is a place sent twice (a repeated field), rather than read as "standalone".
    expect(createActionItemFormSchema.safeParse({ ...form("none"), place: ["none", `goal:${w.goal.id}`] }).success).toBe(false);
    // Moving to another coachee's milestone answers at the field and moves nothing.
    const stranger = await createActor(db, w.org.id, "PARTICIPANT");
    const theirGoal = await createGoal(db, stranger.membership);
    const theirMilestone = await createMilestone(db, theirGoal);
    expect(
      english(
        (
          (await moveActionItem(
            db,
            w.coach,
            moveActionItemFormSchema.parse({ actionId: onMilestone.id, place: `milestone:${theirMilestone.id}` }),
          ).catch((e: unknown) => e)) as ValidationError
        ).fieldErrors,
      ),
    ).toEqual({ milestoneId: ["Choose one of the milestones listed"] });
    expect(await db.action.findFirstOrThrow({ where: { organizationId: w.org.id, id: onMilestone.id } })).toMatchObject({
      milestoneId: w.milestone.id,
    });
    await moveActionItem(db, w.coach, moveActionItemFormSchema.parse({ actionId: onMilestone.id, place: "none" }));
    expect(await db.action.findFirstOrThrow({ where: { organizationId: w.org.id, id: onMilestone.id } })).toMatchObject({
      goalId: null,
      milestoneId: null,
    });
  });
});

function addDaysTo(at: Date, days: number) {
  return new Date(at.getTime() + days * 86_400_000);
}

/** Sets every goal, milestone and action of the coachee (and the relationship) to have last changed at `at`. */
async function backdate(organizationId: string, coacheeMembershipId: string, at: Date) {
  await db.action.updateMany({ where: { organizationId, coacheeMembershipId }, data: { updatedAt: at } });
  const goals = await db.goal.findMany({ where: { organizationId, coacheeMembershipId }, select: { id: true } });
  await db.milestone.updateMany({ where: { organizationId, goalId: { in: goals.map((g) => g.id) } }, data: { updatedAt: at } });
  await db.goal.updateMany({ where: { organizationId, coacheeMembershipId }, data: { updatedAt: at } });
  await db.coachingRelationship.updateMany({ where: { organizationId, coacheeMembershipId }, data: { createdAt: at } });
  await db.activity.updateMany({ where: { organizationId, coacheeMembershipId }, data: { createdAt: at } });
  await db.membership.updateMany({ where: { organizationId, id: coacheeMembershipId }, data: { joinedAt: at } });
  await db.coachingRelationship.updateMany({
    where: { organizationId, coacheeMembershipId, lastActivityAt: { not: null } },
    data: { lastActivityAt: at },
  });
}
