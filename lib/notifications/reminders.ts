import type { Db } from "../db/client";
import { reminderCandidates } from "../db/cross-tenant";
import { tenantDb } from "../db/tenant";
import { coacheeZone } from "../goals/calendar";
import { dayToDate } from "../web/form-fields";
import { isoDate, isoDay } from "../format/dates";
import { pastDeliveryHour } from "./digest";
import { notify } from "./notify";

const DAY_MS = 86_400_000;
const utcDay = (t: number) => isoDay(new Date(t));

/**
 * Reminds coachees of open actions at `now`, each once, from 08:00 in the coachee's time zone (the one
 * their lists use: coacheeZone), with the digest: "due tomorrow" when the due day is tomorrow there,
 * "overdue" once it is before today there (to their coaches too when the coachee asked them to monitor
 * it). Each reminder is claimed by a conditional update of the action (`dueReminderAt` /
 * `overdueReminderAt` still null), in the same transaction as its notification, so several workers
 * remind once.
 */
export async function runReminders(db: Db, now: Date = new Date()): Promise<{ due: number; overdue: number }> {
  const report = { due: 0, overdue: 0 };
  const t = now.getTime();
  // Today, somewhere on Earth, is within a day either side of UTC's today.
  const candidates = await reminderCandidates(db, { from: utcDay(t - DAY_MS), to: utcDay(t + 2 * DAY_MS) });
  for (const c of candidates) {
    // One action that cannot be reminded (a malformed address, say) is logged and passed over: it must
    // not hold up every other organisation's reminders, pass after pass.
    const sent = await tenantDb(db, c.organizationId)
      .$transaction(async (tx) => {
        const { zone } = await coacheeZone(tx, c.coacheeMembershipId);
        if (!pastDeliveryHour(now, zone)) return null;
        const today = isoDate(now, zone);
        const tomorrow = utcDay(dayToDate(today).getTime() + DAY_MS);
        const kind = c.needsDue && c.dueDate === tomorrow ? "action.due" : c.needsOverdue && c.dueDate < today ? "action.overdue" : null;
        if (!kind) return null;
        const [action] = await tx.action.updateManyAndReturn({
          where: { id: c.id, completedAt: null, ...(kind === "action.due" ? { dueReminderAt: null } : { overdueReminderAt: null }) },
          data: kind === "action.due" ? { dueReminderAt: now } : { overdueReminderAt: now },
          select: { id: true, title: true, coacheeMembershipId: true, monitoredByCoach: true },
        });
        if (!action) return null;
        const base = { coacheeMembershipId: action.coacheeMembershipId, subjectId: action.id, actorMembershipId: null };
        if (kind === "action.due")
          await notify(tx, c.organizationId, { ...base, kind, data: { title: action.title, dueDate: c.dueDate } }, now);
        else
          await notify(
            tx,
            c.organizationId,
            { ...base, kind, data: { title: action.title, dueDate: c.dueDate, monitoredByCoach: action.monitoredByCoach } },
            now,
          );
        return kind;
      })
      .catch((error: unknown) => {
        console.error("[reminders] action passed over", c.id, error);
        return null;
      });
    if (sent) report[sent === "action.due" ? "due" : "overdue"]++;
  }
  return report;
}
