import { useLocale, useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { displayTime } from "@/lib/format/dates";
import { activitySentence, type NamedActivity } from "@/lib/activity/sentence";
import type { ReactNode } from "react";

/** A coachee's activity, newest first: one sentence per event and when it happened, on the viewer's clock. */
export function ActivityFeed({
  events,
  zone,
  empty,
}: {
  events: readonly (NamedActivity & { id: string; createdAt: Date })[];
  zone: string;
  empty: ReactNode;
}) {
  const t = useTranslations("Activity");
  const locale = useLocale();
  const words = useTranslations();
  if (events.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ol aria-label={t("label")} className="divide-y divide-line-soft rounded-md border border-line bg-surface">
      {events.map((e) => (
        <li key={e.id} className="flex flex-col gap-1 p-3 text-sm sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
          <span className="min-w-0 break-words">{activitySentence(e, (at) => displayTime(at, zone, locale), words)}</span>
          <span className="shrink-0 text-xs text-faint">
            <Time at={e.createdAt} zone={zone} />
          </span>
        </li>
      ))}
    </ol>
  );
}
