import { useLocale, useTranslations } from "next-intl";
import { BadgeLink } from "@/components/ui/badge";
import { Button, LinkButton } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { GetForm } from "@/components/ui/get-form";
import { PageHeader } from "@/components/ui/page-header";
import { displayDayRange, displayMonth } from "@/lib/format/dates";
import type { Calendar, CalendarQuery } from "@/lib/sessions/calendar";

type Href = (changes: Partial<CalendarQuery>) => string;

/**
 * The calendar's title, which week or month it shows, and its controls: Previous, Today and Next, the
 * Week / Month switch and (for an overseer) the coach picker. All are links or a GET form, so each step
 * is a URL of its own: the keyboard reaches them, and Back goes back a step.
 */
export function CalendarHeader({
  calendar,
  date,
  href,
}: {
  calendar: Calendar;
  /** The day the URL names, if any. */ date?: string;
  href: Href;
}) {
  const t = useTranslations("Calendar");
  const locale = useLocale();
  const { view, zone } = calendar;
  const range = view === "week" ? displayDayRange(calendar.first, calendar.last, locale) : displayMonth(calendar.anchor, locale);
  const description =
    calendar.mode === "oversee"
      ? calendar.coach
        ? t("overseeCoachDescription", { name: calendar.coach.name, zone })
        : t("overseeDescription", { zone })
      : t("description", { zone });
  return (
    <>
      <PageHeader title={t("title")} description={description} />
      {calendar.mode === "oversee" ? <CoachPicker calendar={calendar} date={date} /> : null}
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold" aria-live="polite">
          {range}
        </h2>
        <nav aria-label={t("navigation")} className="flex flex-wrap items-center gap-2">
          {calendar.previous ? (
            <LinkButton href={href({ date: calendar.previous })} variant="secondary" size="sm">
              {t(`previous.${view}`)}
            </LinkButton>
          ) : null}
          <LinkButton href={href({ date: undefined })} variant="secondary" size="sm">
            {t("today")}
          </LinkButton>
          {calendar.next ? (
            <LinkButton href={href({ date: calendar.next })} variant="secondary" size="sm">
              {t(`next.${view}`)}
            </LinkButton>
          ) : null}
        </nav>
        <nav aria-label={t("views")} className="flex items-center gap-2">
          {(["week", "month"] as const).map((v) => (
            <BadgeLink key={v} href={href({ view: v })} current={v === view}>
              {t(`view.${v}`)}
            </BadgeLink>
          ))}
        </nav>
      </div>
    </>
  );
}

/** Whose calendar an admin or a programme manager reads: a GET form, so the choice is in the URL. */
function CoachPicker({ calendar, date }: { calendar: Calendar; date?: string }) {
  const t = useTranslations("Calendar");
  const values = { coach: calendar.coach?.id ?? "", view: calendar.view, date: date ?? "" };
  return (
    <GetForm values={values} aria-label={t("coachPicker")} className="mb-4 flex flex-wrap items-end gap-3">
      {/* The view and day stay as they are; a week view, the default, and today need no field. */}
      {calendar.view === "month" ? <input type="hidden" name="view" value="month" /> : null}
      {date ? <input type="hidden" name="date" value={date} /> : null}
      <div className="min-w-0 flex-1 sm:max-w-sm">
        <SelectField
          label={t("coach")}
          name="coach"
          inline
          defaultValue={values.coach}
          empty={t("chooseCoach")}
          options={calendar.coaches.map((c) => ({ value: c.id, label: c.name }))}
        />
      </div>
      <Button type="submit" variant="primary">
        {t("show")}
      </Button>
    </GetForm>
  );
}
