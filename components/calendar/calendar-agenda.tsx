import { useLocale, useTranslations } from "next-intl";
import { displayDay } from "@/lib/format/dates";
import type { Calendar, CalendarQuery } from "@/lib/sessions/calendar";
import { CalendarEntry } from "./calendar-entry";
import { MoreLink } from "./calendar-grid";

type Href = (changes: Partial<CalendarQuery>) => string;

/**
 * The same sessions as the grid, as a list for a narrow box (a phone): each day that has any under its
 * heading, then its sessions as cards. Nothing here is wider than the screen.
 */
export function CalendarAgenda({ org, calendar, href }: { org: string; calendar: Calendar; href: Href }) {
  const t = useTranslations("Calendar");
  const locale = useLocale();
  const days = calendar.days.filter((d) => d.sessions.length);
  if (!days.length) return null;
  return (
    <ol aria-label={t("agendaLabel")} className="space-y-6 @3xl:hidden">
      {days.map((day) => (
        <li key={day.date} aria-current={day.today ? "date" : undefined}>
          <h3 className="mb-2 font-medium">
            {displayDay(day.date, "", locale)}
            {day.today ? <span className="ms-2 text-sm font-normal text-primary-strong">{t("todayMark")}</span> : null}
          </h3>
          <ol className="space-y-2">
            {day.sessions.map((s) => (
              <CalendarEntry key={s.id} org={org} session={s} zone={calendar.zone} />
            ))}
          </ol>
          {day.more ? <MoreLink day={day} href={href} /> : null}
        </li>
      ))}
    </ol>
  );
}
