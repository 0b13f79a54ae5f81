// Benchmark of the coachee profile's Activity tab at 10,000 events for one coachee.
//
//   node --import tsx bench/coachee-activity.ts   (EVENTS=10000 RUNS=30 to change the size)
//
// Seeds one organisation with a coach and their coachee carrying EVENTS activity rows (shared ones,
// the coach's own, and another coach's that the coach must not see), beside other coachees' rows, then
// times listActivity (the exact service the tab calls) on the first page, a middle page and the last,
// against hand-written SQL returning the same rows, and prints p50/p95 and the ratio. bench/coachees.ts
// calls benchActivity on its own database; run alone, this file makes and drops a database of its own.
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { ACTIVITY_PAGE_SIZE, listActivity } from "../lib/activity/list";
import type { Actor } from "../lib/authz/actor";
import type { Db } from "../lib/db/client";
import { createCoachingRelationship, createMember, createOrganization } from "../tests/factories";
import { runBench, percentiles } from "./support";

const EVENTS = Number(process.env.EVENTS ?? 10_000);
const OTHER_COACHEES = Number(process.env.OTHER_COACHEES ?? 50);
const OTHER_EVENTS = Number(process.env.OTHER_EVENTS ?? 200);
const RUNS = Number(process.env.RUNS ?? 30);

const time = (fn: () => Promise<unknown>) => percentiles(fn, RUNS);

/** `count` activity rows about one coachee, newest a minute ago, in SQL: a mix of kinds, shared and one coach's only. */
async function seedActivity(db: Db, organizationId: string, coacheeId: string, coachId: string, otherCoachId: string, count: number) {
  await db.$executeRaw`
    INSERT INTO "Activity" ("organizationId", "id", "coacheeMembershipId", "actorMembershipId", "coachMembershipId", "kind", "subjectId", "data", "createdAt")
    SELECT ${organizationId}::uuid, gen_random_uuid(), ${coacheeId}::uuid,
           CASE WHEN g % 3 = 0 THEN ${coacheeId}::uuid ELSE ${coachId}::uuid END,
           CASE WHEN g % 10 = 0 THEN ${otherCoachId}::uuid WHEN g % 3 = 0 THEN NULL ELSE ${coachId}::uuid END,
           (ARRAY['session.scheduled', 'session.attended', 'message.sent', 'invitation.accepted'])[1 + g % 4],
           gen_random_uuid(),
           jsonb_build_object('title', 'Session ' || g, 'scheduledAt', to_char((now() - make_interval(mins => g)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                              'durationMinutes', 60, 'excerpt', 'Message ' || g),
           now() - make_interval(mins => g)
      FROM generate_series(1, ${count}) g`;
}

