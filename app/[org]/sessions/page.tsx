import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CoachSessionTable, ParticipantSessionTable } from "@/components/sessions/session-tables";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { can } from "@/lib/authz/permissions";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { coachUpcomingSessions, participantSessions, sessionsPageSchema, type SessionsPage } from "@/lib/sessions/lists";
import { firstValues, queryWith, type RawSearchParams } from "@/lib/web/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Sessions"))("title") };
}

const DEFAULTS = { page: 1, past: 1 };

// A participant's own sessions, upcoming and past; a coach's upcoming sessions across their coachees.
export default async function SessionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const member = await requireMember(org);
  const actor = memberActor(member);
  const at = sessionsPageSchema.parse(firstValues(await searchParams));
  const zone = viewerClock(member.user).zone;
  const t = await getTranslations("Sessions");
  const href = (changes: Partial<SessionsPage>) => `/${org}/sessions${queryWith(at, changes, DEFAULTS)}`;

  if (can(member.role, "portal:use")) {
    const { upcoming, past } = await participantSessions(db(), actor, at);
    return (
      <section className="space-y-8">
        <PageHeader title={t("title")} description={t("mineDescription", { zone })} />
        <Section id="upcoming-heading" title={t("upcoming")}>
          <ParticipantSessionTable org={org} caption={t("upcoming")} rows={upcoming.rows} zone={zone} empty={t("upcomingEmpty")} />
          <Pagination page={upcoming.page} pages={upcoming.pages} href={(page) => href({ page })} />
        </Section>
        <Section id="past-heading" title={t("past")}>
          <ParticipantSessionTable org={org} caption={t("past")} rows={past.rows} zone={zone} empty={t("pastEmpty")} />
          <Pagination page={past.page} pages={past.pages} href={(p) => href({ past: p })} />
        </Section>
      </section>
    );
  }
  if (!can(member.role, "coachees:manage")) notFound();
  const upcoming = await coachUpcomingSessions(db(), actor, at);
  return (
    <section>
      <PageHeader title={t("title")} description={t("coachDescription", { zone })} />
      <CoachSessionTable org={org} rows={upcoming.rows} zone={zone} />
      <Pagination page={upcoming.page} pages={upcoming.pages} href={(page) => href({ page })} />
    </section>
  );
}
