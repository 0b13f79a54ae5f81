import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CalendarAgenda } from "@/components/calendar/calendar-agenda";
import { CalendarEmpty } from "@/components/calendar/calendar-empty";
import { CalendarGrid } from "@/components/calendar/calendar-grid";
import { CalendarHeader } from "@/components/calendar/calendar-header";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { calendarQuerySchema, calendarSessions, type CalendarQuery } from "@/lib/sessions/calendar";
import { firstValues, queryWith, type RawSearchParams } from "@/lib/web/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Calendar"))("title") };
}

const DEFAULTS = { view: "week" };

// A week or a month of sessions in the viewer's zone: a coach's or a participant's own, or one coach's
// as an admin or a programme manager sees them. The URL holds the view, the day and the coach.
export default async function CalendarPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const member = await requireMember(org, "calendar:view");
  const query = calendarQuerySchema.parse(firstValues(await searchParams));
  const calendar = await orNotFound(calendarSessions(db(), memberActor(member), query, { zone: member.user.timezone }));
  const href = (changes: Partial<CalendarQuery>) =>
    `/${org}/calendar${queryWith({ view: calendar.view, date: query.date, coach: calendar.coach?.id }, changes, DEFAULTS)}`;

  return (
    <section>
      <CalendarHeader calendar={calendar} date={query.date} href={href} />
      <CalendarEmpty org={org} calendar={calendar} />
      {/* The grid where the calendar's own box is wide enough for seven columns, the agenda below that. */}
      <div className="@container">
        <CalendarGrid org={org} calendar={calendar} href={href} />
        <CalendarAgenda org={org} calendar={calendar} href={href} />
      </div>
    </section>
  );
}
