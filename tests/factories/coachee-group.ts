import type { Db } from "../../lib/db/client";

/** A coach's coachee group holding some of the coach's coachees (the schema refuses anyone else's). */
export async function createCoacheeGroup(
  db: Db,
  coach: { organizationId: string; id: string },
  overrides: { name?: string; description?: string; coachees?: { id: string }[] } = {},
) {
  const group = await db.coacheeGroup.create({
    data: {
      organizationId: coach.organizationId,
      coachMembershipId: coach.id,
      name: overrides.name ?? `Group ${Math.random().toString(36).slice(2, 8)}`,
      description: overrides.description ?? "",
    },
  });
  if (overrides.coachees?.length)
    await db.coacheeGroupMember.createMany({
      data: overrides.coachees.map((c) => ({
        organizationId: coach.organizationId,
        groupId: group.id,
        coachMembershipId: coach.id,
        coacheeMembershipId: c.id,
      })),
    });
  return group;
}
