import type { Db } from "../db/client";
import { isoDay } from "../format/dates";
import { deleteDigestClaimsBefore, deleteFinishedNotificationEmails } from "../db/cross-tenant";

/**
 * How long a notification email's claim (a NotificationEmail row, lib/notifications/coalesce.ts) is kept.
 * It does its work while workers may race for its window, seconds after the window closes; a month
 * keeps the record of what each email listed for questions about it, and bounds the table.
 */
export const NOTIFICATION_EMAIL_RETENTION_DAYS = 30;

/**
 * Deletes, in every organisation, the notification email claims older than the retention whose window
 * is done. A claim is written in the transaction that takes its window's notifications and queues the
 * email, so each one the database shows is finished; one whose first notification still waits is kept
 * anyway, since deleting it could let that window be claimed and sent again. Returns how many went.
 */
export async function pruneNotificationEmails(db: Db, now: Date = new Date()): Promise<number> {
  return deleteFinishedNotificationEmails(db, new Date(now.getTime() - NOTIFICATION_EMAIL_RETENTION_DAYS * 24 * 60 * 60_000));
}

/**
 * Deletes, in every organisation, the daily digest claims (one per member and day, lib/notifications/
 * digest.ts) for days older than the retention: a digest is only ever claimed for today. Returns how many went.
 */
export async function pruneDigestClaims(db: Db, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - NOTIFICATION_EMAIL_RETENTION_DAYS * 24 * 60 * 60_000);
  return deleteDigestClaimsBefore(db, isoDay(before));
}
