import type { SessionStatus } from "../db/generated/enums";

// Client-safe: a session still to come is scheduled, or booked and awaiting its coach's answer
// (lib/sessions/booking.ts): both hold the coach's time and a pathway's allotment.
export const OPEN_STATUSES: SessionStatus[] = ["REQUESTED", "SCHEDULED"];
