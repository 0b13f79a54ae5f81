// Benchmark of the calendar: a coach's month with SESSIONS sessions in it.
//
//   npm run bench:scheduling   (SESSIONS=500 RUNS=50 OTHER_SESSIONS=20000 to change the size)
//
// Seeds a database of its own: one organisation with a coach who has SESSIONS sessions in June 2026
// (back to back through each day, never overlapping) with 50 coachees, as many again in each other month
// of the year, and OTHER_SESSIONS sessions of 40 other coaches, so the coach's month is a small part of
// the table. Then it times, beside hand-written SQL reading the same rows:
// - calendarSessions, the exact service the Calendar page calls, for the coach's month (read in London's
//   zone), and for one week of it;
// - the same month as an admin sees it, the coach picked (the picker's list of coaches included);
// - a participant's free slots with a second coach who has BOOKED sessions over a quarter and a week of
//   availability (weekdays 09:00-17:00, hour-long sessions, 90 days ahead): bookingOptions, as the
//   booking page calls it, beside the SQL of the sessions it must keep clear of;
// - that coach's calendar feed of those sessions (lib/sessions/feed.ts readFeed), built, and answered
//   served again unchanged (from what it built), and 304 while unchanged, beside the SQL of the same rows;
//   and the building alone (ical-generator on the rows), which only a changed feed pays.
// It prints p50/p95 and the ratios; it never fails on machine speed.
import { performance } from "node:perf_hooks";
import type { Db } from "../lib/db/client";
import { availabilitySchema, setAvailability } from "../lib/sessions/availability";
import { bookingOptions } from "../lib/sessions/booking";
import { calendarQuerySchema, calendarSessions } from "../lib/sessions/calendar";
import { createFeed, readFeed } from "../lib/sessions/feed";
import { CALENDAR_SESSION, sessionsCalendar } from "../lib/sessions/ical";
import { createCoachingRelationship } from "../tests/factories";
import { createMember, createOrganization } from "../tests/factories";
import { actorOf } from "../tests/factories/actor";
import { runBench, percentiles } from "./support";

const SESSIONS = Number(process.env.SESSIONS ?? 500);
const BOOKED = Number(process.env.BOOKED ?? 1_000);
const OTHER_SESSIONS = Number(process.env.OTHER_SESSIONS ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 50);
const COACHEES = 50;
const OTHER_COACHES = 40;
const ZONE = "Europe/London";

const time = (fn: () => Promise<unknown>) => percentiles(fn, RUNS);
const ms = (n: number) => n.toFixed(1).padStart(7);

/**
 * SESSIONS sessions of the coach in each month of 2026, spread over the month's days and back to back
 * within a day from 07:00 UTC (30 minutes, 10 apart), each with one of the coachees in turn.
 */
async function seedCoachSessions(db: Db, organizationId: string, coachId: string, coacheeIds: string[]) {
  await db.$executeRaw`
    INSERT INTO "CoachingSession" ("organizationId", "id", "coachMembershipId", "coacheeMembershipId", "title", "scheduledAt", "durationMinutes", "timezone", "updatedAt")
    SELECT ${organizationId}::uuid, gen_random_uuid(), ${coachId}::uuid, (${coacheeIds}::uuid[])[1 + s % ${coacheeIds.length}],
           'Session ' || s,
           make_date(2026, month, 1) + ((s % 28) * interval '1 day') + interval '7 hours' + ((s / 28) * interval '40 minutes'),
           30, ${ZONE}, now()
      FROM generate_series(1, 12) month, generate_series(0, ${SESSIONS - 1}) s`;
}

