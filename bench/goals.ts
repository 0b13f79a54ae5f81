// Benchmark of goals: the Goals tab's data, the progress slider, and the bell's unread count.
//
//   npm run bench:goals   (GOALS=100 MILESTONES=5 ACTIONS=8 NOTIFICATIONS=1000000 RUNS=50 to change the size)
//
// Seeds a database of its own: one organisation with a coach and a coachee who has GOALS goals of
// MILESTONES milestones of ACTIONS actions each (100 x 5 x 8 = 4,000 actions), 50 other coachees with
// 10 goals of their own, and NOTIFICATIONS notification rows spread over 2,000 members (the coach among
// them, with a few thousand rows of which some are unread). Then it times, beside hand-written SQL doing
// the same work:
// - listGoals, the exact service the Goals tab calls, for the coach;
// - setActionItemProgress, the slider, moved by the coachee on actions all over their goals: the action,
//   its milestone and goal rolled up under the goal's lock, and the coaches' notification rows, in one
//   transaction;
// - unreadCount, what the bell on every page reads.
// It prints p50/p95 and the ratios; it never fails on machine speed.
import { performance } from "node:perf_hooks";
import type { Actor } from "../lib/authz/actor";
import type { Db } from "../lib/db/client";
import { listGoals } from "../lib/goals/goals";
import { setActionItemProgress } from "../lib/goals/action-items";
import { unreadCount } from "../lib/notifications/centre";
import { createCoachingRelationship, createMember, createOrganization } from "../tests/factories";
import { actorOf } from "../tests/factories/actor";
import { runBench, percentiles } from "./support";

const GOALS = Number(process.env.GOALS ?? 100);
const MILESTONES = Number(process.env.MILESTONES ?? 5);
const ACTIONS = Number(process.env.ACTIONS ?? 8);
const NOTIFICATIONS = Number(process.env.NOTIFICATIONS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 50);
const OTHER_COACHEES = 50;
const RECIPIENTS = 2_000;

const time = (fn: () => Promise<unknown>) => percentiles(fn, RUNS);
const ms = (n: number) => n.toFixed(1).padStart(7);
const secondsSince = (start: number) => ((performance.now() - start) / 1000).toFixed(1);

/** A coachee's goals, milestones and actions in SQL, with their figures rolled up as the services would. */
async function seedGoals(db: Db, organizationId: string, coacheeId: string, goals: number, milestones: number, actions: number) {
  await db.$executeRaw`
    INSERT INTO "Goal" ("organizationId", "id", "coacheeMembershipId", "title", "description", "position", "createdByMembershipId", "updatedAt")
    SELECT ${organizationId}::uuid, gen_random_uuid(), ${coacheeId}::uuid, 'Goal ' || g, 'Why goal ' || g || ' matters', g, ${coacheeId}::uuid, now()
      FROM generate_series(1, ${goals}) g`;
  await db.$executeRaw`
    INSERT INTO "Milestone" ("organizationId", "id", "goalId", "title", "position", "updatedAt")
    SELECT g."organizationId", gen_random_uuid(), g."id", 'Milestone ' || m, m, now()
      FROM "Goal" g, generate_series(1, ${milestones}) m
     WHERE g."organizationId" = ${organizationId}::uuid AND g."coacheeMembershipId" = ${coacheeId}::uuid`;
  await db.$executeRaw`
    INSERT INTO "Action" ("organizationId", "id", "coacheeMembershipId", "goalId", "milestoneId", "title", "dueDate", "progress", "weight",
                          "completedAt", "position", "createdByMembershipId", "updatedAt")
    SELECT m."organizationId", gen_random_uuid(), ${coacheeId}::uuid, m."goalId", m."id", 'Action ' || a, current_date + (a * 3 - 12),
           (a * 37) % 101, 1 + a % 3, CASE WHEN (a * 37) % 101 = 100 THEN now() END, a, ${coacheeId}::uuid, now()
      FROM "Milestone" m JOIN "Goal" g ON g."organizationId" = m."organizationId" AND g."id" = m."goalId", generate_series(1, ${actions}) a
     WHERE g."organizationId" = ${organizationId}::uuid AND g."coacheeMembershipId" = ${coacheeId}::uuid`;
  // The figures, as lib/goals/rollup.ts would store them (weighted means of all the work under each).
  await db.$executeRaw`
    UPDATE "Milestone" m SET "progress" = s.p FROM (
      SELECT "milestoneId", round(sum("progress" * "weight")::numeric / sum("weight"))::int AS p FROM "Action"
       WHERE "organizationId" = ${organizationId}::uuid AND "coacheeMembershipId" = ${coacheeId}::uuid GROUP BY "milestoneId") s
     WHERE m."organizationId" = ${organizationId}::uuid AND m."id" = s."milestoneId"`;
  await db.$executeRaw`
    UPDATE "Goal" g SET "progress" = s.p FROM (
      SELECT "goalId", round(sum("progress" * "weight")::numeric / sum("weight"))::int AS p FROM "Action"
       WHERE "organizationId" = ${organizationId}::uuid AND "coacheeMembershipId" = ${coacheeId}::uuid GROUP BY "goalId") s
     WHERE g."organizationId" = ${organizationId}::uuid AND g."id" = s."goalId"`;
}

