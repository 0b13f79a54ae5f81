import type { Db } from "../db/client";
import type { MailTransport } from "./transport";

export const MAX_ATTEMPTS = 10;
/** How long a claimed message stays invisible to other senders; a sender that dies releases it by timing out. */
const LEASE_SECONDS = 300;

/** Exponential backoff: 30 s, 1 min, 2 min, ... capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

type Claimed = {
  id: string;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  calendarMethod: string | null;
  calendar: string | null;
  attempts: number;
};

export type DeliveryReport = { sent: number; retried: number; failed: number };

/**
 * Sends the messages that are due. Claims rows with SKIP LOCKED and a lease, so several processes
 * can deliver at once without sending a message twice, and a crash mid-send only delays it.
 */
export async function deliverDueEmails(
  db: Db,
  transport: MailTransport,
  { from, limit = 50 }: { from: string; limit?: number },
): Promise<DeliveryReport> {
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "EmailOutbox"
       SET "attempts" = "attempts" + 1,
           "nextAttemptAt" = now() + make_interval(secs => ${LEASE_SECONDS})
     WHERE "id" IN (
       SELECT "id" FROM "EmailOutbox"
        WHERE "status" = 'PENDING' AND "nextAttemptAt" <= now()
        ORDER BY "nextAttemptAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING "id", "toAddress", "subject", "html", "text", "calendarMethod", "calendar", "attempts"`;

  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  for (const message of claimed) {
    try {
      const { calendarMethod: method, calendar: content } = message;
      await transport.send({
        from,
        to: message.toAddress,
        subject: message.subject,
        html: message.html,
        text: message.text,
        calendar: method && content ? { method, content } : null,
      });
      await db.emailOutbox.update({
        where: { id: message.id },
        // Bodies carry one-time links (invitations, resets): once the SMTP server has the message, a copy
        // here is only a liability, so it goes. The development mailbox has no other copy and keeps its own.
        data: {
          status: "SENT",
          sentAt: new Date(),
          lastError: null,
          ...(transport.kind === "smtp" ? { html: "", text: "", calendar: null } : {}),
        },
      });
      report.sent++;
    } catch (error) {
      const gaveUp = message.attempts >= MAX_ATTEMPTS;
      await db.emailOutbox.update({
        where: { id: message.id },
        data: {
          status: gaveUp ? "FAILED" : "PENDING",
          lastError: String((error as Error).message ?? error).slice(0, 1000),
          nextAttemptAt: new Date(Date.now() + retryDelayMs(message.attempts)),
        },
      });
      if (gaveUp) report.failed++;
      else report.retried++;
    }
  }
  return report;
}
