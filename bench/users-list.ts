// Benchmark of the Users page's query path and the CSV export at 100,000 members.
//
//   npm run bench:users   (MEMBERS=100000 OTHER_ORGS=50 OTHER_MEMBERS=1000 RUNS=30 to change the size)
//
// Seeds a database of its own (one organisation with MEMBERS memberships, OTHER_ORGS organisations with
// OTHER_MEMBERS each), then times listUsers (the exact service the page calls) for the search, each
// filter, each sort and deep pages, beside hand-written SQL returning the same rows on the same
// database, and prints p50/p95 and the ratio. Then it streams the full export and reports its time and
// memory. It prints figures; it never fails on machine speed.
import { performance } from "node:perf_hooks";
import type { Actor } from "../lib/authz/actor";
import type { Db } from "../lib/db/client";
import { Prisma } from "../lib/db/generated/client";
import { exportUsersCsv } from "../lib/users/export";
import { listUsers, userFilterSchema, USERS_PAGE_SIZE } from "../lib/users/list";
import { createOrganization, createUnit } from "../tests/factories";
import { runBench, percentiles } from "./support";

const MEMBERS = Number(process.env.MEMBERS ?? 100_000);
const OTHER_ORGS = Number(process.env.OTHER_ORGS ?? 50);
const OTHER_MEMBERS = Number(process.env.OTHER_MEMBERS ?? 1_000);
const RUNS = Number(process.env.RUNS ?? 30);

