import type { TenantTx } from "../db/tenant";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../authz/actor";
import { assertCan, PATHWAY_REACH } from "../authz/permissions";
import { NotFoundError } from "../errors";
import { programmeScope } from "../programmes/scope";
import { PERSON } from "../users/person";
import { idField, isId } from "../web/form-fields";

export const uuid = idField();

/** The pathways the actor reaches, as a `where`: the one place pathway scope is decided. */
export async function pathwayScope(tx: TenantTx, actor: Actor): Promise<Prisma.PathwayWhereInput> {
  assertCan(actor.role, "pathways:view");
  switch (PATHWAY_REACH[actor.role]) {
    case "all":
      return {};
    case "programmes":
      return { programmeId: { in: (await programmeScope(tx, actor)) ?? [] } };
    case "coached":
      return { coachMembershipId: actor.membershipId };
    case "own":
      return { membershipId: actor.membershipId };
  }
}

/** A pathway the actor reaches, or not found. */
export async function pathwayInScope(tx: TenantTx, actor: Actor, pathwayId: string) {
  if (!isId(pathwayId)) throw new NotFoundError();
  const pathway = await tx.pathway.findFirst({
    where: { id: pathwayId, ...(await pathwayScope(tx, actor)) },
    select: {
      id: true,
      status: true,
      cohortId: true,
      coachMembershipId: true,
      programme: { select: { sessionsIncluded: true } },
      participant: { select: PERSON },
    },
  });
  if (!pathway) throw new NotFoundError();
  return pathway;
}
