import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { inProgrammes, programmeScope } from "../programmes/scope";
import { displayName } from "../users/display-name";
import { PERSON, seen } from "../users/person";

/** The organisation's active coaches, for the primary-coach typeahead. */
export async function activeCoaches(db: Db, actor: Actor) {
  assertCan(actor.role, "pathways:manage");
  const coaches = await tenantDb(db, actor.organizationId).membership.findMany({
    where: { role: "COACH", status: "ACTIVE" },
    orderBy: { sortName: "asc" },
    select: { id: true, ...PERSON },
  });
  return coaches.map(seen).map((c) => ({ id: c.id, email: c.user.email, name: displayName(c.user) }));
}

/** Cohorts the actor may add pathways to, with their programme, for pickers. */
export async function cohortsForPicker(db: Db, actor: Actor) {
  assertCan(actor.role, "pathways:manage");
  const t = tenantDb(db, actor.organizationId);
  const scope = await programmeScope(t, actor);
  const cohorts = await t.cohort.findMany({
    where: inProgrammes(scope),
    orderBy: [{ programme: { name: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, programme: { select: { name: true } } },
  });
  return cohorts.map((c) => ({ value: c.id, label: `${c.programme.name} › ${c.name}` }));
}
