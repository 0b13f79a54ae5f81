import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { NotFoundError, ForbiddenError } from "../errors";
import { GIB } from "../files/limits";
import { checkbox, localeSchema, NAME_MAX, nameField } from "../web/form-fields";

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "Enter domains like example.com");

// Checkboxes and lists arrive from forms as strings; these turn them into the values the service takes.
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
  defaultLocale: localeSchema.optional(),
  implementationAdminsEnabled: checkbox,
  implementationAdminDomains: domainList,
  // Plan fields: only an OWNER may change them (checked below, not by the schema).
  seatLimit: z.coerce
    .number({ error: "Enter a number of seats" })
    .int("Whole seats only")
    .min(1, "At least 1 seat")
    .max(100_000)
    .optional(),
  // In GB (GiB) as the form shows it, to the hundredth; stored in bytes.
  storageQuotaGb: z.coerce
    .number({ error: "Enter a number of GB" })
    .min(0.01, "At least 0.01 GB")
    .max(100_000, "At most 100,000 GB")
    .optional(),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

const SELECT = {
  name: true,
  slug: true,
  plan: true,
  seatLimit: true,
  storageQuotaBytes: true,
  invitationExpiryDays: true,
  defaultInvitationMessage: true,
  defaultLocale: true,
  implementationAdminsEnabled: true,
  implementationAdminDomains: true,
} as const;

/** The settings as the form and the audit trail take them (the quota in bytes, as a plain number). */
function plain<T extends { storageQuotaBytes: bigint }>(org: T) {
  return { ...org, storageQuotaBytes: Number(org.storageQuotaBytes) };
}

export async function getSettings(db: Db, actor: Actor) {
  assertCan(actor.role, "settings:manage");
  const org = await tenantDb(db, actor.organizationId).organization.findUnique({ where: { id: actor.organizationId }, select: SELECT });
  if (!org) throw new NotFoundError();
  return plain(org);
}

/** Updates the organisation's settings; the plan's seat limit and storage quota only for an OWNER. Audited with before and after. */
export async function updateSettings(db: Db, actor: Actor, input: SettingsInput) {
  assertCan(actor.role, "settings:manage");
  const { seatLimit, storageQuotaGb, ...rest } = input;
  const storageQuotaBytes = storageQuotaGb === undefined ? undefined : Math.round(storageQuotaGb * GIB);
  return tenantDb(db, actor.organizationId).$transaction(async (tx) => {
    const found = await tx.organization.findUnique({ where: { id: actor.organizationId }, select: SELECT });
    if (!found) throw new NotFoundError();
    const before = plain(found);
    const planChanged =
      (seatLimit !== undefined && seatLimit !== before.seatLimit) ||
      (storageQuotaBytes !== undefined && storageQuotaBytes !== before.storageQuotaBytes);
    if (planChanged && !can(actor.role, "plan:manage")) {
      throw new ForbiddenError("Only an owner can change the plan, the seat limit or the storage quota.");
    }
    const after = plain(
      await tx.organization.update({
        where: { id: actor.organizationId },
        data: {
          ...rest,
          ...(seatLimit !== undefined ? { seatLimit } : {}),
          ...(storageQuotaBytes !== undefined ? { storageQuotaBytes: BigInt(storageQuotaBytes) } : {}),
        },
        select: SELECT,
      }),
    );
    await recordAudit(tx, actor, { action: "settings.update", targetType: "organization", targetId: actor.organizationId, before, after });
    return after;
  });
}
