import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DeleteSeriesButton, SeriesForm } from "@/components/goals/series-fields";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { DataTable } from "@/components/ui/table";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { displayDay } from "@/lib/format/dates";
import type { RecurrenceFrequency } from "@/lib/db/generated/enums";
import { getSeries } from "@/lib/goals/series";
import { profileTabPath } from "@/lib/coachees/profile-tabs";
import { deleteSeriesAndLeaveAction, updateSeriesAction } from "../../series-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Goals.seriesPage"))("title") };
}

type Weekday = "1" | "2" | "3" | "4" | "5" | "6" | "7";
type Rule = { frequency: RecurrenceFrequency; interval: number; weekdays: readonly number[]; count: number | null; until: string | null };

/** A recurring action's rule in a sentence: "Every 2 weeks on Monday and Thursday, 6 times". */
async function recurrenceSummary(rule: Rule): Promise<string> {
  const [tl, locale] = await Promise.all([getTranslations("Labels"), getLocale()]);
  // The product's English is British: "Monday, Wednesday and Friday", no serial comma.
  const list = new Intl.ListFormat(locale === "en" ? "en-GB" : locale);
  let summary = tl(`recurrence.${rule.frequency}`, { interval: rule.interval });
  const days = rule.weekdays.filter((d) => d >= 1 && d <= 7).map((d) => tl(`weekday.${String(d) as Weekday}`));
  if (rule.frequency === "WEEKLY" && days.length) summary = tl("recurrence.onDays", { rule: summary, days: list.format(days) });
  if (rule.count !== null) return tl("recurrence.times", { rule: summary, count: rule.count });
  if (rule.until) return tl("recurrence.until", { rule: summary, date: displayDay(rule.until, undefined, locale) });
  return summary;
}

/** A recurring action: its rule, its occurrences, editing it (the times not done yet) and deleting it. */
export default async function SeriesPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const [t, locale] = await Promise.all([getTranslations("Goals.seriesPage"), getLocale()]);
  const day = (d: Date | string | null) => displayDay(d, undefined, locale);
  const member = await requireMember(org, ["coachees:manage", "goals:own"]);
  const series = await orNotFound(getSeries(db(), memberActor(member), id));
  // Back to the goals it belongs to: the coachee's own page, or the coach's tab on the coachee's profile.
  const back = can(member.role, "goals:own") ? `/${org}/goals` : profileTabPath(org, series.coacheeMembershipId, "goals");
  return (
    <section className="space-y-8">
      <PageHeader
        back={{ href: back, label: t("back") }}
        title={series.title}
        description={t("description", { rule: await recurrenceSummary(series), day: day(series.startDate), zone: series.timezone })}
      />
      <Section id="occurrences-heading" title={t("occurrences")}>
        <DataTable
          caption={t("occurrencesOf", { title: series.title })}
          captionHidden
          rows={series.occurrences}
          rowKey={(o) => o.id}
          empty={t("empty")}
          columns={[
            { header: t("due"), cell: (o) => day(o.dueDate), nowrap: true },
            { header: t("progress"), cell: (o) => t("percent", { value: o.progress }) },
            { header: t("status"), cell: (o) => (o.completedAt ? <Badge tone="success">{t("done")}</Badge> : t("open")) },
          ]}
        />
      </Section>
      <Section id="edit-heading" title={t("edit")}>
        <SeriesForm
          action={updateSeriesAction}
          fields={{ org, seriesId: series.id }}
          initial={{ ...series, until: series.until ?? undefined, count: series.count ?? undefined }}
          submitLabel={t("save")}
        />
      </Section>
      <DeleteSeriesButton action={deleteSeriesAndLeaveAction} org={org} seriesId={series.id} back={back} />
    </section>
  );
}
