import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { appointmentSchema, scheduleAppointment } from "../../lib/coachees/sessions";
import { ForbiddenError } from "../../lib/errors";
import { isoDay } from "../../lib/format/dates";
import { cancelSession, editSession } from "../../lib/sessions/changes";
import { createFeed, feedStatus, readFeed, revokeFeed } from "../../lib/sessions/feed";
import { sessionUid } from "../../lib/sessions/ical";
import { createActor, createCoachingRelationship } from "../factories";
import type { TestActor } from "../factories";
import { recordFigures } from "../support/figures";
import { testDb } from "../support/db";
import { createWorld, type World } from "../support/world";

const db = testDb();

let day = 0;
const nextDay = () => isoDay(new Date(Date.now() + ++day * 86_400_000));

function appointment(coach: TestActor, coachee: TestActor, title: string, over: Record<string, string> = {}) {
  return scheduleAppointment(
    db,
    coach,
    appointmentSchema.parse({
      coacheeMembershipId: coachee.membership.id,
      title,
      date: nextDay(),
      time: "09:00",
      timezone: "Australia/Sydney",
      durationMinutes: "30",
      location: "https://meet.example/r",
      pathwayId: "",
      ...over,
    }),
  );
}

const tokenOf = (url: string) => /\/feeds\/([^/]+)\.ics$/.exec(url)![1];

/** A feed's events, read by ical.js: UID -> summary, status and start. */
function eventsOf(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, status: v.getFirstPropertyValue("status"), start: e.startDate.toJSDate(), v };
  });
}

async function read(url: string, etag: string | null = null) {
  return readFeed(db, tokenOf(url), etag);
}

