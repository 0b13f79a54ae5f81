import type { ReactNode } from "react";

export type NoticeTone = "success" | "error" | "warning" | "info";

const TONE: Record<NoticeTone, string> = {
  success: "bg-success-soft text-success",
  error: "bg-danger-soft text-danger-hover",
  warning: "bg-warning-soft text-warning",
  info: "border border-line bg-surface text-ink-soft",
};

/**
 * A message box: an outcome, a refusal, a warning. `role` is how it is announced: "status" for news
 * that can wait, "alert" for what needs attention now, none for a box that is just there on load.
 */
export function Notice({
  tone,
  role,
  label,
  children,
}: {
  tone: NoticeTone;
  role?: "status" | "alert";
  /** An accessible name, for a status found by it ("Seats"). */ label?: string;
  children: ReactNode;
}) {
  return (
    <div role={role} aria-label={label} className={`mb-4 rounded-md p-3 text-sm ${TONE[tone]}`}>
      {children}
    </div>
  );
}
