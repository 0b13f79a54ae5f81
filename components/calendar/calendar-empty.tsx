import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { CALENDAR_MAX_ROWS, type Calendar } from "@/lib/sessions/calendar";

/** What the calendar says when it has nothing to show (and what to do), or when it shows only the first sessions. */
export function CalendarEmpty({ org, calendar }: { org: string; calendar: Calendar }) {
  const t = useTranslations("Calendar");
  if (calendar.truncated) {
    return <Notice tone="warning">{t("truncated", { max: CALENDAR_MAX_ROWS, view: calendar.view })}</Notice>;
  }
  if (calendar.total > 0) return null;
  const view = calendar.view;
  const link = (href: string) =>
    function Link(chunks: ReactNode) {
      return <TextLink href={href}>{chunks}</TextLink>;
    };
  return (
    <div className="mb-4">
      <EmptyState>
        {calendar.mode === "coach"
          ? t.rich("emptyCoach", { view, link: link(`/${org}/coachees`) })
          : calendar.mode === "participant"
            ? t.rich("emptyParticipant", { view, link: link(`/${org}/messages`) })
            : calendar.coach
              ? t("emptyOversee", { view, name: calendar.coach.name })
              : t("chooseCoachFirst")}
      </EmptyState>
    </div>
  );
}
