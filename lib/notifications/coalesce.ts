import { coachingCircle } from "../coaching/relationship";
import type { Db } from "../db/client";
import { notificationEmailCandidates } from "../db/cross-tenant";
import { tenantDb } from "../db/tenant";
import { memberLocale } from "../i18n/member-locale";
import { readerFor } from "../i18n/translator";
import { queueEmail } from "../mail/outbox";
import { DEFAULT_DELIVERY, isNotificationKind } from "./kinds";
import { audienceOf } from "./notify";
import { absolute, centrePath, namesOf, pathFor, preferencesPath, sentenceOf, summaryOf } from "./render";

/**
 * Sends the coalesced notification emails that are due at `now`. notify() marks each new row a member
 * wants by email at once with the end of its window (emailDueAt, EMAIL_WINDOW_MS after it happened);
 * once a member's earliest waiting row is due, one email lists everything waiting for them, so a coach
 * building a plan of 8 actions sends one email, and a thread of 20 comments at most one per window.
 *
 * Why the email waits for the window's end rather than the first going at once: in-app notifications are
 * immediate already, and an email at once followed by "and 7 more" ten minutes later is the two emails a
 * burst should not send; one complete email a few minutes late is what a person reading mail expects.
 *
 * Each window is claimed first (a NotificationEmail row named by its first waiting notification: INSERT
 * ... ON CONFLICT DO NOTHING, so of several workers only the one whose insert wins sends), then the rows
 * are taken by one conditional update (emailDueAt set to null where it still is set), so a row is in one
 * email at most. Under the claim, and only then, it decides what goes:
 * - what the member has read in the app meanwhile is left out (the email tells what they have not seen;
 *   if they have seen everything, no email goes);
 * - a kind they now take in the digest or in the app only is left out (the digest still finds it);
 * - only what they may still see: the member is still in the coachee's circle and the kind's audience
 *   (lib/coaching/relationship.ts), so access lost before the window closed drops the item.
 * All in one transaction with the email's outbox row, so a crash sends all or nothing and a restart
 * finds the rows still waiting.
 */
export async function runNotificationEmails(db: Db, now: Date = new Date()): Promise<{ sent: number; items: number }> {
  const report = { sent: 0, items: 0 };
  for (const c of await notificationEmailCandidates(db, now)) {
    // One member whose email fails (a malformed address, say) is logged and passed over, not everyone after them.
    const items = await tenantDb(db, c.organizationId)
      .$transaction(async (tx) => {
        const { count } = await tx.notificationEmail.createMany({
          data: [{ organizationId: c.organizationId, membershipId: c.membershipId, firstId: c.firstId, dueAt: c.dueAt }],
          skipDuplicates: true,
        });
        if (count === 0) return 0;
        const taken = await tx.notification.updateManyAndReturn({
          where: { recipientMembershipId: c.membershipId, emailDueAt: { not: null } },
          data: { emailDueAt: null },
        });
        const chosen = await tx.notificationPreference.findMany({
          where: { membershipId: c.membershipId },
          select: { kind: true, delivery: true },
        });
        const choice = new Map(chosen.map((p) => [p.kind, p.delivery]));
        const waiting = taken
          .filter(
            (r) =>
              r.readAt === null &&
              r.emailedAt === null &&
              r.digestedAt === null &&
              isNotificationKind(r.kind) &&
              (choice.get(r.kind) ?? DEFAULT_DELIVERY[r.kind]) === "IMMEDIATE",
          )
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
        // Who may see each thing now: the member among those the kind tells in the coachee's circle.
        const circles = new Map(
          await Promise.all(
            [...new Set(waiting.map((r) => r.coacheeMembershipId))].map(async (id) => [id, await coachingCircle(tx, id)] as const),
          ),
        );
        const rows = waiting.filter(
          (r) =>
            isNotificationKind(r.kind) &&
            audienceOf(circles.get(r.coacheeMembershipId)!, r.kind, r.data, r.actorMembershipId).some((p) => p.id === c.membershipId),
        );
        if (!rows.length) return 0;
        const [member, organization, names] = await Promise.all([
          tx.membership.findFirstOrThrow({
            where: { id: c.membershipId },
            select: { locale: true, user: { select: { email: true, locale: true } } },
          }),
          tx.organization.findFirstOrThrow({ select: { name: true, slug: true, defaultLocale: true } }),
          namesOf(
            tx,
            rows.flatMap((r) => [r.actorMembershipId, r.coacheeMembershipId]),
          ),
        ]);
        const preferencesUrl = absolute(preferencesPath(organization.slug));
        const locale = memberLocale(member, organization.defaultLocale);
        const reader = await readerFor(locale);
        await (rows.length === 1
          ? queueEmail(tx, {
              organizationId: c.organizationId,
              to: member.user.email,
              template: "notification",
              props: {
                sentence: sentenceOf(reader, rows[0], names),
                url: absolute(pathFor(organization.slug, rows[0])),
                organizationName: organization.name,
                preferencesUrl,
              },
              locale,
            })
          : queueEmail(tx, {
              organizationId: c.organizationId,
              to: member.user.email,
              template: "notification-summary",
              props: {
                lines: summaryOf(reader, organization.slug, rows, names),
                organizationName: organization.name,
                centreUrl: absolute(centrePath(organization.slug)),
                preferencesUrl,
              },
              locale,
            }));
        await tx.notification.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { emailedAt: now } });
        await tx.notificationEmail.updateMany({
          where: { membershipId: c.membershipId, firstId: c.firstId },
          data: { items: rows.length },
        });
        return rows.length;
      })
      .catch(async (error: unknown) => {
        // Passed over for good, not tried again at every poll: what it was about stays in the app.
        console.error("[notification email] member passed over", c.membershipId, error);
        await tenantDb(db, c.organizationId)
          .notification.updateMany({
            where: { recipientMembershipId: c.membershipId, emailDueAt: { lte: now } },
            data: { emailDueAt: null },
          })
          .catch(() => {});
        return 0;
      });
    if (items) {
      report.sent++;
      report.items += items;
    }
  }
  return report;
}
