// Benchmark of the CSV import at 1,000 and 10,000 rows.
//
//   npm run bench:import
//
// Generates files with a realistic share of repeated rows (3%) and errors (5%), then measures the
// preview (read + check + keep) and the confirm (memberships, invitations, pathways, outbox rows)
// separately, printing rows per second and peak heap, beside the same rows written by plain
// `INSERT ... SELECT unnest(...)` statements into the same tables: the physical limit, as a ratio.
// It prints figures; it never fails on machine speed.
import { performance } from "node:perf_hooks";
import type { Actor } from "../lib/authz/actor";
import type { Db } from "../lib/db/client";
import { confirmImport, previewImport } from "../lib/imports/import";
import { generateToken } from "../lib/security/tokens";
import { actorOf, createCohort, createProgramme } from "../tests/factories";
import { createOrganizationWith } from "../tests/support/world";
import { runBench } from "./support";

const SIZES = (process.env.SIZES ?? "1000,10000").split(",").map(Number);
const HEADER = "username,first_name,last_name,email,programme,startdate,primary_coach,timezone,tag";

function file(rows: number, tag: string): Uint8Array {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const n = i % 33 === 32 ? i - 1 : i; // ~3% repeated
    const email = `p${n}@${tag}.bench.test`;
    const date = i % 20 === 19 ? "31-02-2026" : "01-03-2026"; // 5% errors
    lines.push(`${email},First${n},Last${n},${email},Bench Programme,${date},coach@${tag}.bench.test,Europe/London,t${n % 7}`);
  }
  return new TextEncoder().encode(lines.join("\r\n"));
}

/** An organisation with an admin, the coach the file names, "Bench Programme" and a cohort (the test factories). */
async function setup(db: Db, tag: string) {
  const team = await createOrganizationWith(
    db,
    ["admin", "coach"],
    { name: `Bench ${tag}`, slug: `bench-${tag}`, seatLimit: 100 },
    {
      admin: { email: `admin@${tag}.bench.test`, account: { firstName: "Ada", lastName: "Admin" } },
      coach: { email: `coach@${tag}.bench.test`, account: { firstName: "Cy", lastName: "Coach" } },
    },
  );
  const programme = await createProgramme(db, team.org.id, { name: "Bench Programme", sessionsIncluded: 6 });
  const cohort = await createCohort(db, programme, { name: "Bench" });
  const actor: Actor = { ...actorOf(team.admin), ipAddress: null };
  return { org: team.org, actor, coach: team.coach.membership, programme, cohort };
}

/** The same kind of rows, written with one unnest statement per table: what the database itself can do. */
async function rawInsert(db: Db, rows: number, tag: string) {
  const { org, actor, coach, programme, cohort } = await setup(db, tag);
  const emails = Array.from({ length: rows }, (_, i) => `p${i}@${tag}.bench.test`);
  const tokens = emails.map(() => generateToken().hash);
  const html = "<html><body>".padEnd(3000, "x");
  const start = performance.now();
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "User" ("id", "email", "firstName", "lastName", "updatedAt")
      SELECT gen_random_uuid(), e, 'First', 'Last', now() FROM unnest(${emails}::text[]) AS e`;
    await tx.$executeRaw`INSERT INTO "Membership" ("organizationId", "id", "userId", "role", "status", "updatedAt")
      SELECT ${org.id}::uuid, gen_random_uuid(), u."id", 'PARTICIPANT', 'INVITED', now() FROM "User" u WHERE u."email" = ANY(${emails}::text[])`;
    await tx.$executeRaw`INSERT INTO "Invitation" ("organizationId", "id", "membershipId", "email", "role", "tokenHash", "expiresAt", "invitedById")
      SELECT ${org.id}::uuid, gen_random_uuid(), m."id", u."email", 'PARTICIPANT', t.h, now() + interval '14 days', ${actor.userId}::uuid
        FROM unnest(${emails}::text[], ${tokens}::text[]) AS t(e, h) JOIN "User" u ON u."email" = t.e JOIN "Membership" m ON m."userId" = u."id" AND m."organizationId" = ${org.id}::uuid`;
    await tx.$executeRaw`INSERT INTO "Pathway" ("organizationId", "id", "membershipId", "programmeId", "cohortId", "coachMembershipId", "startDate", "timezone", "updatedAt")
      SELECT ${org.id}::uuid, gen_random_uuid(), m."id", ${programme.id}::uuid, ${cohort.id}::uuid, ${coach.id}::uuid, '2026-03-01', 'Europe/London', now()
        FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE m."organizationId" = ${org.id}::uuid AND u."email" = ANY(${emails}::text[])`;
    await tx.$executeRaw`INSERT INTO "EmailOutbox" ("id", "organizationId", "toAddress", "subject", "html", "text", "template")
      SELECT gen_random_uuid(), ${org.id}::uuid, e, 'Invitation', ${html}, 'text', 'invitation' FROM unnest(${emails}::text[]) AS e`;
  });
  return performance.now() - start;
}

runBench("pathwise_bench_import", async (db) => {
  console.log(
    `${"rows".padStart(7)} ${"preview s".padStart(10)} ${"rows/s".padStart(9)} ${"confirm s".padStart(10)} ${"rows/s".padStart(9)} ${"raw s".padStart(7)} ${"ratio".padStart(6)} ${"peak heap".padStart(10)}`,
  );
  for (const size of SIZES) {
    const tag = `s${size}x${Date.now().toString(36)}`;
    const { actor, cohort } = await setup(db, tag);
    const bytes = file(size, tag);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    let start = performance.now();
    const preview = await previewImport(db, actor, { cohortId: cohort.id, fileName: "bench.csv", bytes });
    const previewMs = performance.now() - start;
    start = performance.now();
    const result = await confirmImport(db, actor, preview.id);
    const confirmMs = performance.now() - start;
    clearInterval(sampler);
    const rawMs = await rawInsert(db, result.invited, `${tag}raw`);
    console.log(
      `${String(size).padStart(7)} ${(previewMs / 1000).toFixed(2).padStart(10)} ${Math.round(size / (previewMs / 1000))
        .toString()
        .padStart(9)} ` +
        `${(confirmMs / 1000).toFixed(2).padStart(10)} ${Math.round(result.invited / (confirmMs / 1000))
          .toString()
          .padStart(9)} ` +
        `${(rawMs / 1000).toFixed(2).padStart(7)} ${(confirmMs / rawMs).toFixed(1).padStart(6)} ${`+${((peak - heapBefore) / 1e6).toFixed(0)} MB`.padStart(10)}` +
        `   (green ${preview.green}, yellow ${preview.yellow}, red ${preview.red}; ${result.emails} emails queued)`,
    );
  }
  console.log("Targets at 10,000 rows: preview under 2 s, confirm under 10 s including the outbox rows, within 5x of the raw insert.");
});
