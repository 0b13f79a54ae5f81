import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan } from "../authz/permissions";
import { listVisibleProgrammes } from "../programmes/scope";
import { allUnits } from "../units/units";

/** What the Invite form offers: the settings it starts from, the units, and the programmes the actor may invite into. */
export async function inviteFormContext(db: Db, actor: Actor) {
  assertCan(actor.role, "invitations:send");
  const t = tenantDb(db, actor.organizationId);
  const [settings, units, programmes] = await Promise.all([
    t.organization.findFirstOrThrow({ select: { defaultInvitationMessage: true, implementationAdminsEnabled: true, defaultLocale: true } }),
    allUnits(t),
    listVisibleProgrammes(db, actor),
  ]);
  return { settings, units, programmes };
}