/** NOTIFICATIONS rows over RECIPIENTS members (the coach is one of them); about one in five unread. */
async function seedNotifications(db: Db, organizationId: string, recipients: string[], coacheeId: string) {
  const BATCH = 200_000;
  for (let from = 1; from <= NOTIFICATIONS; from += BATCH) {
    const to = Math.min(NOTIFICATIONS, from + BATCH - 1);
    await db.$executeRaw`
      INSERT INTO "Notification" ("organizationId", "id", "recipientMembershipId", "actorMembershipId", "kind", "coacheeMembershipId", "subjectId",
                                  "data", "readAt", "createdAt", "updatedAt")
      SELECT ${organizationId}::uuid, gen_random_uuid(), (${recipients}::uuid[])[1 + g % ${recipients.length}], ${coacheeId}::uuid,
             (ARRAY['action.progress', 'goal.created', 'milestone.completed', 'comment.added'])[1 + g % 4], ${coacheeId}::uuid, gen_random_uuid(),
             jsonb_build_object('title', 'Action ' || g, 'progress', g % 101),
             CASE WHEN g % 5 = 0 THEN NULL ELSE now() - make_interval(mins => g % 10000) END,
             now() - make_interval(mins => g % 100000), now() - make_interval(mins => g % 100000)
        FROM generate_series(${from}::int, ${to}::int) g`;
  }
}