runBench("bench_scheduling", async (db) => {
  const start = performance.now();
  const org = await createOrganization(db, { seatLimit: 1000 });
  const coach = actorOf(
    await createMember(db, org.id, { role: "COACH", account: { firstName: "Carla", lastName: "Coach", timezone: ZONE } }),
  );
  const admin = actorOf(await createMember(db, org.id, { role: "ADMIN" }));
  const coachees = [];
  for (let i = 0; i < COACHEES; i++)
    coachees.push(
      (await createMember(db, org.id, { role: "PARTICIPANT", account: { firstName: `Coachee`, lastName: `${i}` } })).membership.id,
    );
  await seedCoachSessions(db, org.id, coach.membershipId, coachees);
  const others = [];
  for (let i = 0; i < OTHER_COACHES; i++) others.push((await createMember(db, org.id, { role: "COACH" })).membership.id);
  await db.$executeRaw`
    INSERT INTO "CoachingSession" ("organizationId", "id", "coachMembershipId", "coacheeMembershipId", "title", "scheduledAt", "durationMinutes", "updatedAt")
    SELECT ${org.id}::uuid, gen_random_uuid(), (${others}::uuid[])[1 + s % ${others.length}], (${coachees}::uuid[])[1 + s % ${coachees.length}],
           'Other ' || s, timestamp '2026-01-01' + (s * interval '25 minutes'), 20, now()
      FROM generate_series(1, ${OTHER_SESSIONS}) s`;
  await db.$executeRawUnsafe("ANALYZE");
  const inJune = await db.coachingSession.count({
    where: {
      organizationId: org.id,
      coachMembershipId: coach.membershipId,
      scheduledAt: { gte: new Date("2026-06-01"), lt: new Date("2026-07-01") },
    },
  });
  const total = await db.coachingSession.count({ where: { organizationId: org.id } });
  console.log(
    `Seeded ${total.toLocaleString("en")} sessions (the coach's June: ${inJune}; ${COACHEES} coachees, ${OTHER_COACHES} other coaches) in ${((performance.now() - start) / 1000).toFixed(1)} s\n`,
  );

  const month = calendarQuerySchema.parse({ view: "month", date: "2026-06-15" });
  const week = calendarQuerySchema.parse({ view: "week", date: "2026-06-15" });
  const shown = await calendarSessions(db, coach, month, { zone: ZONE });
  const read = shown.days.reduce((n, d) => n + d.sessions.length + d.more, 0);
  const listed = shown.days.reduce((n, d) => n + d.sessions.length, 0);

  // What the service reads, by hand: the coach's sessions in the month's whole weeks, with the coachee's name.
  const sql = (from: Date, to: Date) =>
    db.$queryRaw`SELECT s."id", s."title", s."scheduledAt", s."durationMinutes", s."status", m."firstName", m."lastName", u."email"
                   FROM "CoachingSession" s
                   JOIN "Membership" m ON m."organizationId" = s."organizationId" AND m."id" = s."coacheeMembershipId"
                   JOIN "User" u ON u."id" = m."userId"
                  WHERE s."organizationId" = ${org.id}::uuid AND s."coachMembershipId" = ${coach.membershipId}::uuid
                    AND s."scheduledAt" >= ${from} AND s."scheduledAt" < ${to}
                  ORDER BY s."scheduledAt", s."id" LIMIT 1001`;
  const monthRange = { from: new Date("2026-05-31T23:00:00Z"), to: new Date("2026-07-05T23:00:00Z") }; // Mon 1 June to Sun 5 July, BST
  const weekRange = { from: new Date("2026-06-14T23:00:00Z"), to: new Date("2026-06-21T23:00:00Z") };
  const sqlRows = ((await sql(monthRange.from, monthRange.to)) as unknown[]).length;

  const rows = [
    {
      name: `Coach's month (${read} read, ${listed} listed)`,
      service: await time(() => calendarSessions(db, coach, month, { zone: ZONE })),
      sql: await time(() => sql(monthRange.from, monthRange.to)),
    },
    {
      name: "Coach's week",
      service: await time(() => calendarSessions(db, coach, week, { zone: ZONE })),
      sql: await time(() => sql(weekRange.from, weekRange.to)),
    },
    {
      name: "Admin's month of the coach (+ picker)",
      service: await time(() => calendarSessions(db, admin, { ...month, coach: coach.membershipId }, { zone: ZONE })),
      sql: await time(() => sql(monthRange.from, monthRange.to)),
    },
  ];
  // The booked coach: BOOKED sessions over the 91 days from NOW, back to back from 07:00 UTC each day.
  const NOW = new Date("2026-09-01T06:00:00Z");
  const booked = actorOf(await createMember(db, org.id, { role: "COACH", account: { timezone: ZONE } }));
  const booker = actorOf(await createMember(db, org.id, { role: "PARTICIPANT" }));
  await createCoachingRelationship(db, { coach: booked.membership, coachee: booker.membership });
  await db.$executeRaw`
    INSERT INTO "CoachingSession" ("organizationId", "id", "coachMembershipId", "coacheeMembershipId", "title", "scheduledAt", "durationMinutes", "timezone", "updatedAt")
    SELECT ${org.id}::uuid, gen_random_uuid(), ${booked.membershipId}::uuid, ${booker.membershipId}::uuid, 'Booked ' || s,
           ${NOW}::timestamp + interval '1 hour' + ((s % 91) * interval '1 day') + ((s / 91) * interval '40 minutes'), 30, ${ZONE}, now()
      FROM generate_series(0, ${BOOKED - 1}) s`;
  await setAvailability(
    db,
    booked,
    availabilitySchema.parse({
      timezone: ZONE,
      ...Object.fromEntries([1, 2, 3, 4, 5].map((d) => [`day${d}`, "09:00-17:00"])),
      day6: "",
      day7: "",
      lengths: ["60"],
      bufferMinutes: "10",
      noticeHours: "0",
      horizonDays: "90",
      maxPerDay: "",
      daysOff: "",
      cancelWindowHours: "24",
      open: "on",
    }),
  );
  await db.$executeRawUnsafe("ANALYZE");
  const slots = (await bookingOptions(db, booker, { coach: booked.membershipId }, NOW)).chosen!.slots.length;
  const busySql = () =>
    db.$queryRaw`SELECT "scheduledAt", "durationMinutes" FROM "CoachingSession"
                  WHERE "organizationId" = ${org.id}::uuid AND "coachMembershipId" = ${booked.membershipId}::uuid
                    AND "status" <> 'CANCELLED' AND "scheduledAt" >= ${NOW} AND "scheduledAt" <= ${new Date(NOW.getTime() + 91 * 86_400_000)}`;
  const { url } = await createFeed(db, booked);
  const token = /\/feeds\/([^/]+)\.ics$/.exec(url)![1];
  const feed = await readFeed(db, token, null, NOW);
  if (feed.status !== 200) throw new Error("the feed answers");
  const events = feed.body.split("BEGIN:VEVENT").length - 1;
  const feedSql = () =>
    db.$queryRaw`SELECT "id", "title", "scheduledAt", "durationMinutes", "timezone", "location", "status", "sequence", "updatedAt"
                   FROM "CoachingSession"
                  WHERE "organizationId" = ${org.id}::uuid AND ("coachMembershipId" = ${booked.membershipId}::uuid OR "coacheeMembershipId" = ${booked.membershipId}::uuid)
                    AND "scheduledAt" >= ${new Date(NOW.getTime() - 90 * 86_400_000)} AND "scheduledAt" <= ${new Date(NOW.getTime() + 400 * 86_400_000)}
                  ORDER BY "scheduledAt", "id" LIMIT 1000`;
  const feedRows = await db.coachingSession.findMany({
    where: { organizationId: org.id, coachMembershipId: booked.membershipId },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    take: 1000,
    select: CALENDAR_SESSION,
  });
  rows.push(
    {
      name: `Free slots, ${BOOKED} booked (${slots} free)`,
      service: await time(() => bookingOptions(db, booker, { coach: booked.membershipId }, NOW)),
      sql: await time(busySql),
    },
    // Building the calendar is ical-generator's work on the rows; readFeed keeps what it built for an
    // unchanged feed (lib/sessions/feed.ts), so a poll without If-None-Match is served from that.
    {
      name: `Feed of ${events} sessions, built`,
      service: await time(async () => sessionsCalendar({ method: "PUBLISH", sessions: feedRows.map((r) => ({ ...r, url })) })),
      sql: await time(feedSql),
    },
    { name: `Feed of ${events} sessions, polled`, service: await time(() => readFeed(db, token, null, NOW)), sql: await time(feedSql) },
    { name: "Feed unchanged (304)", service: await time(() => readFeed(db, token, feed.etag, NOW)), sql: await time(feedSql) },
  );

  console.log(`${RUNS} runs each, times in ms (hand-written SQL reads ${sqlRows} rows for the month, the service ${read})`);
  console.log(`${"case".padEnd(40)}    p50     p95  SQL p50  SQL p95   ratio`);
  for (const r of rows)
    console.log(
      `${r.name.padEnd(40)}${ms(r.service.p50)} ${ms(r.service.p95)}  ${ms(r.sql.p50)}  ${ms(r.sql.p95)}  ${(r.service.p95 / r.sql.p95).toFixed(2).padStart(6)}`,
    );
});
