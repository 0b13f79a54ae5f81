import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { coacheeOfCoach } from "../coaching/relationship";

/** The coachee profile's header: one of the acting coach's coachees, with the programmes of their active pathways. */
export async function getCoacheeProfile(db: Db, actor: Actor, coacheeMembershipId: string) {
  assertCan(actor.role, "coachees:manage");
  const t = tenantDb(db, actor.organizationId);
  const coachee = await coacheeOfCoach(t, actor, coacheeMembershipId);
  const pathways = await t.pathway.findMany({
    where: { membershipId: coachee.id, status: "ACTIVE" },
    orderBy: { startDate: "desc" },
    select: { programme: { select: { id: true, name: true } } },
  });
  const programmes = [...new Map(pathways.map((p) => [p.programme.id, p.programme.name])).values()];
  return { ...coachee, programmes };
}
