// Benchmark of the coach's Coachees list: a coach with 2,000 coachees in an organisation of 100,000.
//
//   npm run bench:coachees   (MEMBERS=100000 COACHEES=2000 OTHER_COACHES=40 RUNS=30 to change the size)
//
// Seeds a database of its own: one organisation with MEMBERS memberships (varied names and statuses),
// a programme with pathways, the coach's COACHEES coachees (half through pathways, half added; a
// spread of last activity; five groups; upcoming sessions), and OTHER_COACHES more coaches with
// coachees of their own so the relationship table is not the coach's alone. Then it times
// listCoachees (the exact service the page calls) for the default list, searches, the status and
// group filters, each sort and the last page, beside hand-written SQL returning the same rows, and
// prints p50/p95 and the ratio. It prints figures; it never fails on machine speed.
import { performance } from "node:perf_hooks";
import type { Actor } from "../lib/authz/actor";
import type { Db } from "../lib/db/client";
import { Prisma } from "../lib/db/generated/client";
import { coacheeFilterSchema, COACHEES_PAGE_SIZE, listCoachees } from "../lib/coachees/coachees";
import { createCohort, createOrganization, createProgramme } from "../tests/factories";
import { runBench, percentiles } from "./support";
import { benchActivity } from "./coachee-activity";

const MEMBERS = Number(process.env.MEMBERS ?? 100_000);
const COACHEES = Number(process.env.COACHEES ?? 2_000);
const OTHER_COACHES = Number(process.env.OTHER_COACHES ?? 40);
const RUNS = Number(process.env.RUNS ?? 30);

