import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/permissions";
import type { NotificationDelivery } from "../db/generated/enums";
import { COACH_KINDS, COACHEE_KINDS, DEFAULT_DELIVERY, NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS, type NotificationKind } from "./kinds";
import { msg } from "../i18n/msg";

// How each member wants each kind: immediately, in the daily digest, or in the app only. No row means
// the kind's default (lib/notifications/kinds.ts).

const delivery = z.enum(NOTIFICATION_DELIVERIES, { error: msg("NotificationCentre.server.chooseOption") });

/** The preferences form: any of the kinds, each one of the deliveries; nothing else. */
export const preferencesSchema = z.strictObject(
  Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, delivery.optional()])) as Record<NotificationKind, z.ZodOptional<typeof delivery>>,
);
export type PreferencesInput = z.infer<typeof preferencesSchema>;

/** The kinds a member of this role can be told about: a coach's, a coachee's, or none. */
export function kindsFor(role: Actor["role"]): NotificationKind[] {
  const coach = can(role, "coachees:manage");
  const coachee = can(role, "goals:own");
  return NOTIFICATION_KINDS.filter((k) => (coach && COACH_KINDS.includes(k)) || (coachee && COACHEE_KINDS.includes(k)));
}

/** The actor's choice for each kind they can be told about, with the default beside it. */
export async function getPreferences(db: Db, actor: Actor) {
  assertCan(actor.role, "notifications:use");
  const chosen = await tenantDb(db, actor.organizationId).notificationPreference.findMany({
    where: { membershipId: actor.membershipId },
    select: { kind: true, delivery: true },
  });
  const byKind = new Map(chosen.map((p) => [p.kind, p.delivery]));
  return kindsFor(actor.role).map((kind) => ({
    kind,
    delivery: byKind.get(kind) ?? DEFAULT_DELIVERY[kind],
    default: DEFAULT_DELIVERY[kind],
  }));
}

/** Saves the actor's choices for the kinds given (a choice equal to the default is kept too: it stays chosen). */
export async function setPreferences(db: Db, actor: Actor, input: PreferencesInput) {
  assertCan(actor.role, "notifications:use");
  const choices = Object.entries(preferencesSchema.parse(input)).filter(
    (e): e is [NotificationKind, NotificationDelivery] => e[1] !== undefined,
  );
  await tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    for (const [kind, delivery] of choices) {
      await tx.notificationPreference.upsert({
        where: { organizationId_membershipId_kind: { organizationId: actor.organizationId, membershipId: actor.membershipId, kind } },
        create: { organizationId: actor.organizationId, membershipId: actor.membershipId, kind, delivery },
        update: { delivery },
      });
    }
  });
  return { saved: choices.length };
}