describe("a person's calendar feed", () => {
  let w: World<"admin" | "coach" | "participant" | "sponsor">;
  let otherCoach: TestActor;
  beforeAll(async () => {
    w = await createWorld(db, { members: ["admin", "coach", "participant", "sponsor"] });
    otherCoach = await createActor(db, w.org.id, "COACH");
    await createCoachingRelationship(db, { coach: otherCoach.membership, coachee: w.participant.membership });
  });

  it("holds exactly the person's own sessions, as coach or as coachee: titles, times and links, never anyone's notes or address", async () => {
    const mine = await appointment(w.coach, w.participant, "Ours");
    const theirs = await appointment(otherCoach, w.participant, "With her other coach");
    const elsewhere = await appointment(
      w.other.coach,
      await createActor(db, w.other.org.id, "PARTICIPANT").then(async (p) => {
        await createCoachingRelationship(db, { coach: w.other.coach.membership, coachee: p.membership });
        return p;
      }),
      "Another organisation's",
    );

    const coachFeed = await createFeed(db, w.coach);
    const participantFeed = await createFeed(db, w.participant);
    const coachRead = await read(coachFeed.url);
    const participantRead = await read(participantFeed.url);
    if (coachRead.status !== 200 || participantRead.status !== 200) throw new Error("both feeds answer 200");
    const coachEvents = eventsOf(coachRead.body);
    const participantEvents = eventsOf(participantRead.body);
    expect(coachEvents.map((e) => e.uid)).toEqual([sessionUid(mine.id)]);
    expect(participantEvents.map((e) => e.uid).sort()).toEqual([sessionUid(mine.id), sessionUid(theirs.id)].sort());
    expect(JSON.stringify([coachRead.body, participantRead.body])).not.toContain(sessionUid(elsewhere.id));
    // Nobody's address, no attendees: the link may be shared by mistake.
    for (const body of [coachRead.body, participantRead.body]) {
      expect(body).not.toContain(w.coach.user.email);
      expect(body).not.toContain(w.participant.user.email);
      expect(body).not.toMatch(/^(ATTENDEE|ORGANIZER)/m);
    }
    // The start, exact in Sydney's zone.
    const ours = coachEvents[0];
    expect(ours.v.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Australia/Sydney");
    expect(ours.start.toISOString()).toBe(mine.scheduledAt.toISOString());
    recordFigures("calendar feed", { feedsChecked: 2, feedLeaks: 0 });
  });

  it("writes each session at its moment across daylight-saving changes in three zones, read back by ical.js", async () => {
    const coach = await createActor(db, w.org.id, "COACH");
    const coachee = await createActor(db, w.org.id, "PARTICIPANT");
    await createCoachingRelationship(db, { coach: coach.membership, coachee: coachee.membership });
    // 09:00 local on each side of a change: the same wall clock, another moment. (Days relative to today,
    // inside the feed's window, are not enough for a change of clocks: these dates are fixed, so the
    // feed is read as of 1 March 2026.)
    const cases = [
      ["Europe/London", "2026-03-28", "2026-03-28T09:00:00.000Z"],
      ["Europe/London", "2026-03-30", "2026-03-30T08:00:00.000Z"],
      ["America/New_York", "2026-03-07", "2026-03-07T14:00:00.000Z"],
      ["America/New_York", "2026-03-09", "2026-03-09T13:00:00.000Z"],
      ["Australia/Sydney", "2026-04-04", "2026-04-03T22:00:00.000Z"],
      ["Australia/Sydney", "2026-04-06", "2026-04-05T23:00:00.000Z"],
    ] as const;
    const made = new Map<string, string>();
    for (const [zone, date, utc] of cases) {
      const s = await appointment(coach, coachee, `In ${zone} on ${date}`, { date, timezone: zone });
      made.set(sessionUid(s.id), utc);
    }
    const { url } = await createFeed(db, coach);
    const read = await readFeed(db, tokenOf(url), null, new Date("2026-03-01T00:00:00Z"));
    if (read.status !== 200) throw new Error("the feed answers");
    const events = eventsOf(read.body);
    expect(events).toHaveLength(cases.length);
    for (const e of events) expect(e.start.toISOString(), e.summary).toBe(made.get(e.uid));
  });

  it("answers 304 while nothing changed, and the new state once a session moves or is cancelled", async () => {
    const session = await appointment(w.coach, w.participant, "Polled");
    const { url } = await createFeed(db, w.coach);
    const first = await read(url);
    if (first.status !== 200) throw new Error("200 first");
    expect(await read(url, first.etag)).toEqual({ status: 304, etag: first.etag });
    expect((await read(url, `"stale", ${first.etag}`)).status).toBe(304);
    await editSession(db, w.coach, {
      sessionId: session.id,
      title: "Polled, moved",
      date: nextDay(),
      time: "10:00",
      timezone: "Australia/Sydney",
      durationMinutes: 30,
      location: "",
    });
    const moved = await read(url, first.etag);
    if (moved.status !== 200) throw new Error("a moved session changes the feed");
    expect(moved.etag).not.toBe(first.etag);
    expect(eventsOf(moved.body).find((e) => e.uid === sessionUid(session.id))?.summary).toBe("Polled, moved");
    await cancelSession(db, w.coach, { sessionId: session.id, reason: "" });
    const cancelled = await read(url, moved.etag);
    if (cancelled.status !== 200) throw new Error("a cancelled session changes the feed");
    expect(eventsOf(cancelled.body).find((e) => e.uid === sessionUid(session.id))?.status).toBe("CANCELLED");
  });

  it("a new link replaces the old one at once; a revoked link, a made-up one and a deactivated member's are all 404", async () => {
    const first = await createFeed(db, w.participant);
    const second = await createFeed(db, w.participant);
    expect(await read(first.url)).toEqual({ status: 404 });
    expect((await read(second.url)).status).toBe(200);
    expect(await feedStatus(db, w.participant)).toMatchObject({ createdAt: expect.any(Date) });
    // Only the hash is kept.
    const rows = await db.calendarFeed.findMany({ where: { membershipId: w.participant.membershipId } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(tokenOf(second.url));

    await revokeFeed(db, w.participant);
    expect(await read(second.url)).toEqual({ status: 404 });
    expect(await feedStatus(db, w.participant)).toBeNull();
    expect(await readFeed(db, "x".repeat(43), null)).toEqual({ status: 404 });
    expect(await readFeed(db, "../../etc/passwd", null)).toEqual({ status: 404 });

    const leaving = await createActor(db, w.org.id, "COACH");
    const theirs = await createFeed(db, leaving);
    expect((await read(theirs.url)).status).toBe(200);
    await db.membership.updateMany({ where: { id: leaving.membershipId }, data: { status: "DEACTIVATED" } });
    expect(await read(theirs.url)).toEqual({ status: 404 });
  });

  it("is for people with sessions of their own: an admin or a sponsor has none to make", async () => {
    await expect(createFeed(db, w.admin)).rejects.toThrow(ForbiddenError);
    await expect(createFeed(db, w.sponsor)).rejects.toThrow(ForbiddenError);
    expect(await db.calendarFeed.count({ where: { membershipId: { in: [w.admin.membershipId, w.sponsor.membershipId] } } })).toBe(0);
    // Positive control: a coach of the same organisation.
    await expect(createFeed(db, w.coach)).resolves.toMatchObject({ url: expect.stringMatching(/\/feeds\/[A-Za-z0-9_-]{43}\.ics$/) });
    // Revoking one's own touches nobody else's.
    const coachFeed = await createFeed(db, w.coach);
    const otherFeed = await createFeed(db, otherCoach);
    await revokeFeed(db, w.coach);
    expect(await read(coachFeed.url)).toEqual({ status: 404 });
    expect((await read(otherFeed.url)).status).toBe(200);
  });
});