runBench("bench_goals", async (db) => {
  const seedStart = performance.now();
  const org = await createOrganization(db, { name: "Goals bench", slug: "goals-bench", seatLimit: 100_000 });
  const coachMember = await createMember(db, org.id, { role: "COACH" });
  const coacheeMember = await createMember(db, org.id, { role: "PARTICIPANT" });
  await createCoachingRelationship(db, { coach: coachMember.membership, coachee: coacheeMember.membership });
  const coach: Actor = actorOf(coachMember);
  const coachee: Actor = actorOf(coacheeMember);
  await seedGoals(db, org.id, coachee.membershipId, GOALS, MILESTONES, ACTIONS);
  for (let i = 0; i < OTHER_COACHEES; i++) {
    const other = await createMember(db, org.id, { role: "PARTICIPANT" });
    await createCoachingRelationship(db, { coach: coachMember.membership, coachee: other.membership });
    await seedGoals(db, org.id, other.membership.id, 10, 3, 4);
  }
  console.log(
    `Seeded ${GOALS} goals x ${MILESTONES} milestones x ${ACTIONS} actions for one coachee (+ ${OTHER_COACHEES} coachees x 10 x 3 x 4) in ${secondsSince(seedStart)} s`,
  );

  const notificationStart = performance.now();
  await db.$executeRaw`
    INSERT INTO "User" ("id", "email", "firstName", "lastName", "updatedAt")
    SELECT md5('bench-goals-' || g)::uuid, 'recipient' || g || '@bench.example', 'Recipient', 'No ' || g, now() FROM generate_series(1, ${RECIPIENTS - 1}) g`;
  await db.$executeRaw`
    INSERT INTO "Membership" ("organizationId", "id", "userId", "role", "status", "joinedAt", "updatedAt")
    SELECT ${org.id}::uuid, md5('bench-goals-m-' || g)::uuid, md5('bench-goals-' || g)::uuid, 'PARTICIPANT', 'ACTIVE', now(), now()
      FROM generate_series(1, ${RECIPIENTS - 1}) g`;
  const recipients = [
    coach.membershipId,
    ...(
      await db.membership.findMany({
        where: { organizationId: org.id, user: { email: { endsWith: "@bench.example" } } },
        select: { id: true },
      })
    ).map((m) => m.id),
  ];
  await seedNotifications(db, org.id, recipients, coachee.membershipId);
  await db.$executeRawUnsafe("ANALYZE");
  const coachRows = await db.notification.count({ where: { organizationId: org.id, recipientMembershipId: coach.membershipId } });
  console.log(
    `Seeded ${NOTIFICATIONS.toLocaleString("en")} notifications over ${RECIPIENTS.toLocaleString("en")} members (the coach has ${coachRows.toLocaleString("en")}) in ${secondsSince(notificationStart)} s\n`,
  );

  const rows: { name: string; p50: number; p95: number; sqlP50: number; sqlP95: number; target: number }[] = [];

  // 1. The Goals tab's data: every goal with its milestones and actions, and the standalone actions.
  const tab = await time(() => listGoals(db, coach, coachee.membershipId));
  const tabSql = await time(() =>
    Promise.all([
      db.$queryRaw`SELECT "id", "title", "description", "dueDate", "progress", "completedAt" FROM "Goal"
                    WHERE "organizationId" = ${org.id}::uuid AND "coacheeMembershipId" = ${coachee.membershipId}::uuid ORDER BY "position", "createdAt", "id"`,
      db.$queryRaw`SELECT m."id", m."goalId", m."title", m."dueDate", m."progress", m."completedAt" FROM "Milestone" m
                     JOIN "Goal" g ON g."organizationId" = m."organizationId" AND g."id" = m."goalId"
                    WHERE g."organizationId" = ${org.id}::uuid AND g."coacheeMembershipId" = ${coachee.membershipId}::uuid ORDER BY m."position", m."createdAt", m."id"`,
      db.$queryRaw`SELECT "id", "title", "description", "dueDate", "progress", "weight", "monitoredByCoach", "completedAt", "goalId", "milestoneId" FROM "Action"
                    WHERE "organizationId" = ${org.id}::uuid AND "coacheeMembershipId" = ${coachee.membershipId}::uuid ORDER BY "position", "createdAt", "id"`,
    ]),
  );
  rows.push({
    name: `Goals tab data (${GOALS * MILESTONES * ACTIONS} actions)`,
    ...tab,
    sqlP50: tabSql.p50,
    sqlP95: tabSql.p95,
    target: 80,
  });

  // 2. The slider: the coachee moves actions all over their goals (each run another action, another value).
  const actionIds = (
    await db.action.findMany({
      where: { organizationId: org.id, coacheeMembershipId: coachee.membershipId },
      select: { id: true },
      orderBy: { id: "asc" },
    })
  ).map((a) => a.id);
  let move = 0;
  const nextMove = () => {
    move++;
    return { actionId: actionIds[(move * 7919) % actionIds.length], progress: (move * 13) % 100 };
  };
  const slider = await time(() => setActionItemProgress(db, coachee, nextMove()));
  const sliderSql = await time(async () => {
    const { actionId, progress } = nextMove();
    await db.$transaction(async (tx) => {
      const [action] = await tx.$queryRaw<{ goalId: string; milestoneId: string }[]>`
        SELECT "goalId"::text, "milestoneId"::text FROM "Action" WHERE "organizationId" = ${org.id}::uuid AND "id" = ${actionId}::uuid`;
      await tx.$queryRaw`SELECT 1 FROM "Goal" WHERE "organizationId" = ${org.id}::uuid AND "id" = ${action.goalId}::uuid FOR UPDATE`;
      await tx.$executeRaw`UPDATE "Action" SET "progress" = ${progress}, "updatedAt" = now() WHERE "organizationId" = ${org.id}::uuid AND "id" = ${actionId}::uuid`;
      await tx.$executeRaw`
        UPDATE "Milestone" SET "progress" = (SELECT round(sum("progress" * "weight")::numeric / sum("weight"))::int FROM "Action"
                                               WHERE "organizationId" = ${org.id}::uuid AND "milestoneId" = ${action.milestoneId}::uuid)
         WHERE "organizationId" = ${org.id}::uuid AND "id" = ${action.milestoneId}::uuid`;
      await tx.$executeRaw`
        UPDATE "Goal" SET "progress" = (SELECT round(sum("progress" * "weight")::numeric / sum("weight"))::int FROM "Action"
                                          WHERE "organizationId" = ${org.id}::uuid AND "goalId" = ${action.goalId}::uuid)
         WHERE "organizationId" = ${org.id}::uuid AND "id" = ${action.goalId}::uuid`;
      await tx.$executeRaw`
        INSERT INTO "Notification" ("organizationId", "id", "recipientMembershipId", "actorMembershipId", "kind", "coacheeMembershipId", "subjectId", "data", "updatedAt")
        VALUES (${org.id}::uuid, gen_random_uuid(), ${coach.membershipId}::uuid, ${coachee.membershipId}::uuid, 'action.progress',
                ${coachee.membershipId}::uuid, ${actionId}::uuid, jsonb_build_object('progress', ${progress}::int), now())`;
    });
  });
  rows.push({ name: "Slider move (roll-up + notification)", ...slider, sqlP50: sliderSql.p50, sqlP95: sliderSql.p95, target: 20 });

  // 3. The bell: the coach's unread count among a million rows.
  const bell = await time(() => unreadCount(db, coach));
  const bellSql = await time(
    () => db.$queryRaw`SELECT count(*) FROM "Notification"
                        WHERE "organizationId" = ${org.id}::uuid AND "recipientMembershipId" = ${coach.membershipId}::uuid AND "readAt" IS NULL`,
  );
  rows.push({
    name: `Unread count (${NOTIFICATIONS.toLocaleString("en")} rows)`,
    ...bell,
    sqlP50: bellSql.p50,
    sqlP95: bellSql.p95,
    target: 5,
  });

  const made = await db.notification.count({
    where: {
      organizationId: org.id,
      recipientMembershipId: coach.membershipId,
      kind: "action.progress",
      actorMembershipId: coachee.membershipId,
      createdAt: { gt: new Date(Date.now() - 3_600_000) },
    },
  });
  console.log(`${RUNS} runs each, times in ms (the slider's notification rows for the coach written this hour: ${made})`);
  console.log(`${"case".padEnd(44)}    p50     p95  SQL p50  SQL p95   ratio  target p95`);
  for (const r of rows)
    console.log(
      `${r.name.padEnd(44)}${ms(r.p50)} ${ms(r.p95)}  ${ms(r.sqlP50)}  ${ms(r.sqlP95)}  ${(r.p95 / r.sqlP95).toFixed(2).padStart(6)}  < ${r.target}${r.p95 < r.target ? "" : "  (over)"}`,
    );
});
