import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BookSlots, type SlotDay } from "@/components/sessions/book-slots";
import { Button, TextLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { GetForm } from "@/components/ui/get-form";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { displayDate, displayDay, isoTime, viewerClock } from "@/lib/format/dates";
import { bookingOptions, slotsQuerySchema } from "@/lib/sessions/booking";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { bookSessionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Booking"))("title") };
}

// A participant books a free time with one of their coaches, a week at a time, in their own zone.
export default async function BookPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const member = await requireMember(org, "portal:use");
  const query = slotsQuerySchema.parse(firstValues(await searchParams));
  const { coaches, chosen } = await bookingOptions(db(), memberActor(member), query);
  const t = await getTranslations("Booking");
  const locale = await getLocale();
  const zone = viewerClock(member.user, locale).zone;
  if (!chosen) {
    return (
      <section>
        <PageHeader title={t("title")} description={t("description", { zone })} />
        <EmptyState>{t("noCoaches")}</EmptyState>
      </section>
    );
  }
  // The week's free times, by the participant's own day and clock.
  const days: SlotDay[] = [];
  for (const start of chosen.slots) {
    const day = displayDate(start, zone, locale);
    if (days.at(-1)?.day !== day) days.push({ day, slots: [] });
    days.at(-1)!.slots.push({ start: start.toISOString(), time: isoTime(start, zone).slice(11) });
  }
  const href = (from: string | null) => {
    const q = new URLSearchParams({
      coach: chosen.coach.id,
      length: String(chosen.length),
      ...(chosen.pathway ? { pathway: chosen.pathway.id } : {}),
    });
    if (from) q.set("from", from);
    return `/${org}/book?${q}`;
  };
  return (
    <section className="space-y-6">
      <PageHeader title={t("title")} description={t("description", { zone })} />
      <GetForm values={{ ...query }} className="flex flex-wrap items-end gap-4">
        <SelectField
          label={t("coach")}
          name="coach"
          options={coaches.map((c) => ({ value: c.id, label: c.name }))}
          defaultValue={chosen.coach.id}
        />
        <SelectField
          label={t("length")}
          name="length"
          options={chosen.lengths.map((n) => ({ value: String(n), label: String(n) }))}
          defaultValue={String(chosen.length)}
        />
        {chosen.pathways.length ? (
          <SelectField
            label={t("pathway")}
            name="pathway"
            empty={t("noPathway")}
            options={chosen.pathways.map((p) => ({ value: p.id, label: t("left", { label: p.label, left: p.left }) }))}
            defaultValue={chosen.pathway?.id ?? ""}
          />
        ) : null}
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </GetForm>
      <h2 className="text-lg font-semibold">{t("week", { day: displayDay(chosen.from, "–", locale) })}</h2>
      {days.length ? (
        <BookSlots
          org={org}
          coach={chosen.coach.id}
          length={chosen.length}
          pathwayId={chosen.pathway?.id ?? ""}
          days={days}
          action={bookSessionAction}
        />
      ) : (
        <EmptyState inline>{t("noSlots")}</EmptyState>
      )}
      <nav className="flex flex-wrap gap-4" aria-label={t("title")}>
        {query.from ? <TextLink href={href(null)}>{t("earlier")}</TextLink> : null}
        {chosen.next ? <TextLink href={href(chosen.next)}>{t("later")}</TextLink> : null}
      </nav>
    </section>
  );
}
