import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { startEmbeddedDatabase } from "../../tools/db/embedded";
import { applyMigrations } from "../../tools/db/schema-engine";
import { seedDemo, DEMO_USERS } from "../../prisma/seed";
import { listActivity } from "../../lib/activity/list";

it("the embedded database starts, takes the migrations and the seed, and serves queries", async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "pathwise-embedded-"));
  const embedded = await startEmbeddedDatabase({ dataDir });
  try {
    const applied = await applyMigrations(embedded.url);
    expect(applied.length).toBeGreaterThan(0);
    expect(await applyMigrations(embedded.url)).toEqual([]);

    const db = createDb(embedded.url);
    try {
      expect(await seedDemo(db)).toBe(true);
      expect(await seedDemo(db)).toBe(false); // seeds once
      const org = await db.organization.findUniqueOrThrow({
        where: { slug: "acme" },
        include: { _count: { select: { memberships: true, units: true } } },
      });
      // The demo users, and Nina, whom Carla added as a coachee and has not invited yet.
      expect(org._count).toEqual({ memberships: DEMO_USERS.length + 1, units: 2 });
      // Carla coaches Pat through the pathway (the trigger's row) and Sam and Nina whom she added.
      const origins = await db.coachingRelationship.groupBy({ by: ["origin"], where: { organizationId: org.id }, _count: true });
      expect(Object.fromEntries(origins.map((o) => [o.origin, o._count]))).toEqual({ PATHWAY: 1, ADDED: 2 });
      // Pat's seeded sessions and message are in her activity, and "Last activity" is the newest of them,
      // so the Activity tab, the coachee list and Carla's dashboard agree from the first visit.
      const carla = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, user: { email: "coach1@acme.test" } } });
      const pat = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, user: { email: "pat@acme.test" } } });
      const actor = { userId: carla.userId, membershipId: carla.id, organizationId: org.id, role: carla.role };
      const activity = await listActivity(db, actor, pat.id, { page: 1 });
      expect(activity.events.map((e) => e.kind).sort()).toEqual([
        "message.sent",
        "session.attended",
        "session.attended",
        "session.scheduled",
      ]);
      const relationship = await db.coachingRelationship.findFirstOrThrow({
        where: { organizationId: org.id, coachMembershipId: carla.id, coacheeMembershipId: pat.id },
      });
      expect(relationship.lastActivityAt).toEqual(activity.events[0].createdAt);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}, 120_000);
