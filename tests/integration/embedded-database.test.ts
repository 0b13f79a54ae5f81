import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { startEmbeddedDatabase } from "../../tools/db/embedded";
import { applyMigrations } from "../../tools/db/schema-engine";
import { seedDemo, DEMO_USERS } from "../../prisma/seed";

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
    } finally {
      await db.$disconnect();
    }
  } finally {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}, 120_000);
