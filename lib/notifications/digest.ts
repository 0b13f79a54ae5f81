import type { Db } from "../db/client";
import { digestCandidates } from "../db/cross-tenant";
import { tenantDb } from "../db/tenant";
import { dayToDate } from "../web/form-fields";
import { isoDate, isoTime, knownZone } from "../format/dates";
import { memberLocale } from "../i18n/member-locale";
import { readerFor } from "../i18n/translator";
import { queueEmail } from "../mail/outbox";
import { DEFAULT_DELIVERY, NOTIFICATION_KINDS } from "./kinds";
import { absolute, centrePath, namesOf, pathFor, preferencesPath, sentenceOf } from "./render";

/** The local hour from which a member's digest for the day goes out. */
export const DIGEST_HOUR = 8;

/** Whether it is 08:00 or later in `zone` at `now`: when digests and reminders go out there. */
export function pastDeliveryHour(now: Date, zone: string): boolean {
  return Number(isoTime(now, zone).slice(11, 13)) >= DIGEST_HOUR;
}

const DIGEST_BY_DEFAULT = NOTIFICATION_KINDS.filter((k) => DEFAULT_DELIVERY[k] === "DIGEST");

/**
 * Sends the daily digests that are due at `now`: for each member with digest notifications waiting,
 * once it is 08:00 or later in their time zone (the membership's; UTC when it has none or the runtime
 * does not know it) on a day they have had no digest yet. The day is claimed first (a NotificationDigest
 * row: INSERT ... ON CONFLICT DO NOTHING, so of several workers only the one whose insert wins sends),
 * then one email lists what is still unread, and those rows are marked digested, all in one transaction.
 */
export async function runDigests(db: Db, now: Date = new Date()): Promise<{ sent: number; items: number }> {
  const report = { sent: 0, items: 0 };
  for (const c of await digestCandidates(db, DIGEST_BY_DEFAULT)) {
    const zone = knownZone(c.timezone);
    if (!pastDeliveryHour(now, zone)) continue;
    const day = dayToDate(isoDate(now, zone));
    // One member whose digest fails (a malformed address, say) is logged and passed over, not everyone after them.
    const items = await tenantDb(db, c.organizationId)
      .$transaction(async (tx) => {
        const { count } = await tx.notificationDigest.createMany({
          data: [{ organizationId: c.organizationId, membershipId: c.membershipId, day }],
          skipDuplicates: true,
        });
        if (count === 0) return 0;
        const [member, chosen] = await Promise.all([
          tx.membership.findFirst({
            where: { id: c.membershipId, status: "ACTIVE" },
            select: { locale: true, user: { select: { email: true, locale: true } } },
          }),
          tx.notificationPreference.findMany({ where: { membershipId: c.membershipId }, select: { kind: true, delivery: true } }),
        ]);
        const choice = new Map(chosen.map((p) => [p.kind, p.delivery]));
        const kinds = NOTIFICATION_KINDS.filter((k) => (choice.get(k) ?? DEFAULT_DELIVERY[k]) === "DIGEST");
        // Read under the claim: only what is still unread now.
        const rows = member
          ? await tx.notification.findMany({
              where: { recipientMembershipId: c.membershipId, kind: { in: kinds }, readAt: null, digestedAt: null, emailedAt: null },
              orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
            })
          : [];
        if (!member || !rows.length) {
          // Everything was read meanwhile: no digest today after all, so a later item may still have one.
          await tx.notificationDigest.deleteMany({ where: { membershipId: c.membershipId, day } });
          return 0;
        }
        const [organization, names] = await Promise.all([
          tx.organization.findFirstOrThrow({ select: { name: true, slug: true, defaultLocale: true } }),
          namesOf(
            tx,
            rows.flatMap((r) => [r.actorMembershipId, r.coacheeMembershipId]),
          ),
        ]);
        const preferencesUrl = absolute(preferencesPath(organization.slug));
        const locale = memberLocale(member, organization.defaultLocale);
        const reader = await readerFor(locale);
        const list = rows.map((r) => ({ sentence: sentenceOf(reader, r, names), url: absolute(pathFor(organization.slug, r)) }));
        await (list.length === 1
          ? queueEmail(tx, {
              organizationId: c.organizationId,
              to: member.user.email,
              template: "notification",
              props: { ...list[0], organizationName: organization.name, preferencesUrl },
              locale,
            })
          : queueEmail(tx, {
              organizationId: c.organizationId,
              to: member.user.email,
              template: "notification-digest",
              props: {
                items: list,
                organizationName: organization.name,
                centreUrl: absolute(centrePath(organization.slug)),
                preferencesUrl,
              },
              locale,
            }));
        await tx.notification.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { digestedAt: now } });
        await tx.notificationDigest.updateMany({ where: { membershipId: c.membershipId, day }, data: { items: rows.length } });
        return rows.length;
      })
      .catch((error: unknown) => {
        console.error("[digest] member passed over", c.membershipId, error);
        return 0;
      });
    if (items) {
      report.sent++;
      report.items += items;
    }
  }
  return report;
}