const FIRST = [
  "Ada",
  "Alan",
  "Grace",
  "Edsger",
  "Barbara",
  "Donald",
  "Ken",
  "Dennis",
  "Margaret",
  "Linus",
  "Guido",
  "Bjarne",
  "Frances",
  "John",
  "Radia",
  "Tim",
  "Hedy",
  "Katherine",
  "Niklaus",
  "Leslie",
];
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
  "Torvalds",
  "Rossum",
  "Stroustrup",
  "Allen",
  "McCarthy",
  "Perlman",
  "Berners-Lee",
  "Lamarr",
  "Johnson",
  "Wirth",
  "Lamport",
  "Smith",
  "Jones",
  "Taylor",
  "Brown",
  "Williams",
  "Wilson",
  "Evans",
  "Thomas",
  "Roberts",
  "Walker",
];
const ROLES = [
  "PARTICIPANT",
  "PARTICIPANT",
  "PARTICIPANT",
  "PARTICIPANT",
  "PARTICIPANT",
  "PARTICIPANT",
  "COACH",
  "COACH",
  "PROGRAM_MANAGER",
  "SPONSOR",
  "ADMIN",
];
const STATUSES = ["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "INVITED", "NOT_INVITED", "DEACTIVATED"];

const sqlArray = (values: string[]) => Prisma.raw(`ARRAY[${values.map((v) => `'${v}'`).join(",")}]`);

/** Seeds one organisation with `count` members, in SQL: 100,000 rows take seconds, not minutes. */
async function seedOrganization(db: Db, index: number, count: number): Promise<{ id: string; units: string[] }> {
  const org = await createOrganization(db, { name: `Bench ${index}`, slug: `bench-${index}`, seatLimit: count });
  const top = await createUnit(db, org.id, { name: "Region" });
  const units = [top.id];
  for (let i = 0; i < 6; i++)
    units.push((await createUnit(db, org.id, { name: `Team ${i}`, parent: { id: i < 3 ? top.id : units[1] } })).id);
  const key = `bench-${index}-`;
  await db.$executeRaw`
    INSERT INTO "User" ("id", "email", "firstName", "lastName", "timezone", "updatedAt")
    SELECT md5(${key} || g)::uuid,
           lower((${sqlArray(FIRST)})[1 + g % ${FIRST.length}] || '.' || (${sqlArray(LAST)})[1 + (g / 7) % ${LAST.length}]) || g || '@org' || ${index} || '.example',
           (${sqlArray(FIRST)})[1 + g % ${FIRST.length}],
           (${sqlArray(LAST)})[1 + (g / 7) % ${LAST.length}],
           'Europe/London', now()
      FROM generate_series(1, ${count}) g`;
  await db.$executeRaw`
    INSERT INTO "Membership" ("organizationId", "id", "userId", "role", "status", "unitId", "joinedAt", "lastActiveAt", "updatedAt")
    SELECT ${org.id}::uuid, md5('m-' || ${key} || g)::uuid, md5(${key} || g)::uuid,
           ((${sqlArray(ROLES)})[1 + g % ${ROLES.length}])::"Role",
           ((${sqlArray(STATUSES)})[1 + (g / 3) % ${STATUSES.length}])::"MembershipStatus",
           CASE WHEN g % 5 = 0 THEN NULL ELSE (${units}::uuid[])[1 + g % ${units.length}] END,
           now() - make_interval(days => g % 730),
           CASE WHEN g % 4 = 0 THEN NULL ELSE now() - make_interval(mins => g % 100000) END,
           now()
      FROM generate_series(1, ${count}) g`;
  // Invitations for the invited ones: pending, and accepted for a share of the active ones.
  await db.$executeRaw`
    INSERT INTO "Invitation" ("organizationId", "id", "membershipId", "email", "role", "tokenHash", "expiresAt", "acceptedAt")
    SELECT m."organizationId", md5('i-' || m."id")::uuid, m."id", 'x@example.test', m."role", md5('t-' || m."id"), now() + interval '14 days',
           CASE WHEN m."status" = 'ACTIVE' THEN now() END
      FROM "Membership" m WHERE m."organizationId" = ${org.id}::uuid AND m."status" IN ('INVITED', 'ACTIVE')`;
  return { id: org.id, units };
}

// Hand-written SQL returning the same page and count as listUsers: the baseline.
function baseline(db: Db, orgId: string, where: Prisma.Sql, order: Prisma.Sql, page: number) {
  return Promise.all([
    db.$queryRaw`SELECT count(*) FROM "Membership" m WHERE m."organizationId" = ${orgId}::uuid ${where}`,
    db.$queryRaw`
      SELECT m."id", m."role", m."status", m."joinedAt", m."lastActiveAt", m."expiresAt", un."id" AS "unitId", un."name" AS "unitName",
             u."id" AS "userId", u."email", u."firstName", u."lastName", u."timezone"
        FROM "Membership" m
        JOIN "User" u ON u."id" = m."userId"
        LEFT JOIN "OrgUnit" un ON un."organizationId" = m."organizationId" AND un."id" = m."unitId"
       WHERE m."organizationId" = ${orgId}::uuid ${where}
       ORDER BY ${order}
       LIMIT ${USERS_PAGE_SIZE} OFFSET ${(page - 1) * USERS_PAGE_SIZE}`,
    db.$queryRaw`SELECT count(*) FROM "Membership" WHERE "organizationId" = ${orgId}::uuid AND "status" IN ('ACTIVE','INVITED')
                   AND "role" IN ('OWNER','ADMIN','PROGRAM_MANAGER','COACH','SPONSOR')`,
  ]);
}

const time = (fn: () => Promise<unknown>) => percentiles(fn, RUNS);

runBench("pathwise_bench", async (db) => {
  const seedStart = performance.now();
  const big = await seedOrganization(db, 0, MEMBERS);
  for (let i = 1; i <= OTHER_ORGS; i++) await seedOrganization(db, i, OTHER_MEMBERS);
  await db.$executeRawUnsafe("ANALYZE");
  console.log(
    `Seeded ${MEMBERS.toLocaleString("en")} members (+ ${OTHER_ORGS} organisations x ${OTHER_MEMBERS}) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const admin = await db.membership.findFirstOrThrow({ where: { organizationId: big.id, role: "ADMIN", status: "ACTIVE" } });
  const actor: Actor = { userId: admin.userId, membershipId: admin.id, organizationId: big.id, role: "ADMIN", ipAddress: null };
  const lastPage = Math.ceil(MEMBERS / USERS_PAGE_SIZE);
  const name = (dir: "ASC" | "DESC") => Prisma.raw(`m."sortName" ${dir}, m."id" ${dir}`);
  const nullsLast = (col: string, dir: "ASC" | "DESC") => Prisma.raw(`m."${col}" ${dir} NULLS LAST, m."id" ${dir}`);
  const unitIds = [big.units[1], big.units[4], big.units[5], big.units[6]]; // Team 0 and its sub-units
  const none = Prisma.empty;
  const search = (term: string) => Prisma.sql`AND m."searchText" LIKE ${`%${term.toLowerCase()}%`}`;

  const cases: { label: string; query: Record<string, string>; where: Prisma.Sql; order: Prisma.Sql; page?: number }[] = [
    { label: "default (name asc, page 1)", query: {}, where: none, order: name("ASC") },
    { label: "search 'lovel'", query: { q: "lovel" }, where: search("lovel"), order: name("ASC") },
    { label: "search 'grace hop'", query: { q: "grace hop" }, where: Prisma.sql`${search("grace")} ${search("hop")}`, order: name("ASC") },
    { label: "search email 'ada.turing12'", query: { q: "ada.turing12" }, where: search("ada.turing12"), order: name("ASC") },
    { label: "role = COACH", query: { role: "COACH" }, where: Prisma.sql`AND m."role" = 'COACH'`, order: name("ASC") },
    {
      label: "status = DEACTIVATED",
      query: { status: "DEACTIVATED" },
      where: Prisma.sql`AND m."status" = 'DEACTIVATED'`,
      order: name("ASC"),
    },
    {
      label: "invitation = pending",
      query: { invitation: "pending" },
      where: Prisma.sql`AND m."status" = 'INVITED' AND EXISTS (SELECT 1 FROM "Invitation" i WHERE i."organizationId" = m."organizationId" AND i."membershipId" = m."id" AND i."acceptedAt" IS NULL AND i."cancelledAt" IS NULL)`,
      order: name("ASC"),
    },
    {
      label: "unit with sub-units",
      query: { unit: big.units[1] },
      where: Prisma.sql`AND m."unitId" = ANY(${unitIds}::uuid[])`,
      order: name("ASC"),
    },
    {
      label: "joined in the last week",
      query: { joined: "week" },
      where: Prisma.sql`AND m."joinedAt" >= now() - interval '7 days'`,
      order: name("ASC"),
    },
    { label: "sort name desc", query: { dir: "desc" }, where: none, order: name("DESC") },
    { label: "sort last active desc", query: { sort: "lastActive", dir: "desc" }, where: none, order: nullsLast("lastActiveAt", "DESC") },
    { label: "sort joined asc", query: { sort: "joined" }, where: none, order: nullsLast("joinedAt", "ASC") },
    { label: "page 2,000 by name", query: { page: "2000" }, where: none, order: name("ASC"), page: 2000 },
    { label: `last page (${lastPage}) by name`, query: { page: String(lastPage) }, where: none, order: name("ASC"), page: lastPage },
    {
      label: `last page by joined`,
      query: { sort: "joined", page: String(lastPage) },
      where: none,
      order: nullsLast("joinedAt", "ASC"),
      page: lastPage,
    },
  ];

  console.log(`\nUsers list at ${MEMBERS.toLocaleString("en")} members, ${RUNS} runs each (ms)`);
  console.log(
    `${"case".padEnd(36)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"SQL p50".padStart(8)} ${"SQL p95".padStart(8)} ${"ratio".padStart(6)}`,
  );
  let worstP95 = 0;
  let worstRatio = 0;
  for (const c of cases) {
    const filter = userFilterSchema.parse(c.query);
    const [first] = [await listUsers(db, actor, filter)];
    const [, sqlRows] = await baseline(db, big.id, c.where, c.order, c.page ?? 1);
    if ((sqlRows as unknown[]).length !== first.rows.length)
      console.log(`  ! ${c.label}: ${first.rows.length} rows vs ${(sqlRows as unknown[]).length} from SQL`);
    const ours = await time(() => listUsers(db, actor, filter));
    const sql = await time(() => baseline(db, big.id, c.where, c.order, c.page ?? 1));
    const ratio = ours.p95 / sql.p95;
    worstP95 = Math.max(worstP95, ours.p95);
    worstRatio = Math.max(worstRatio, ratio);
    console.log(
      `${c.label.padEnd(36)} ${ours.p50.toFixed(1).padStart(8)} ${ours.p95.toFixed(1).padStart(8)} ${sql.p50.toFixed(1).padStart(8)} ${sql.p95.toFixed(1).padStart(8)} ${ratio.toFixed(2).padStart(6)}`,
    );
  }
  console.log(`worst p95 ${worstP95.toFixed(1)} ms (target < 100), worst ratio to SQL ${worstRatio.toFixed(2)}x (target <= 2)`);

  // The export, streamed, for a fifth of the members and for all of them: memory is sampled while it
  // runs; flat memory means the peak does not grow with the number of rows.
  const gc = (globalThis as { gc?: () => void }).gc;
  for (const [label, query] of [
    ["coaches only", { role: "COACH" }],
    ["every member", {}],
  ] as const) {
    gc?.();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    let retained = before.heapUsed;
    let chunks = 0;
    let bytes = 0;
    let lines = 0;
    const start = performance.now();
    for await (const chunk of exportUsersCsv(db, actor, userFilterSchema.parse(query))) {
      bytes += Buffer.byteLength(chunk);
      lines += chunk.split("\r\n").length - 1;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      // Every 20 batches, what is still held after a collection: garbage aside, does it grow?
      if (gc && ++chunks % 20 === 0) {
        gc();
        retained = Math.max(retained, process.memoryUsage().heapUsed);
      }
    }
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `Export, ${label}: ${(lines - 1).toLocaleString("en")} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s; ` +
        `heap ${(before.heapUsed / 1e6).toFixed(0)} MB before, peak +${((peakHeap - before.heapUsed) / 1e6).toFixed(0)} MB with garbage, ` +
        (gc
          ? `at most +${((retained - before.heapUsed) / 1e6).toFixed(1)} MB retained after collections`
          : "(run with --expose-gc to see what is retained)"),
    );
  }
  console.log("Targets: export of 100,000 rows in under 5 s; retained memory that does not grow with the row count.");
});
