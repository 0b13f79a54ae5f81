import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client";
import type { SessionStatus } from "../../lib/db/generated/enums";
import { ForbiddenError, NotFoundError } from "../../lib/errors";
import { displayClock } from "../../lib/format/dates";
import {
  CALENDAR_MAX_ROWS,
  calendarQuerySchema,
  calendarRange,
  calendarSessions,
  MONTH_DAY_SHOWN,
  type Calendar,
  type CalendarQuery,
} from "../../lib/sessions/calendar";
import { createActor, createCohort, createCoachingRelationship, createPathway, createProgramme, type TestActor } from "../factories";
import { testDb } from "../support/db";
import { createWorld } from "../support/world";

const db = testDb();

/** A session between a coach and a coachee at an exact moment, on a pathway or on none. */
function session(
  db: Db,
  coach: TestActor,
  coachee: TestActor,
  at: string,
  {
    title,
    pathwayId = null,
    status = "SCHEDULED",
    minutes = 60,
  }: { title: string; pathwayId?: string | null; status?: SessionStatus; minutes?: number },
) {
  return db.coachingSession.create({
    data: {
      organizationId: coach.organizationId,
      coachMembershipId: coach.membershipId,
      coacheeMembershipId: coachee.membershipId,
      pathwayId,
      title,
      scheduledAt: new Date(at),
      durationMinutes: minutes,
      status,
    },
  });
}

const query = (q: Partial<CalendarQuery> & { date: string }): CalendarQuery => ({ view: "week", coach: undefined, ...q });
const titles = (c: Calendar) => c.days.flatMap((d) => d.sessions.map((s) => s.title)).sort();
/** The sessions of a calendar by day, each as "title@HH:MM" in the calendar's zone. */
const byDay = (c: Calendar) =>
  Object.fromEntries(
    c.days.filter((d) => d.sessions.length).map((d) => [d.date, d.sessions.map((s) => `${s.title}@${displayClock(s.start, c.zone)}`)]),
  );