/** Seeds the organisation and times the Activity tab; prints its figures and returns the worst p95. */
export async function benchActivity(db: Db): Promise<{ worstP95: number; worstRatio: number }> {
  const seedStart = performance.now();
  const org = await createOrganization(db, { name: "Activity bench", slug: `activity-bench-${Date.now().toString(36)}`, seatLimit: 1000 });
  const coach = await createMember(db, org.id, { role: "COACH" });
  const otherCoach = await createMember(db, org.id, { role: "COACH" });
  const coachee = await createMember(db, org.id, { role: "PARTICIPANT" });
  for (const c of [coach, otherCoach]) await createCoachingRelationship(db, { coach: c.membership, coachee: coachee.membership });
  await seedActivity(db, org.id, coachee.membership.id, coach.membership.id, otherCoach.membership.id, EVENTS);
  for (let i = 0; i < OTHER_COACHEES; i++) {
    const other = await createMember(db, org.id, { role: "PARTICIPANT" });
    await createCoachingRelationship(db, { coach: coach.membership, coachee: other.membership });
    await seedActivity(db, org.id, other.membership.id, coach.membership.id, otherCoach.membership.id, OTHER_EVENTS);
  }
  await db.$executeRawUnsafe(`ANALYZE "Activity"`);
  console.log(
    `Seeded ${EVENTS.toLocaleString("en")} activity rows for one coachee (+ ${OTHER_COACHEES} coachees x ${OTHER_EVENTS}) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const actor: Actor = {
    userId: coach.user.id,
    membershipId: coach.membership.id,
    organizationId: org.id,
    role: "COACH",
    ipAddress: null,
  };
  const coacheeId = coachee.membership.id;
  const visible = await db.activity.count({
    where: { coacheeMembershipId: coacheeId, OR: [{ coachMembershipId: null }, { coachMembershipId: coach.membership.id }] },
  });
  const lastPage = Math.max(1, Math.ceil(visible / ACTIVITY_PAGE_SIZE));

  // Hand-written SQL returning the same page: the relationship check, the count, the rows with the actor's name.
  const baseline = (page: number) =>
    Promise.all([
      db.$queryRaw`SELECT 1 FROM "CoachingRelationship" WHERE "organizationId" = ${org.id}::uuid
                     AND "coachMembershipId" = ${coach.membership.id}::uuid AND "coacheeMembershipId" = ${coacheeId}::uuid`,
      db.$queryRaw`SELECT count(*) FROM "Activity" WHERE "organizationId" = ${org.id}::uuid AND "coacheeMembershipId" = ${coacheeId}::uuid
                     AND ("coachMembershipId" IS NULL OR "coachMembershipId" = ${coach.membership.id}::uuid)`,
      db.$queryRaw<{ id: string }[]>`
        SELECT a."id", a."kind", a."data", a."createdAt", m."firstName", m."lastName", u."email"
          FROM "Activity" a
          LEFT JOIN "Membership" m ON m."organizationId" = a."organizationId" AND m."id" = a."actorMembershipId"
          LEFT JOIN "User" u ON u."id" = m."userId"
         WHERE a."organizationId" = ${org.id}::uuid AND a."coacheeMembershipId" = ${coacheeId}::uuid
           AND (a."coachMembershipId" IS NULL OR a."coachMembershipId" = ${coach.membership.id}::uuid)
         ORDER BY a."createdAt" DESC, a."id" DESC
         LIMIT ${ACTIVITY_PAGE_SIZE} OFFSET ${(page - 1) * ACTIVITY_PAGE_SIZE}`,
    ]);

  const cases = [
    { label: "first page", page: 1 },
    { label: `middle page (${Math.ceil(lastPage / 2)})`, page: Math.ceil(lastPage / 2) },
    { label: `last page (${lastPage})`, page: lastPage },
  ];
  console.log(
    `\nActivity tab at ${EVENTS.toLocaleString("en")} events (${visible.toLocaleString("en")} visible to the coach), ${RUNS} runs each (ms)`,
  );
  console.log(
    `${"case".padEnd(28)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"SQL p50".padStart(8)} ${"SQL p95".padStart(8)} ${"ratio".padStart(6)}`,
  );
  let worstP95 = 0;
  let worstRatio = 0;
  for (const c of cases) {
    const ours = await listActivity(db, actor, coacheeId, { page: c.page });
    const [, , sqlRows] = await baseline(c.page);
    if (sqlRows.map((r) => r.id).join() !== ours.events.map((e) => e.id).join())
      console.log(`  ! ${c.label}: the service and the SQL return different rows`);
    const mine = await time(() => listActivity(db, actor, coacheeId, { page: c.page }));
    const sql = await time(() => baseline(c.page));
    const ratio = mine.p95 / sql.p95;
    worstP95 = Math.max(worstP95, mine.p95);
    worstRatio = Math.max(worstRatio, ratio);
    console.log(
      `${c.label.padEnd(28)} ${mine.p50.toFixed(1).padStart(8)} ${mine.p95.toFixed(1).padStart(8)} ${sql.p50.toFixed(1).padStart(8)} ${sql.p95.toFixed(1).padStart(8)} ${ratio.toFixed(2).padStart(6)}`,
    );
  }
  console.log(`Activity: worst p95 ${worstP95.toFixed(1)} ms (target < 50), worst ratio to SQL ${worstRatio.toFixed(2)}x`);
  return { worstP95, worstRatio };
}

// Run directly: a database of its own. Imported (bench/coachees.ts): only benchActivity.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runBench("pathwise_bench_activity", async (db) => {
    await benchActivity(db);
  });
}
