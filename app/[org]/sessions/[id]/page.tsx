import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CancelSessionForm, EditSessionForm } from "@/components/sessions/session-change-forms";
import { SessionLocation } from "@/components/sessions/session-location";
import { SessionStatusBadge } from "@/components/ui/badge";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { isoTime, viewerClock, zoneName } from "@/lib/format/dates";
import { sessionDetails } from "@/lib/sessions/access";
import { displayName } from "@/lib/users/display-name";
import { TIME_ZONES } from "@/lib/web/form-fields";
import { cancelSessionAction, editSessionAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Sessions.details"))("title") };
}

// One session, for whoever reaches it (lib/sessions/access.ts): when, with whom, where; and, for those
// who may change it while it is still scheduled, its edit and cancel forms.
export default async function SessionPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const session = await orNotFound(sessionDetails(db(), memberActor(member), id));
  const t = await getTranslations("Sessions.details");
  const clock = viewerClock(member.user, await getLocale());
  const end = new Date(session.scheduledAt.getTime() + session.durationMinutes * 60_000);
  const [date, time] = isoTime(session.scheduledAt, session.timezone).split(" ");
  const changeable = session.canWork && session.status === "SCHEDULED";
  return (
    <section className="space-y-8">
      <PageHeader back={{ href: `/${org}/sessions`, label: t("back") }} title={session.title} />
      <DescriptionList
        items={[
          { term: t("status"), detail: <SessionStatusBadge status={session.status} /> },
          {
            term: t("when"),
            detail: t("whenValue", {
              start: clock.time(session.scheduledAt),
              end: isoTime(end, clock.zone).slice(11),
              zone: zoneName(session.scheduledAt, clock.zone),
              minutes: session.durationMinutes,
            }),
          },
          { term: t("coach"), detail: displayName(session.coach) },
          { term: t("coachee"), detail: displayName(session.coachee) },
          { term: t("where"), detail: <SessionLocation location={session.location} /> },
          session.pathway && { term: t("pathway"), detail: `${session.pathway.programme.name} › ${session.pathway.cohort.name}` },
          session.status === "CANCELLED" && session.cancelReason ? { term: t("reason"), detail: session.cancelReason } : null,
        ]}
      />
      {changeable ? (
        <>
          <Section id="edit-heading" title={t("edit")}>
            <EditSessionForm
              org={org}
              session={{
                id: session.id,
                title: session.title,
                date,
                time,
                timezone: session.timezone,
                durationMinutes: session.durationMinutes,
                location: session.location,
              }}
              zones={TIME_ZONES}
              action={editSessionAction}
            />
          </Section>
          <Section id="cancel-heading" title={t("cancel")}>
            <CancelSessionForm org={org} sessionId={session.id} action={cancelSessionAction} />
          </Section>
        </>
      ) : null}
    </section>
  );
}
