import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { NotFoundError, ForbiddenError } from "../errors";
import { NAME_MAX, nameField } from "../web/form-fields";

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "Enter domains like example.com");

// Checkboxes and lists arrive from forms as strings; these turn them into the values the service takes.
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const domainList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : v),
  z.array(domain).max(50, "At most 50 domains"),
);

export const settingsSchema = z.strictObject({
  name: nameField({ label: "the organisation's name", max: NAME_MAX }),
  invitationExpiryDays: z.coerce
    .number({ error: "Enter a number of days" })
    .int("Whole days only")
    .min(1, "At least 1 day")
    .max(90, "At most 90 days"),
  defaultInvitationMessage: z.string().trim().max(2000, "At most 2,000 characters"),
  implementationAdminsEnabled: checkbox,
  implementationAdminDomains: domainList,
  // Plan fields: only an OWNER may change them (checked below, not by the schema).
  seatLimit: z.coerce
    .number({ error: "Enter a number of seats" })
    .int("Whole seats only")
    .min(1, "At least 1 seat")
    .max(100_000)
    .optional(),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

const SELECT = {
  name: true,
  slug: true,
  plan: true,
  seatLimit: true,
  invitationExpiryDays: true,
  defaultInvitationMessage: true,
  implementationAdminsEnabled: true,
  implementationAdminDomains: true,
} as const;

export async function getSettings(db: Db, actor: Actor) {
  assertCan(actor.role, "settings:manage");
  const org = await tenantDb(db, actor.organizationId).organization.findUnique({ where: { id: actor.organizationId }, select: SELECT });
  if (!org) throw new NotFoundError();
  return org;
}

/** Updates the organisation's settings; the seat limit only for an OWNER. Audited with before and after. */
export async function updateSettings(db: Db, actor: Actor, input: SettingsInput) {
  assertCan(actor.role, "settings:manage");
  const { seatLimit, ...rest } = input;
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: actor.organizationId }, select: SELECT });
    if (!before) throw new NotFoundError();
    if (seatLimit !== undefined && seatLimit !== before.seatLimit && !can(actor.role, "plan:manage")) {
      throw new ForbiddenError("Only an owner can change the plan or the seat limit.");
    }
    const after = await tx.organization.update({
      where: { id: actor.organizationId },
      data: { ...rest, ...(seatLimit !== undefined ? { seatLimit } : {}) },
      select: SELECT,
    });
    await recordAudit(tx, actor, { action: "settings.update", targetType: "organization", targetId: actor.organizationId, before, after });
    return after;
  });
}
