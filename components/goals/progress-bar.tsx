import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { DueState } from "@/lib/goals/calendar";

/**
 * How far a goal or milestone is: a native <progress> named for screen readers, with the figure in
 * text beside it (never the bar alone) and "Complete" once it is.
 */
export function ProgressBar({ value, label, complete }: { value: number; label: string; complete?: boolean }) {
  const t = useTranslations("Goals.progress");
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <progress
        value={value}
        max={100}
        aria-label={label}
        className="h-2 w-28 appearance-none overflow-hidden rounded bg-surface-deep [&::-moz-progress-bar]:bg-primary-bright [&::-webkit-progress-bar]:bg-surface-deep [&::-webkit-progress-value]:bg-primary-bright"
      />
      <span className="text-sm text-ink-soft tabular-nums">{t("percent", { value })}</span>
      {complete ? <Badge tone="success">{t("complete")}</Badge> : null}
    </span>
  );
}

/** Overdue (red) or due soon (amber), in words as well as colour; nothing otherwise. */
export function DueBadge({ due }: { due: DueState }) {
  const tl = useTranslations("Labels");
  if (!due) return null;
  return <Badge tone={due === "overdue" ? "danger" : "warning"}>{tl(`dueState.${due}`)}</Badge>;
}
