import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors";
import { msg } from "../../lib/i18n/msg";
import { availabilitySchema, setAvailability } from "../../lib/sessions/availability";
import { bookingOptions, bookSession, type BookingInput } from "../../lib/sessions/booking";
import { answerBooking, cancelMySession } from "../../lib/sessions/changes";
import { getPathway } from "../../lib/pathways/read";
import { setSessionStatus } from "../../lib/sessions/status";
import { createActor, createCoachingRelationship, createCoachingSession, type TestActor } from "../factories";
import { recordFigures } from "../support/figures";
import { testDb } from "../support/db";
import { createWorld } from "../support/world";

const db = testDb();

const DAYS = [1, 2, 3, 4, 5, 6, 7];
/** An availability form as a coach fills it: every day the same ranges unless `days` says otherwise. */
function form(over: Record<string, unknown> = {}, ranges = "09:00-10:00") {
  return availabilitySchema.parse({
    timezone: "Europe/London",
    ...Object.fromEntries(DAYS.map((d) => [`day${d}`, ranges])),
    lengths: ["60"],
    bufferMinutes: "0",
    noticeHours: "0",
    horizonDays: "30",
    maxPerDay: "",
    daysOff: "",
    cancelWindowHours: "24",
    open: "on",
    ...over,
  });
}

/** A coach and one coachee of theirs in a new organisation. */
async function pair() {
  const w = await createWorld(db, { members: ["coach", "participant", "admin"], programme: { sessionsIncluded: 1 } });
  return w;
}

const slotsOf = async (participant: TestActor, now: Date, query: Record<string, unknown> = {}) =>
  ((await bookingOptions(db, participant, query, now)).chosen?.slots ?? []).map((s) => s.toISOString());

const booking = (coach: TestActor, start: string, over: Partial<BookingInput> = {}): BookingInput => ({
  coachMembershipId: coach.membershipId,
  start,
  length: 60,
  pathwayId: null,
  title: "Booked",
  ...over,
});

describe("availability: free slots", () => {
  it("stay at the coach's wall-clock time across daylight-saving changes in three zones; a skipped time makes none", async () => {
    const w = await pair();
    const cases = [
      {
        zone: "Europe/London",
        now: "2026-03-27T12:00:00Z",
        expect: ["2026-03-28T09:00:00.000Z", "2026-03-29T08:00:00.000Z", "2026-03-30T08:00:00.000Z"],
      },
      {
        zone: "America/New_York",
        now: "2026-03-06T18:00:00Z",
        expect: ["2026-03-07T14:00:00.000Z", "2026-03-08T13:00:00.000Z", "2026-03-09T13:00:00.000Z"],
      },
      {
        zone: "Australia/Sydney",
        now: "2026-04-03T00:00:00Z",
        expect: ["2026-04-03T22:00:00.000Z", "2026-04-04T23:00:00.000Z", "2026-04-05T23:00:00.000Z"],
      },
    ];
    for (const c of cases) {
      await setAvailability(db, w.coach, form({ timezone: c.zone, horizonDays: "3" }));
      expect((await slotsOf(w.participant, new Date(c.now))).slice(0, 3), c.zone).toEqual(c.expect);
    }
    // 01:00-02:00 in London on 29 March 2026 never happens (the clocks go from 01:00 to 02:00).
    await setAvailability(db, w.coach, form({ horizonDays: "3" }, "01:00-02:00"));
    const night = await slotsOf(w.participant, new Date("2026-03-27T12:00:00Z"));
    expect(night).toEqual(["2026-03-28T01:00:00.000Z", "2026-03-30T00:00:00.000Z"]);
  });

  it("keep the buffer around sessions, the notice, the horizon, the daily maximum and the days off", async () => {
    const w = await pair();
    const now = new Date("2026-06-01T00:00:00Z"); // a Monday; London is on BST (UTC+1)
    // 09:00-13:00 in hours; a session 10:00-11:00 (09:00 UTC) on 2 June.
    await createCoachingSession(db, w.pathway, { scheduledAt: new Date("2026-06-02T09:00:00Z"), durationMinutes: 60, status: "SCHEDULED" });
    await setAvailability(db, w.coach, form({ horizonDays: "2" }, "09:00-13:00"));
    const tuesday = (s: string[]) => s.filter((x) => x.startsWith("2026-06-02"));
    expect(tuesday(await slotsOf(w.participant, now))).toEqual([
      "2026-06-02T08:00:00.000Z",
      "2026-06-02T10:00:00.000Z",
      "2026-06-02T11:00:00.000Z",
    ]);
    await setAvailability(db, w.coach, form({ horizonDays: "2", bufferMinutes: "15" }, "09:00-13:00"));
    expect(tuesday(await slotsOf(w.participant, now))).toEqual(["2026-06-02T11:00:00.000Z"]);
    // At most one a day: Tuesday has its one.
    await setAvailability(db, w.coach, form({ horizonDays: "2", maxPerDay: "1" }, "09:00-13:00"));
    expect(tuesday(await slotsOf(w.participant, now))).toEqual([]);
    // Notice of 30 hours: nothing on Monday, Tuesday from 06:00 UTC on.
    await setAvailability(db, w.coach, form({ horizonDays: "2", noticeHours: "30" }, "09:00-13:00"));
    expect((await slotsOf(w.participant, now))[0]).toBe("2026-06-02T08:00:00.000Z");
    // The horizon: three days ahead (to 4 June 00:00 UTC), and no further; a day off is none.
    await setAvailability(db, w.coach, form({ horizonDays: "3", daysOff: "2026-06-02" }, "09:00-13:00"));
    const days = new Set((await slotsOf(w.participant, now)).map((s) => s.slice(0, 10)));
    expect([...days]).toEqual(["2026-06-01", "2026-06-03"]);
  });

  it("refuses malformed availability at its field", () => {
    const bad = (over: Record<string, unknown>, field: string) => {
      const parsed = availabilitySchema.safeParse({
        ...Object.fromEntries(DAYS.map((d) => [`day${d}`, ""])),
        timezone: "UTC",
        lengths: "60",
        bufferMinutes: "0",
        noticeHours: "0",
        horizonDays: "10",
        maxPerDay: "",
        daysOff: "",
        cancelWindowHours: "24",
        open: "on",
        ...over,
      });
      expect(parsed.success, JSON.stringify(over)).toBe(false);
      expect(parsed.error!.issues.map((i) => i.path[0])).toContain(field);
    };
    bad({ day1: "9-12" }, "day1");
    bad({ day2: "12:00-09:00" }, "day2");
    bad({ day3: "09:00-12:00, 11:00-13:00" }, "day3");
    bad({ lengths: "25" }, "lengths");
    bad({ bufferMinutes: "999" }, "bufferMinutes");
    bad({ horizonDays: "0" }, "horizonDays");
    bad({ daysOff: "24/12/2026" }, "daysOff");
    bad({ timezone: "Mars/Olympus" }, "timezone");
  });
});

