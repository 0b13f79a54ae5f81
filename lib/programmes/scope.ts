import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { tenantDb, type TenantTx } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, PROGRAMME_SCOPED_ROLES } from "../authz/permissions";

/**
 * Which programmes the actor's work is limited to: `null` for roles that see the whole organisation,
 * otherwise the ids of the programmes assigned to their membership (possibly none). Every programme,
 * cohort and pathway query for a programme-scoped role filters by this.
 */
export async function programmeScope(t: TenantTx, actor: Actor): Promise<string[] | null> {
  if (!PROGRAMME_SCOPED_ROLES.has(actor.role)) return null;
  const rows = await t.programmeAssignment.findMany({
    where: { membershipId: actor.membershipId },
    select: { programmeId: true },
  });
  return rows.map((r) => r.programmeId);
}

/** A `where` on rows with a programmeId: within the scope, or everything when there is no scope. */
export function inProgrammes(scope: string[] | null): { programmeId?: { in: string[] } } {
  return scope ? { programmeId: { in: scope } } : {};
}

/**
 * The members a programme-scoped actor may see: those assigned to one of the same programmes, and the
 * participants and coaches of those programmes' pathways.
 */
export function membersOfProgrammes(programmeIds: string[]): Prisma.MembershipWhereInput {
  const inProgrammes = { some: { programmeId: { in: programmeIds } } };
  return { OR: [{ programmes: inProgrammes }, { pathways: inProgrammes }, { coaching: inProgrammes }] };
}

/** The programmes the actor may see, by name. */
export async function listVisibleProgrammes(db: Db, actor: Actor) {
  assertCan(actor.role, "programmes:view");
  const t = tenantDb(db, actor.organizationId);
  const scope = await programmeScope(t, actor);
  return t.programme.findMany({
    where: scope ? { id: { in: scope } } : {},
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