describe("the calendar's ranges", () => {
  it("a week runs Monday to Sunday, local midnight to local midnight, across a daylight-saving change", () => {
    // London moves to BST on Sunday 29 March 2026: the week ends at 23:00 UTC, not midnight.
    const london = calendarRange("week", "2026-03-26", "Europe/London");
    expect(london.days).toEqual(["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29"]);
    expect(london.from.toISOString()).toBe("2026-03-23T00:00:00.000Z");
    expect(london.to.toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect([london.anchor, london.previous, london.next]).toEqual(["2026-03-23", "2026-03-16", "2026-03-30"]);
    // Sydney moves to AEDT on Sunday 4 October 2026.
    const sydney = calendarRange("week", "2026-10-04", "Australia/Sydney");
    expect(sydney.from.toISOString()).toBe("2026-09-27T14:00:00.000Z");
    expect(sydney.to.toISOString()).toBe("2026-10-04T13:00:00.000Z");
  });

  it("a month is the whole weeks covering it; the days around it are marked outside", () => {
    const march = calendarRange("month", "2026-03-17", "Europe/London");
    expect(march.days).toHaveLength(42);
    expect([march.days[0], march.days.at(-1), march.anchor, march.previous, march.next]).toEqual([
      "2026-02-23",
      "2026-04-05",
      "2026-03-01",
      "2026-02-01",
      "2026-04-01",
    ]);
    expect(march.to.toISOString()).toBe("2026-04-05T23:00:00.000Z");
    // February 2027 starts on a Monday and has four weeks exactly.
    const february = calendarRange("month", "2027-02-10", "America/New_York");
    expect(february.days).toHaveLength(28);
    expect([february.days[0], february.days.at(-1)]).toEqual(["2027-02-01", "2027-02-28"]);
    expect(february.from.toISOString()).toBe("2027-02-01T05:00:00.000Z");
  });

  it("stops at the years a URL may name, and reads bad URL values as the defaults", () => {
    expect(calendarRange("week", "1900-01-03", "UTC").previous).toBeNull();
    expect(calendarRange("month", "2200-12-05", "UTC").next).toBeNull();
    const parse = (raw: Record<string, string>) => calendarQuerySchema.parse(raw);
    expect(parse({})).toEqual({ view: "week", date: undefined, coach: undefined });
    expect(parse({ view: "year", date: "2026-02-30", coach: "not-an-id" })).toEqual({ view: "week", date: undefined, coach: undefined });
    expect(parse({ view: "month", date: "2201-01-01" })).toMatchObject({ view: "month", date: undefined });
    expect(parse({ view: "month", date: "1899-12-31" })).toMatchObject({ date: undefined });
    expect(parse({ view: "month", date: "2026-02-28" })).toMatchObject({ view: "month", date: "2026-02-28" });
  });
});

describe("sessions at 09:00 local on each side of a daylight-saving change land on their day and time", () => {
  const CASES = [
    {
      zone: "Europe/London",
      week: "2026-03-23",
      // Saturday 09:00 GMT, Sunday 09:00 BST; the next Monday 00:30 BST is still Sunday in UTC, yet next week.
      before: ["2026-03-28", "2026-03-28T09:00:00Z"],
      after: ["2026-03-29", "2026-03-29T08:00:00Z"],
      lastMinute: "2026-03-29T22:30:00Z",
      nextWeek: "2026-03-29T23:30:00Z",
    },
    {
      zone: "America/New_York",
      week: "2026-03-02",
      before: ["2026-03-07", "2026-03-07T14:00:00Z"],
      after: ["2026-03-08", "2026-03-08T13:00:00Z"],
      lastMinute: "2026-03-09T03:30:00Z",
      nextWeek: "2026-03-09T04:30:00Z",
    },
    {
      zone: "Australia/Sydney",
      week: "2026-09-28",
      before: ["2026-10-03", "2026-10-02T23:00:00Z"],
      after: ["2026-10-04", "2026-10-03T22:00:00Z"],
      lastMinute: "2026-10-04T12:30:00Z",
      nextWeek: "2026-10-04T13:30:00Z",
    },
  ];

  for (const c of CASES) {
    it(c.zone, async () => {
      const w = await createWorld(db, { members: ["coach", "participant"], pathway: false });
      await session(db, w.coach, w.participant, c.before[1], { title: "Before" });
      await session(db, w.coach, w.participant, c.after[1], { title: "After" });
      await session(db, w.coach, w.participant, c.lastMinute, { title: "Late" });
      await session(db, w.coach, w.participant, c.nextWeek, { title: "Next week" });
      const week = await calendarSessions(db, w.coach, query({ date: c.week }), { zone: c.zone });
      expect(byDay(week)).toEqual({ [c.before[0]]: ["Before@09:00"], [c.after[0]]: ["After@09:00", "Late@23:30"] });
      const next = await calendarSessions(db, w.coach, query({ date: week.next! }), { zone: c.zone });
      expect(titles(next)).toEqual(["Next week"]);
      expect(next.days[0].sessions[0].start.toISOString()).toBe(new Date(c.nextWeek).toISOString());
      expect(displayClock(next.days[0].sessions[0].start, c.zone)).toBe("00:30");
      // The participant reads the same sessions on the same days in the same zone.
      const theirs = await calendarSessions(db, w.participant, query({ date: c.week, view: "month" }), { zone: c.zone });
      expect(theirs.days.find((d) => d.date === c.after[0])?.sessions.map((s) => s.title)).toEqual(["After", "Late"]);
    });
  }

  it("the viewer's zone decides the day: 23:30 in London is the next morning in Sydney", async () => {
    const w = await createWorld(db, { members: ["coach", "participant"], pathway: false });
    await session(db, w.coach, w.participant, "2026-06-10T22:30:00Z", { title: "Late call" });
    const london = await calendarSessions(db, w.coach, query({ date: "2026-06-10" }), { zone: "Europe/London" });
    const sydney = await calendarSessions(db, w.coach, query({ date: "2026-06-10" }), { zone: "Australia/Sydney" });
    expect(byDay(london)).toEqual({ "2026-06-10": ["Late call@23:30"] });
    expect(byDay(sydney)).toEqual({ "2026-06-11": ["Late call@08:30"] });
  });
});

/**
 * The world's coach (pathway in the world's programme with its participant) also coaches a second
 * participant on a programme the programme manager is not assigned to, and the participant off any
 * pathway; a second coach sees the participant too. Another organisation has a coach and a session.
 */
async function teamWorld() {
  const w = await createWorld(db);
  const otherProgramme = await createProgramme(db, w.org.id);
  const otherCohort = await createCohort(db, otherProgramme);
  const second = await createActor(db, w.org.id, "PARTICIPANT", { account: { firstName: "Sol", lastName: "Second" } });
  const secondPathway = await createPathway(db, { cohort: otherCohort, participant: second.membership, coach: w.coach.membership });
  const coach2 = await createActor(db, w.org.id, "COACH", { account: { firstName: "Cora", lastName: "Twin" } });
  await createCoachingRelationship(db, { coach: coach2.membership, coachee: w.participant.membership });
  const day = "2026-05-12";
  await session(db, w.coach, w.participant, `${day}T09:00:00Z`, { title: "In scope", pathwayId: w.pathway.id });
  await session(db, w.coach, second, `${day}T11:00:00Z`, { title: "Other programme", pathwayId: secondPathway.id });
  await session(db, w.coach, w.participant, `${day}T13:00:00Z`, { title: "Off pathway" });
  await session(db, w.coach, w.participant, `${day}T15:00:00Z`, { title: "Called off", pathwayId: w.pathway.id, status: "CANCELLED" });
  await session(db, coach2, w.participant, `${day}T16:30:00Z`, { title: "Second coach's" });
  const theirs = await createActor(db, w.other.org.id, "PARTICIPANT");
  await session(db, w.other.coach, theirs, `${day}T09:00:00Z`, { title: "Other organisation's" });
  return { ...w, second, coach2, day };
}

describe("who sees which sessions", () => {
  let w: Awaited<ReturnType<typeof teamWorld>>;
  const zone = "UTC";
  beforeAll(async () => {
    w = await teamWorld();
  });
  const week = (actor: TestActor, coach?: string) => calendarSessions(db, actor, query({ date: w.day, coach }), { zone });

  it("a coach sees their own sessions only, cancelled ones marked, whatever coach the URL names", async () => {
    const mine = await week(w.coach);
    expect(mine.mode).toBe("coach");
    expect(titles(mine)).toEqual(["Called off", "In scope", "Off pathway", "Other programme"]);
    expect(mine.days.flatMap((d) => d.sessions).find((s) => s.title === "Called off")?.status).toBe("CANCELLED");
    expect(mine.days.flatMap((d) => d.sessions).find((s) => s.title === "Other programme")?.withName).toBe("Sol Second");
    expect(titles(await week(w.coach, w.coach2.membershipId))).toEqual(titles(mine));
    expect(titles(await week(w.coach2))).toEqual(["Second coach's"]);
  });

  it("a participant sees their own sessions with every coach of theirs, and nobody else's", async () => {
    const mine = await week(w.participant);
    expect(mine.mode).toBe("participant");
    expect(titles(mine)).toEqual(["Called off", "In scope", "Off pathway", "Second coach's"]);
    expect(mine.days.flatMap((d) => d.sessions).find((s) => s.title === "Second coach's")?.withName).toBe("Cora Twin");
    expect(titles(await week(w.second))).toEqual(["Other programme"]);
  });

  it("an admin or an owner picks a coach among all of them and sees all that coach's sessions, read-only", async () => {
    for (const admin of [w.admin, w.owner]) {
      const none = await week(admin);
      expect(none.mode).toBe("oversee");
      expect(none.coach).toBeNull();
      expect(none.total).toBe(0);
      expect(none.coaches.map((c) => c.id)).toEqual(expect.arrayContaining([w.coach.membershipId, w.coach2.membershipId]));
      const theirs = await week(admin, w.coach.membershipId);
      expect(theirs.coach?.id).toBe(w.coach.membershipId);
      expect(titles(theirs)).toEqual(["Called off", "In scope", "Off pathway", "Other programme"]);
    }
  });

  it("a programme manager sees a coach's sessions on their programmes' pathways only, and only coaches there", async () => {
    const scoped = await week(w.pm, w.coach.membershipId);
    // Positive control: the pathway in their programme, cancelled or not.
    expect(titles(scoped)).toEqual(["Called off", "In scope"]);
    const picker = (await week(w.pm)).coaches.map((c) => c.id);
    expect(picker).toContain(w.coach.membershipId);
    expect(picker).not.toContain(w.coach2.membershipId);
    await expect(week(w.pm, w.coach2.membershipId)).rejects.toThrow(NotFoundError);
  });

  it("a sponsor is refused (the page answers them 404, as for every page they may not open)", async () => {
    await expect(week(w.sponsor)).rejects.toThrow(ForbiddenError);
    await expect(week(w.sponsor, w.coach.membershipId)).rejects.toThrow(ForbiddenError);
  });

  it("another organisation's coach answers exactly like a missing one; their own coach opens (positive control)", async () => {
    const own = await week(w.admin, w.coach.membershipId);
    expect(own.total).toBe(4);
    const foreign = await week(w.admin, w.other.coach.membershipId).catch((e: unknown) => e);
    const missing = await week(w.admin, randomUUID()).catch((e: unknown) => e);
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((foreign as Error).message).toBe((missing as Error).message);
    // A member of the organisation who is not a coach is no coach to pick either.
    await expect(week(w.admin, w.participant.membershipId)).rejects.toThrow(NotFoundError);
    // The other organisation's admin does not see this organisation's coach.
    await expect(week(w.other.admin, w.coach.membershipId)).rejects.toThrow(NotFoundError);
  });
});

describe("bounds", () => {
  it("a month's day shows at most a few sessions and folds the rest; that day's week lists them all", async () => {
    const w = await createWorld(db, { members: ["coach", "participant"], pathway: false });
    for (let i = 0; i < MONTH_DAY_SHOWN + 2; i++)
      await session(db, w.coach, w.participant, `2026-07-15T${String(8 + i).padStart(2, "0")}:00:00Z`, { title: `S${i}` });
    const month = await calendarSessions(db, w.coach, query({ view: "month", date: "2026-07-01" }), { zone: "UTC" });
    const day = month.days.find((d) => d.date === "2026-07-15")!;
    expect(day.sessions.map((s) => s.title)).toEqual(["S0", "S1", "S2"]);
    expect(day.more).toBe(2);
    expect(month.total).toBe(5);
    const week = await calendarSessions(db, w.coach, query({ view: "week", date: "2026-07-15" }), { zone: "UTC" });
    expect(week.days.find((d) => d.date === "2026-07-15")?.sessions).toHaveLength(5);
    expect(week.days.every((d) => d.more === 0)).toBe(true);
  });

  it(`reads at most ${CALENDAR_MAX_ROWS} sessions and says it did`, async () => {
    const w = await createWorld(db, { members: ["coach", "participant"], pathway: false });
    // Ten-minute sessions back to back from Monday 00:00 UTC: more than the cap, in one week, never overlapping.
    const start = Date.parse("2026-08-03T00:00:00Z");
    const over = CALENDAR_MAX_ROWS + 5;
    await db.coachingSession.createMany({
      data: Array.from({ length: over }, (_, i) => ({
        organizationId: w.org.id,
        coachMembershipId: w.coach.membershipId,
        coacheeMembershipId: w.participant.membershipId,
        title: `Slot ${i}`,
        scheduledAt: new Date(start + i * 10 * 60_000),
        durationMinutes: 10,
      })),
    });
    const week = await calendarSessions(db, w.coach, query({ date: "2026-08-05" }), { zone: "UTC" });
    expect(week.truncated).toBe(true);
    expect(week.total).toBe(CALENDAR_MAX_ROWS);
    expect(week.days.reduce((n, d) => n + d.sessions.length, 0)).toBe(CALENDAR_MAX_ROWS);
    const month = await calendarSessions(db, w.coach, query({ view: "month", date: "2026-08-05" }), { zone: "UTC" });
    expect(month.truncated).toBe(true);
    expect(Math.max(...month.days.map((d) => d.sessions.length))).toBe(MONTH_DAY_SHOWN);
    expect(month.days.reduce((n, d) => n + d.sessions.length + d.more, 0)).toBe(CALENDAR_MAX_ROWS);
    // Positive control: the week before holds none, and is not cut.
    const before = await calendarSessions(db, w.coach, query({ date: "2026-07-29" }), { zone: "UTC" });
    expect([before.total, before.truncated]).toEqual([0, false]);
  });
});