describe("self-booking", () => {
  it("books a free slot: the coach is told, both calendars get it; a taken or made-up time is refused", async () => {
    const w = await pair();
    await setAvailability(db, w.coach, form({ noticeHours: "0", horizonDays: "10" }));
    const [first] = await slotsOf(w.participant, new Date());
    await db.membership.update({
      where: { organizationId_id: { organizationId: w.org.id, id: w.coach.membershipId } },
      data: { meetingUrl: "https://meet.example/carla" },
    });
    const session = await bookSession(db, w.participant, booking(w.coach, first));
    expect(session.location).toBe("https://meet.example/carla"); // the coach's own room
    expect(session).toMatchObject({
      coachMembershipId: w.coach.membershipId,
      coacheeMembershipId: w.participant.membershipId,
      status: "SCHEDULED",
    });
    expect(
      await db.notification.count({
        where: { recipientMembershipId: w.coach.membershipId, kind: "session.scheduled", subjectId: session.id },
      }),
    ).toBe(1);
    expect(
      await db.emailOutbox.count({
        where: { subject: "Session scheduled: Booked", toAddress: { in: [w.coach.user.email, w.participant.user.email] } },
      }),
    ).toBe(2);
    expect(await slotsOf(w.participant, new Date())).not.toContain(first);
    await expect(bookSession(db, w.participant, booking(w.coach, first))).rejects.toMatchObject({
      message: msg("Booking.server.slotGone"),
    });
    const offGrid = new Date(Date.parse(first) + 24 * 3_600_000 + 15 * 60_000).toISOString();
    await expect(bookSession(db, w.participant, booking(w.coach, offGrid))).rejects.toThrow(ValidationError);
    await expect(bookSession(db, w.participant, booking(w.coach, first, { length: 45 }))).rejects.toThrow(ValidationError);
  });

  it("only with one's own coaches: another coach, another organisation's and a missing one find nothing; other roles may not book", async () => {
    const w = await pair();
    const stranger = await createActor(db, w.org.id, "COACH");
    for (const coach of [w.coach, stranger, w.other.coach]) await setAvailability(db, coach, form());
    const start = (await slotsOf(w.participant, new Date()))[0];
    let attempts = 0;
    for (const coachMembershipId of [stranger.membershipId, w.other.coach.membershipId, crypto.randomUUID()]) {
      attempts++;
      await expect(bookSession(db, w.participant, booking(w.coach, start, { coachMembershipId }))).rejects.toThrow(NotFoundError);
    }
    expect((await bookingOptions(db, w.participant, { coach: stranger.membershipId })).coaches.map((c) => c.id)).toEqual([
      w.coach.membershipId,
    ]);
    await expect(bookSession(db, w.admin, booking(w.coach, start))).rejects.toThrow(ForbiddenError);
    await expect(bookSession(db, w.coach, booking(w.coach, start))).rejects.toThrow(ForbiddenError);
    expect(
      await db.coachingSession.count({ where: { coachMembershipId: { in: [stranger.membershipId, w.other.coach.membershipId] } } }),
    ).toBe(0);
    // Positive control: their own coach.
    await expect(bookSession(db, w.participant, booking(w.coach, start))).resolves.toMatchObject({ status: "SCHEDULED" });
    recordFigures("self-booking", { crossTenantAttempts: attempts, leaks: 0 });
  });

  it("draws from the pathway's allotment and refuses, clearly, when none is left", async () => {
    const w = await pair();
    await setAvailability(db, w.coach, form());
    const [a, b, c] = await slotsOf(w.participant, new Date());
    const options = await bookingOptions(db, w.participant, {});
    expect(options.chosen?.pathways).toEqual([expect.objectContaining({ id: w.pathway.id, left: 1 })]);
    await bookSession(db, w.participant, booking(w.coach, a, { pathwayId: w.pathway.id }));
    await expect(bookSession(db, w.participant, booking(w.coach, b, { pathwayId: w.pathway.id }))).rejects.toMatchObject({
      message: msg("Booking.server.noneLeft"),
    });
    expect((await bookingOptions(db, w.participant, {})).chosen?.pathways[0].left).toBe(0);
    // Without the pathway, the same time is fine.
    await expect(bookSession(db, w.participant, booking(w.coach, b))).resolves.toMatchObject({ pathwayId: null });
    // Another participant's pathway is not theirs to draw from.
    const other = await createActor(db, w.org.id, "PARTICIPANT");
    await createCoachingRelationship(db, { coach: w.coach.membership, coachee: other.membership });
    await expect(bookSession(db, other, booking(w.coach, c, { pathwayId: w.pathway.id }))).rejects.toMatchObject({
      message: msg("Booking.server.choosePathway"),
    });
  });

  it("with a coach who answers each booking: the time is held and the coach asked; approved, both calendars get it; declined, it is free again", async () => {
    const w = await pair();
    await setAvailability(db, w.coach, form({ needsApproval: "on" }));
    const [a, b] = await slotsOf(w.participant, new Date());
    const invitations = () => db.emailOutbox.count({ where: { subject: { startsWith: "Session scheduled: Asked" } } });
    const asked = await bookSession(db, w.participant, booking(w.coach, a, { title: "Asked" }));
    expect(asked.status).toBe("REQUESTED");
    expect(
      await db.notification.count({
        where: { recipientMembershipId: w.coach.membershipId, kind: "session.requested", subjectId: asked.id },
      }),
    ).toBe(1);
    expect(await invitations()).toBe(0);
    expect(await slotsOf(w.participant, new Date())).not.toContain(a);
    // Only the coach (or whoever works the session) answers, and only a booking that waits.
    await expect(answerBooking(db, w.participant, { sessionId: asked.id, answer: "approve" })).rejects.toThrow(ForbiddenError);
    await expect(answerBooking(db, w.other.coach, { sessionId: asked.id, answer: "approve" })).rejects.toThrow(NotFoundError);
    expect((await db.coachingSession.findFirstOrThrow({ where: { id: asked.id } })).status).toBe("REQUESTED");
    await answerBooking(db, w.coach, { sessionId: asked.id, answer: "approve" });
    expect((await db.coachingSession.findFirstOrThrow({ where: { id: asked.id } })).status).toBe("SCHEDULED");
    expect(await invitations()).toBe(2);
    expect(
      await db.notification.count({
        where: { recipientMembershipId: w.participant.membershipId, kind: "session.scheduled", subjectId: asked.id },
      }),
    ).toBe(1);
    await expect(answerBooking(db, w.coach, { sessionId: asked.id, answer: "decline" })).rejects.toMatchObject({
      message: msg("Sessions.server.notRequested"),
    });

    const declined = await bookSession(db, w.participant, booking(w.coach, b, { title: "Declined" }));
    await answerBooking(db, w.coach, { sessionId: declined.id, answer: "decline" });
    expect((await db.coachingSession.findFirstOrThrow({ where: { id: declined.id } })).status).toBe("CANCELLED");
    expect(
      await db.notification.count({
        where: { recipientMembershipId: w.participant.membershipId, kind: "session.cancelled", subjectId: declined.id },
      }),
    ).toBe(1);
    expect(await slotsOf(w.participant, new Date())).toContain(b);
  });

  it("a participant cancels her own session: inside the coach's window it is late, and counts as used where the programme says so", async () => {
    const w = await pair();
    await setAvailability(db, w.coach, form({ cancelWindowHours: "24" }));
    const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);
    const session = (h: number) =>
      createCoachingSession(db, w.pathway, { scheduledAt: inHours(h), durationMinutes: 30, status: "SCHEDULED" });
    const used = async () => (await getPathway(db, w.admin, w.pathway.id)).used;
    const [early, late, lateUncounted, started] = [await session(72), await session(5), await session(6), await session(-1)];
    // Not hers, not a participant's to cancel this way, not any more.
    const other = await createActor(db, w.org.id, "PARTICIPANT");
    await expect(cancelMySession(db, other, { sessionId: early.id, reason: "" })).rejects.toThrow(NotFoundError);
    await expect(cancelMySession(db, w.coach, { sessionId: early.id, reason: "" })).rejects.toThrow(ForbiddenError);
    await expect(cancelMySession(db, w.participant, { sessionId: started.id, reason: "" })).rejects.toMatchObject({
      message: msg("Sessions.server.notScheduled"),
    });
    expect(await used()).toBe(0);

    expect(await cancelMySession(db, w.participant, { sessionId: early.id, reason: "Moved house" })).toEqual({
      late: false,
      countsAsUsed: false,
    });
    await db.programme.updateMany({ where: { id: w.programme.id }, data: { lateCancellationCounts: true } });
    expect(await cancelMySession(db, w.participant, { sessionId: late.id, reason: "" })).toEqual({ late: true, countsAsUsed: true });
    expect(await used()).toBe(1);
    expect((await bookingOptions(db, w.participant, {})).chosen?.pathways[0].left).toBe(0);
    // The coach is told, with the reason.
    expect(
      await db.notification.count({
        where: { recipientMembershipId: w.coach.membershipId, kind: "session.cancelled", subjectId: early.id },
      }),
    ).toBe(1);
    expect((await db.coachingSession.findFirstOrThrow({ where: { id: early.id } })).cancelReason).toBe("Moved house");
    // Where the programme does not count them, a late cancellation is late and nothing more.
    await db.programme.updateMany({ where: { id: w.programme.id }, data: { lateCancellationCounts: false } });
    expect(await cancelMySession(db, w.participant, { sessionId: lateUncounted.id, reason: "" })).toEqual({
      late: true,
      countsAsUsed: false,
    });
    expect(await used()).toBe(1);
    // Set back to scheduled by whoever works it, a session no longer counts as used.
    await setSessionStatus(db, w.admin, { sessionId: late.id, status: "SCHEDULED" });
    expect(await used()).toBe(0);
  });

  it("50 parallel bookings of one slot make exactly one session", async () => {
    const w = await pair();
    await setAvailability(db, w.coach, form());
    const coachees = [w.participant];
    for (let i = 0; i < 9; i++) {
      const p = await createActor(db, w.org.id, "PARTICIPANT");
      await createCoachingRelationship(db, { coach: w.coach.membership, coachee: p.membership });
      coachees.push(p);
    }
    const [slot] = await slotsOf(w.participant, new Date());
    const tries = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => bookSession(db, coachees[i % 10], booking(w.coach, slot))));
    const refusals = tries.filter((t) => t.status === "rejected").map((t) => (t as PromiseRejectedResult).reason as Error);
    for (const r of refusals) expect(r).toBeInstanceOf(ValidationError);
    const made = await db.coachingSession.count({ where: { coachMembershipId: w.coach.membershipId, status: "SCHEDULED" } });
    recordFigures("self-booking race", { concurrentBookings: tries.length, doubleBookings: made - 1 });
    expect(made).toBe(1);
    expect(refusals).toHaveLength(49);
  });
});
