import { processPasswordResetRequests } from "../auth/password-reset";
import { db } from "../db/client";
import { env } from "../env";
import { fileDisk } from "../files/storage";
import { sweepOrphanFiles } from "../files/sweep";
import { runNotificationEmails } from "../notifications/coalesce";
import { runDigests } from "../notifications/digest";
import { pruneDigestClaims, pruneNotificationEmails } from "../notifications/prune";
import { pruneRateLimitBuckets } from "../security/rate-limit";
import { runReminders } from "../notifications/reminders";
import { processSignUpRequests } from "../orgs/sign-up";
import { runSessionReminders } from "../sessions/reminders";
import { deliverDueEmails } from "./deliver";
import { configuredTransport } from "./transport";

// One delivery loop per server process: polls the outbox, and runs at once when kicked after a
// commit that queued mail.
const state = globalThis as unknown as {
  pathwiseOutbox?: { timer: NodeJS.Timeout; running: boolean; again: boolean; scheduledAt: number; sweptAt: number };
};

/**
 * How often the loop looks for daily digests and action reminders that are due: a digest goes out within
 * a minute of 08:00 local. Both claim their work in the database, so every process may look.
 */
const SCHEDULED_EVERY_MS = 60_000;
/**
 * How often the store is swept for objects whose file row is gone (lib/files/sweep.ts), and notification
 * email claims past their retention are deleted (lib/notifications/prune.ts); any process may.
 */
const SWEEP_EVERY_MS = 60 * 60_000;

async function runOnce(): Promise<void> {
  const s = state.pathwiseOutbox;
  if (!s) return;
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  try {
    do {
      s.again = false;
      if (Date.now() - s.scheduledAt >= SCHEDULED_EVERY_MS) {
        s.scheduledAt = Date.now();
        // A failure here must not hold up the mail: logged, and tried again next time.
        await runReminders(db())
          .then(() => runDigests(db()))
          .catch((error) => console.error("[notifications] reminders or digests failed", error));
      }
      if (Date.now() - s.sweptAt >= SWEEP_EVERY_MS) {
        s.sweptAt = Date.now();
        // Not awaited: listing a large store must not hold up the mail.
        void sweepOrphanFiles(db(), fileDisk())
          .then((report) => {
            if (report.removed.length) console.log(`[files] orphan sweep removed ${report.removed.length} object(s)`);
          })
          .catch((error) => console.error("[files] orphan sweep failed", error));
        void pruneNotificationEmails(db())
          .then((count) => {
            if (count) console.log(`[notifications] pruned ${count} notification email claim(s) past their retention`);
          })
          .catch((error) => console.error("[notifications] pruning notification email claims failed", error));
        void pruneDigestClaims(db()).catch((error) => console.error("[notifications] pruning digest claims failed", error));
        void pruneRateLimitBuckets(db()).catch((error) => console.error("[security] pruning rate-limit buckets failed", error));
      }
      // Requests answered the same for every address (password reset, sign-up) compose their mail
      // here, after the answer, so that the answer's timing cannot depend on the account.
      await processPasswordResetRequests(db());
      await processSignUpRequests(db());
      // Notification emails whose window has closed (lib/notifications/coalesce.ts): at every poll, so one
      // goes out within OUTBOX_POLL_MS of its window's end. Claimed in the database, like the digest.
      await runNotificationEmails(db()).catch((error) => console.error("[notifications] coalesced emails failed", error));
      // Session reminders at every poll: a reminder 15 minutes before a session cannot wait a minute more.
      await runSessionReminders(db()).catch((error) => console.error("[reminders] session reminders failed", error));
      await deliverDueEmails(db(), configuredTransport(), { from: env().MAIL_FROM });
    } while (s.again);
  } catch (error) {
    console.error("[outbox] delivery failed", error);
  } finally {
    s.running = false;
  }
}

export function startOutboxWorker(): void {
  if (state.pathwiseOutbox) return;
  const timer = setInterval(runOnce, env().OUTBOX_POLL_MS);
  timer.unref();
  state.pathwiseOutbox = { timer, running: false, again: false, scheduledAt: 0, sweptAt: 0 };
  void runOnce();
}

/** Call after a transaction that queued mail has committed, to send it now rather than at the next poll. */
export function kickOutbox(): void {
  void runOnce();
}
