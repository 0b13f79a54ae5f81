import type { ArchiveReason, SessionStatus } from "../db/generated/enums";

// Client-safe: pages, forms and the archive action's message read these.

export const ARCHIVE_REASON_LABELS: Record<ArchiveReason, string> = {
  DNF: "Did not finish",
  DNS: "Did not start",
  COMPLETED: "All sessions complete",
};

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  SCHEDULED: "Scheduled",
  ATTENDED: "Attended",
  CANCELLED: "Cancelled",
  NO_SHOW: "No-show",
};
