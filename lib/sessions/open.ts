import type { SessionStatus } from "../db/generated/enums";

// Client-safe: which sessions hold time and which are spent.

/** A session still to come is scheduled, or booked and awaiting its coach's answer (lib/sessions/booking.ts): both hold the coach's time and a pathway's allotment. */
export const OPEN_STATUSES: SessionStatus[] = ["REQUESTED", "SCHEDULED"];

/**
 * A used session, as a pathway's allotment counts it: attended, or cancelled by the participant inside
 * the coach's cancellation window where the programme counts that as used (lib/sessions/changes.ts).
 */
export const USED_SESSION = { OR: [{ status: "ATTENDED" as const }, { status: "CANCELLED" as const, countsAsUsed: true }] };

/** The same rule on a session already read. */
export const isUsed = (s: { status: SessionStatus; countsAsUsed: boolean }) =>
  s.status === "ATTENDED" || (s.status === "CANCELLED" && s.countsAsUsed);
