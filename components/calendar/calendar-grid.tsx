import { useLocale, useTranslations } from "next-intl";
import { TextLink } from "@/components/ui/button";
import { displayDay, displayWeekday } from "@/lib/format/dates";
import type { Calendar, CalendarDay, CalendarQuery } from "@/lib/sessions/calendar";
import { CalendarEntry } from "./calendar-entry";

type Href = (changes: Partial<CalendarQuery>) => string;

/**
 * The calendar as seven columns, a day a cell, each day an ordered list of its sessions; a month is its
 * whole weeks, the days around it set back. Shown only where its box is wide enough (CalendarAgenda below).
 */
export function CalendarGrid({ org, calendar, href }: { org: string; calendar: Calendar; href: Href }) {
  const t = useTranslations("Calendar");
  const locale = useLocale();
  const month = calendar.view === "month";
  return (
    <div className="hidden @3xl:block">
      {/* The weekdays once above a month; each cell still names its whole day for a screen reader. */}
      {month ? (
        <div aria-hidden="true" className="grid grid-cols-7 gap-px text-xs font-medium text-muted">
          {calendar.days.slice(0, 7).map((d) => (
            <span key={d.date} className="px-2 py-1">
              {displayWeekday(d.date, locale)}
            </span>
          ))}
        </div>
      ) : null}
      <ol aria-label={t("gridLabel")} className="grid grid-cols-7 gap-px overflow-hidden rounded-md border border-line bg-line">
        {calendar.days.map((day) => (
          <li
            key={day.date}
            aria-current={day.today ? "date" : undefined}
            className={`min-w-0 p-2 ${month ? "min-h-28" : "min-h-64"} ${day.outside ? "bg-surface-muted" : "bg-surface"} aria-[current=date]:bg-primary-soft`}
          >
            <DayHeading day={day} month={month} locale={locale} />
            {day.sessions.length ? (
              <ol className="mt-2 space-y-2">
                {day.sessions.map((s) => (
                  <CalendarEntry key={s.id} org={org} session={s} zone={calendar.zone} />
                ))}
              </ol>
            ) : null}
            {day.more ? <MoreLink day={day} href={href} /> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function DayHeading({ day, month, locale }: { day: CalendarDay; month: boolean; locale: string }) {
  const t = useTranslations("Calendar");
  const number = Number(day.date.slice(8));
  return (
    <h3 className={`text-sm ${day.today ? "font-semibold text-primary-strong" : day.outside ? "text-faint" : "font-medium"}`}>
      <span className="sr-only">{displayDay(day.date, "", locale)}</span>
      <span aria-hidden="true">{month ? number : `${displayWeekday(day.date, locale)} ${number}`}</span>
      {day.today ? <span className="ms-2 text-xs font-normal">{t("todayMark")}</span> : null}
    </h3>
  );
}

/** "+2 more": the sessions a month's day folded away, in that day's week, where every one is listed. */
export function MoreLink({ day, href }: { day: CalendarDay; href: Href }) {
  const t = useTranslations("Calendar");
  const locale = useLocale();
  return (
    <p className="mt-2 text-sm">
      {/* The day is read out first (the cell's heading shows it to the eye), so each "+N more" names its own day. */}
      <TextLink href={href({ view: "week", date: day.date })}>
        <span className="sr-only">{displayDay(day.date, "", locale)}: </span>
        {t("more", { count: day.more })}
      </TextLink>
    </p>
  );
}
