import { z } from "zod";
import type { Db } from "../db/client";
import { tenantDb } from "../db/tenant";
import type { Actor } from "../authz/actor";
import { assertCan, can } from "../authz/permissions";
import { recordAudit } from "../audit/record";
import { NotFoundError, ForbiddenError } from "../errors";
import { msg } from "../i18n/msg";
import { GIB } from "../files/limits";
import { checkbox, localeSchema, NAME_MAX, nameField } from "../web/form-fields";

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, msg("Settings.server.domainFormat"));

// Checkboxes and lists arrive from forms as strings; these turn them into the values the service takes.
const domainList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : v),
  z.array(domain).max(50, msg("Settings.server.domainsMax")),
);

export const settingsSchema = z.strictObject({
  name: nameField({ label: "the organisation's name", max: NAME_MAX }),
  invitationExpiryDays: z.coerce
    .number({ error: msg("Settings.server.daysMissing") })
    .int(msg("Settings.server.wholeDays"))
    .min(1, msg("Settings.server.daysMin"))
    .max(90, msg("Settings.server.daysMax")),
  defaultInvitationMessage: z.string().trim().max(2000, msg("Settings.server.messageMax")),
  defaultLocale: localeSchema.optional(),
  implementationAdminsEnabled: checkbox,
  implementationAdminDomains: domainList,
  // Plan fields: only an OWNER may change them (checked below, not by the schema).
  seatLimit: z.coerce
    .number({ error: msg("Settings.server.seatsMissing") })
    .int(msg("Settings.server.wholeSeats"))
    .min(1, msg("Settings.server.seatsMin"))
    .max(100_000)
    .optional(),
  // In GB (GiB) as the form shows it, to the hundredth; stored in bytes.
  storageQuotaGb: z.coerce
    .number({ error: msg("Settings.server.gbMissing") })
    .min(0.01, msg("Settings.server.gbMin"))
    .max(100_000, msg("Settings.server.gbMax"))
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
      throw new ForbiddenError(msg("Settings.server.ownerOnly"));
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