const FIRST = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Ken", "Dennis", "Margaret", "Linus", "Guido", "Radia", "Hedy"];
const LAST = [
  "Lovelace",
  "Turing",
  "Hopper",
  "Dijkstra",
  "Liskov",
  "Knuth",
  "Thompson",
  "Ritchie",
  "Hamilton",
  "Perlman",
  "Smith",
  "Jones",
];
const STATUSES = ["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "INVITED", "INVITED", "NOT_INVITED", "DEACTIVATED"];
const sqlArray = (values: string[]) => Prisma.raw(`ARRAY[${values.map((v) => `'${v}'`).join(",")}]`);

/** The organisation: every g % 50 = 0 member is a coach, the rest participants; names and statuses varied. */
async function seed(db: Db) {
  const org = await createOrganization(db, { name: "Bench coachees", slug: "bench-coachees", seatLimit: MEMBERS });
  const key = "bench-coachees-";
  await db.$executeRaw`
    INSERT INTO "User" ("id", "email", "firstName", "lastName", "timezone", "updatedAt")
    SELECT md5(${key} || g)::uuid,
           lower((${sqlArray(FIRST)})[1 + g % ${FIRST.length}] || '.' || (${sqlArray(LAST)})[1 + (g / 13) % ${LAST.length}]) || g || '@bench.example',
           (${sqlArray(FIRST)})[1 + g % ${FIRST.length}], (${sqlArray(LAST)})[1 + (g / 13) % ${LAST.length}], 'Europe/London', now()
      FROM generate_series(1, ${MEMBERS}) g`;
  // Members who have not joined carry the names the organisation entered (the trigger keeps the rest).
  await db.$executeRaw`
    INSERT INTO "Membership" ("organizationId", "id", "userId", "role", "status", "joinedAt", "firstName", "lastName", "updatedAt")
    SELECT ${org.id}::uuid, md5('m-' || ${key} || g)::uuid, md5(${key} || g)::uuid,
           (CASE WHEN g % 50 = 0 THEN 'COACH' ELSE 'PARTICIPANT' END)::"Role",
           (CASE WHEN g % 50 = 0 THEN 'ACTIVE' ELSE (${sqlArray(STATUSES)})[1 + (g / 3) % ${STATUSES.length}] END)::"MembershipStatus",
           CASE WHEN g % 50 = 0 OR (${sqlArray(STATUSES)})[1 + (g / 3) % ${STATUSES.length}] IN ('ACTIVE', 'DEACTIVATED') THEN now() - make_interval(days => g % 700) END,
           (${sqlArray(FIRST)})[1 + g % ${FIRST.length}], (${sqlArray(LAST)})[1 + (g / 13) % ${LAST.length}], now()
      FROM generate_series(1, ${MEMBERS}) g`;
  const coaches = await db.$queryRaw<{ id: string; userId: string }[]>`
    SELECT "id", "userId" FROM "Membership" WHERE "organizationId" = ${org.id}::uuid AND "role" = 'COACH' ORDER BY "id" LIMIT ${OTHER_COACHES + 1}`;
  const [coach, ...others] = coaches;

  // The coach's coachees: COACHEES participants spread over the organisation; half through a pathway.
  const programme = await createProgramme(db, org.id, { name: "Leadership" });
  const programme2 = await createProgramme(db, org.id, { name: "Sales" });
  const cohort = await createCohort(db, programme, { name: "Spring" });
  const cohort2 = await createCohort(db, programme2, { name: "Autumn" });
  await db.$executeRaw`
    CREATE TEMP TABLE bench_coachees AS
    SELECT "id", (row_number() OVER (ORDER BY md5("id"::text)))::int AS n FROM "Membership"
     WHERE "organizationId" = ${org.id}::uuid AND "role" = 'PARTICIPANT' ORDER BY md5("id"::text) LIMIT ${COACHEES}`;
  await db.$executeRaw`
    INSERT INTO "Pathway" ("organizationId", "id", "membershipId", "programmeId", "cohortId", "coachMembershipId", "startDate", "timezone", "updatedAt")
    SELECT ${org.id}::uuid, gen_random_uuid(), c."id",
           CASE WHEN c.n % 4 = 0 THEN ${programme2.id}::uuid ELSE ${programme.id}::uuid END,
           CASE WHEN c.n % 4 = 0 THEN ${cohort2.id}::uuid ELSE ${cohort.id}::uuid END,
           ${coach.id}::uuid, current_date, 'UTC', now()
      FROM bench_coachees c WHERE c.n % 2 = 0`;
  await db.$executeRaw`
    INSERT INTO "CoachingRelationship" ("organizationId", "coachMembershipId", "coacheeMembershipId", "origin", "lastActivityAt")
    SELECT ${org.id}::uuid, ${coach.id}::uuid, c."id", 'ADDED', CASE WHEN c.n % 5 = 0 THEN NULL ELSE now() - make_interval(mins => (c.n * 37) % 100000) END
      FROM bench_coachees c
    ON CONFLICT ("organizationId", "coachMembershipId", "coacheeMembershipId") DO UPDATE SET "lastActivityAt" = EXCLUDED."lastActivityAt"`;
  // Upcoming sessions for a third of them (and past ones, which do not count).
  await db.$executeRaw`
    INSERT INTO "CoachingSession" ("organizationId", "id", "coachMembershipId", "coacheeMembershipId", "title", "scheduledAt", "durationMinutes", "updatedAt")
    SELECT ${org.id}::uuid, gen_random_uuid(), ${coach.id}::uuid, c."id", 'Session', now() + make_interval(hours => (c.n * k) % 2000 - 500), 60, now()
      FROM bench_coachees c, generate_series(1, 2) k WHERE c.n % 3 = 0`;
  // Five groups: 400, 200, 100, 50 and 10 coachees.
  const groups: string[] = [];
  for (const [i, size] of [400, 200, 100, 50, 10].entries()) {
    const group = await db.coacheeGroup.create({
      data: { organizationId: org.id, coachMembershipId: coach.id, name: `Group ${i + 1}` },
    });
    groups.push(group.id);
    await db.$executeRaw`
      INSERT INTO "CoacheeGroupMember" ("organizationId", "groupId", "coachMembershipId", "coacheeMembershipId")
      SELECT ${org.id}::uuid, ${group.id}::uuid, ${coach.id}::uuid, c."id" FROM bench_coachees c WHERE (c.n + ${i * 97}) % ${COACHEES} < ${size}`;
  }
  // Other coaches, 500 coachees each, overlapping the coach's.
  await db.$executeRaw`
    INSERT INTO "CoachingRelationship" ("organizationId", "coachMembershipId", "coacheeMembershipId", "origin", "lastActivityAt")
    SELECT ${org.id}::uuid, o.id, m."id", 'ADDED', now()
      FROM unnest(${others.map((o) => o.id)}::uuid[]) WITH ORDINALITY AS o(id, k)
      JOIN LATERAL (SELECT "id" FROM "Membership" WHERE "organizationId" = ${org.id}::uuid AND "role" = 'PARTICIPANT'
                     ORDER BY md5("id"::text || o.k) LIMIT 500) m ON TRUE
    ON CONFLICT DO NOTHING`;
  await db.$executeRawUnsafe("ANALYZE");
  return { orgId: org.id, coach, groups };
}

// Hand-written SQL returning the same rows as listCoachees: the plain join, the count beside it.
function baseline(db: Db, orgId: string, coachId: string, where: Prisma.Sql, order: Prisma.Sql, page: number) {
  return Promise.all([
    db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM "CoachingRelationship" r
        JOIN "Membership" m ON m."organizationId" = r."organizationId" AND m."id" = r."coacheeMembershipId"
       WHERE r."organizationId" = ${orgId}::uuid AND r."coachMembershipId" = ${coachId}::uuid ${where}`,
    db.$queryRaw<{ id: string }[]>`
      SELECT m."id", m."firstName", m."lastName", u."email", m."status", m."joinedAt", r."lastActivityAt",
             ARRAY(SELECT DISTINCT pr."name" FROM "Pathway" p JOIN "Programme" pr ON pr."organizationId" = p."organizationId" AND pr."id" = p."programmeId"
                    WHERE p."organizationId" = ${orgId}::uuid AND p."membershipId" = m."id" ORDER BY pr."name") AS "programmes",
             (SELECT min(s."scheduledAt") FROM "CoachingSession" s
               WHERE s."organizationId" = ${orgId}::uuid AND s."coacheeMembershipId" = m."id" AND s."coachMembershipId" = ${coachId}::uuid
                 AND s."status" = 'SCHEDULED' AND s."scheduledAt" > now()) AS "nextSessionAt"
        FROM "CoachingRelationship" r
        JOIN "Membership" m ON m."organizationId" = r."organizationId" AND m."id" = r."coacheeMembershipId"
        JOIN "User" u ON u."id" = m."userId"
       WHERE r."organizationId" = ${orgId}::uuid AND r."coachMembershipId" = ${coachId}::uuid ${where}
       ORDER BY ${order}
       LIMIT ${COACHEES_PAGE_SIZE} OFFSET ${(page - 1) * COACHEES_PAGE_SIZE}`,
  ]);
}

const time = (fn: () => Promise<unknown>) => percentiles(fn, RUNS);

runBench("pathwise_bench_coachees", async (db) => {
  const seedStart = performance.now();
  const { orgId, coach, groups } = await seed(db);
  console.log(
    `Seeded ${MEMBERS.toLocaleString("en")} members, a coach with ${COACHEES.toLocaleString("en")} coachees and ${OTHER_COACHES} other coaches in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  const actor: Actor = { userId: coach.userId, membershipId: coach.id, organizationId: orgId, role: "COACH", ipAddress: null };
  const lastPage = Math.ceil(COACHEES / COACHEES_PAGE_SIZE);
  const byName = (dir: "ASC" | "DESC") => Prisma.raw(`m."sortName" ${dir}, m."id" ${dir}`);
  const none = Prisma.empty;
  const search = (term: string) => Prisma.sql`AND m."searchText" LIKE ${`%${term}%`}`;
  const statusRank = Prisma.raw(`CASE m."status" WHEN 'ACTIVE' THEN 0 WHEN 'INVITED' THEN 1 WHEN 'NOT_INVITED' THEN 2 ELSE 3 END`);
  const inGroup = (id: string) =>
    Prisma.sql`AND EXISTS (SELECT 1 FROM "CoacheeGroupMember" g WHERE g."organizationId" = r."organizationId" AND g."groupId" = ${id}::uuid
                 AND g."coachMembershipId" = r."coachMembershipId" AND g."coacheeMembershipId" = m."id")`;

  const cases: { label: string; query: Record<string, string>; where: Prisma.Sql; order: Prisma.Sql; page?: number }[] = [
    { label: "default (name asc, page 1)", query: {}, where: none, order: byName("ASC") },
    { label: "search 'lovel'", query: { q: "lovel" }, where: search("lovel"), order: byName("ASC") },
    { label: "search 'ada tur'", query: { q: "ada tur" }, where: Prisma.sql`${search("ada")} ${search("tur")}`, order: byName("ASC") },
    { label: "search 'zzz' (nothing)", query: { q: "zzz" }, where: search("zzz"), order: byName("ASC") },
    {
      label: "status = NOT_INVITED",
      query: { status: "NOT_INVITED" },
      where: Prisma.sql`AND m."status" = 'NOT_INVITED'`,
      order: byName("ASC"),
    },
    { label: "group (400 coachees)", query: { group: groups[0] }, where: inGroup(groups[0]), order: byName("ASC") },
    { label: "group (10 coachees)", query: { group: groups[4] }, where: inGroup(groups[4]), order: byName("ASC") },
    {
      label: "sort last activity desc",
      query: { sort: "lastActivity", dir: "desc" },
      where: none,
      order: Prisma.raw(`r."lastActivityAt" DESC NULLS LAST, m."sortName" DESC, m."id" DESC`),
    },
    { label: "sort status", query: { sort: "status" }, where: none, order: Prisma.sql`${statusRank} ASC, m."sortName" ASC, m."id" ASC` },
    { label: `last page (${lastPage}) by name`, query: { page: String(lastPage) }, where: none, order: byName("ASC"), page: lastPage },
  ];

  if (process.env.EXPLAIN) {
    // The plan of the list's first step, for whoever tunes it: EXPLAIN=1 npm run bench:coachees
    const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT m."id", m."sortName", m."searchText" FROM "CoachingRelationship" r
         CROSS JOIN LATERAL (SELECT m."id", m."sortName", m."searchText" FROM "Membership" m
                              WHERE m."organizationId" = r."organizationId" AND m."id" = r."coacheeMembershipId" OFFSET 0) m
        WHERE r."organizationId" = '${orgId}' AND r."coachMembershipId" = '${coach.id}'`,
    );
    console.log(plan.map((p) => p["QUERY PLAN"]).join("\n"));
  }

  console.log(
    `\nCoachees list: ${COACHEES.toLocaleString("en")} coachees of ${MEMBERS.toLocaleString("en")} members, ${RUNS} runs each (ms)`,
  );
  console.log(
    `${"case".padEnd(32)} ${"rows".padStart(5)} ${"total".padStart(6)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"SQL p50".padStart(8)} ${"SQL p95".padStart(8)} ${"ratio".padStart(6)}`,
  );
  let worstP95 = 0;
  let worstRatio = 0;
  for (const c of cases) {
    const filter = coacheeFilterSchema.parse(c.query);
    const ours = await listCoachees(db, actor, filter);
    const [[count], sqlRows] = await baseline(db, orgId, coach.id, c.where, c.order, c.page ?? 1);
    const same = ours.total === Number(count.count) && ours.rows.map((r) => r.id).join() === sqlRows.map((r) => r.id).join();
    if (!same)
      console.log(
        `  ! ${c.label}: ${ours.rows.length} rows of ${ours.total} vs ${sqlRows.length} of ${count.count} from SQL (or another order)`,
      );
    const t = await time(() => listCoachees(db, actor, filter));
    const sql = await time(() => baseline(db, orgId, coach.id, c.where, c.order, c.page ?? 1));
    const ratio = t.p95 / sql.p95;
    worstP95 = Math.max(worstP95, t.p95);
    worstRatio = Math.max(worstRatio, ratio);
    console.log(
      `${c.label.padEnd(32)} ${String(ours.rows.length).padStart(5)} ${String(ours.total).padStart(6)} ${t.p50.toFixed(1).padStart(7)} ${t.p95.toFixed(1).padStart(7)} ${sql.p50.toFixed(1).padStart(8)} ${sql.p95.toFixed(1).padStart(8)} ${ratio.toFixed(2).padStart(6)}`,
    );
  }
  console.log(`worst p95 ${worstP95.toFixed(1)} ms (target < 50), worst ratio to SQL ${worstRatio.toFixed(2)}x (target <= 2)`);

  // The profile's Activity tab at 10,000 events for one coachee (bench/coachee-activity.ts).
  await benchActivity(db);
});
