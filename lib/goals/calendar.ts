import type { TenantTx } from "../db/tenant";
import { isoDate, knownZone } from "../format/dates";

// Due dates are calendar days (DATE columns). Whether one is today, this week or past is read on the
// coachee's calendar, in the coachee's time zone, whoever looks: an action due on Friday is overdue
// from Saturday morning where the coachee lives, not where their coach does.

/** Open actions due today or in the next two days are "due soon" (amber). */
export const DUE_SOON_DAYS = 3;
/** The week filter: open and due today or in the six days after (the coming seven days). */
export const WEEK_DAYS = 7;

/** The Actions list's filters, as the URL carries them (labels in lib/labels.ts). */
export const ACTION_FILTERS = ["open", "week", "overdue", "done"] as const;
export type ActionFilterCode = (typeof ACTION_FILTERS)[number];

/** How an open action's due date can stand (labels in lib/labels.ts); null is neither. */
export const DUE_STATES = ["overdue", "soon"] as const;

export type ZoneSource = "coachee" | "pathway" | "default";

/**
 * The coachee's time zone: their own once they have joined (kept on the membership); before that,
 * the zone of their latest pathway (where the programme team placed them); failing both, UTC.
 */
export async function coacheeZone(tx: TenantTx, coacheeMembershipId: string): Promise<{ zone: string; source: ZoneSource }> {
  const member = await tx.membership.findFirst({ where: { id: coacheeMembershipId }, select: { timezone: true } });
  if (member?.timezone) return { zone: knownZone(member.timezone), source: "coachee" };
  const pathway = await tx.pathway.findFirst({
    where: { membershipId: coacheeMembershipId },
    orderBy: [{ startDate: "desc" }, { id: "desc" }],
    select: { timezone: true },
  });
  if (pathway) return { zone: knownZone(pathway.timezone), source: "pathway" };
  return { zone: knownZone(null), source: "default" };
}

/** The calendar day it is now in `zone`, as a DATE column holds it (midnight UTC). */
export function todayIn(zone: string, now: Date): Date {
  return new Date(`${isoDate(now, zone)}T00:00:00.000Z`);
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * 86_400_000);
}

export type DueState = (typeof DUE_STATES)[number] | null;

/** How an action's due date stands on the coachee's `today`: nothing once done or without a date. */
export function dueState(action: { dueDate: Date | null; completedAt: Date | null }, today: Date): DueState {
  if (action.completedAt || !action.dueDate) return null;
  if (action.dueDate < today) return "overdue";
  if (action.dueDate < addDays(today, DUE_SOON_DAYS)) return "soon";
  return null;
}
