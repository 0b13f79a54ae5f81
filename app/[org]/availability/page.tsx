import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AvailabilityForm } from "@/components/sessions/availability-form";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { FALLBACK_ZONE } from "@/lib/format/dates";
import { getAvailability, LENGTH_CHOICES, rangesText, WEEKDAYS } from "@/lib/sessions/availability";
import { TIME_ZONES } from "@/lib/web/form-fields";
import { saveAvailabilityAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Availability"))("title") };
}

// A coach's availability for self-booking: what participants may book (lib/sessions/booking.ts).
export default async function AvailabilityPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await requireMember(org, "coachees:manage");
  const t = await getTranslations("Availability");
  const a = await getAvailability(db(), memberActor(member));
  const days = Object.fromEntries(WEEKDAYS.map((d) => [d, a ? rangesText(a.weekly, d) : d <= 5 ? "09:00-12:00, 13:00-17:00" : ""]));
  return (
    <section>
      <PageHeader title={t("title")} description={t("description")} />
      <AvailabilityForm
        org={org}
        values={{
          open: a !== null,
          timezone: a?.timezone ?? member.user.timezone ?? FALLBACK_ZONE,
          days: days as Record<(typeof WEEKDAYS)[number], string>,
          lengths: a?.lengths ?? [60],
          bufferMinutes: a?.bufferMinutes ?? 0,
          noticeHours: a ? a.noticeMinutes / 60 : 24,
          horizonDays: a?.horizonDays ?? 60,
          maxPerDay: a?.maxPerDay ?? null,
          daysOff: a?.daysOff.join(", ") ?? "",
          needsApproval: a?.needsApproval ?? false,
          cancelWindowHours: a?.cancelWindowHours ?? 24,
        }}
        lengthChoices={LENGTH_CHOICES}
        zones={TIME_ZONES}
        action={saveAvailabilityAction}
      />
    </section>
  );
}
