import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AnswerBookingForm, CancelSessionForm, EditSessionForm } from "@/components/sessions/session-change-forms";
import { SessionLocation } from "@/components/sessions/session-location";
import { SessionStatusBadge } from "@/components/ui/badge";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { displayDay, isoTime, viewerClock, zoneName } from "@/lib/format/dates";
import { sessionNotepad } from "@/lib/sessions/notepad";
import { OPEN_STATUSES } from "@/lib/sessions/open";
import { SessionActionList, SessionNoteList } from "@/components/sessions/session-material";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { displayName } from "@/lib/users/display-name";
import { TIME_ZONES } from "@/lib/web/form-fields";
import { answerBookingAction, cancelMySessionAction, cancelSessionAction, editSessionAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Sessions.details"))("title") };
}

// One session, for whoever reaches it (lib/sessions/access.ts): when, with whom, where, its agenda, and
// the shared notes and actions written in it for those who may see them (lib/sessions/notepad.ts); for
// its coach the way into its notepad; for those who may change it while it is still scheduled, its edit
// and cancel forms.
export default async function SessionPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const pad = await orNotFound(sessionNotepad(db(), memberActor(member), id));
  const { session } = pad;
  const t = await getTranslations("Sessions.details");
  const locale = await getLocale();
  const clock = viewerClock(member.user, locale);
  const end = new Date(session.scheduledAt.getTime() + session.durationMinutes * 60_000);
  const [date, time] = isoTime(session.scheduledAt, session.timezone).split(" ");
  const changeable = session.canWork && session.status === "SCHEDULED";
  return (
    <section className="space-y-8">
      <PageHeader
        back={{ href: `/${org}/sessions`, label: t("back") }}
        title={session.title}
        actions={
          pad.canWrite && session.status !== "CANCELLED" ? (
            <LinkButton href={`/${org}/sessions/${session.id}/notepad`} variant={session.status === "SCHEDULED" ? "primary" : "secondary"}>
              {session.status === "SCHEDULED" ? t("start") : t("openNotepad")}
            </LinkButton>
          ) : null
        }
      />
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
      <Section id="agenda-heading" title={t("agenda")}>
        {pad.agenda ? (
          <p className="max-w-2xl text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">{pad.agenda}</p>
        ) : (
          <EmptyState inline>{t("noAgenda")}</EmptyState>
        )}
      </Section>
      {pad.seesMaterial ? (
        <>
          <Section id="shared-notes-heading" title={t("sharedNotes")}>
            <SessionNoteList notes={pad.sharedNotes} empty={t("noSharedNotes")} />
          </Section>
          <Section id="session-actions-heading" title={t("actions")}>
            <SessionActionList org={org} actions={pad.actions} empty={t("noActions")} day={(d) => displayDay(d, "–", locale)} />
          </Section>
        </>
      ) : null}
      {pad.more ? <p className="text-sm text-muted">{t("more")}</p> : null}
      {session.canWork && session.status === "REQUESTED" ? (
        <Section id="answer-heading" title={t("answer")}>
          <p className="mb-3 text-sm">{t("answerExplain")}</p>
          <AnswerBookingForm org={org} sessionId={session.id} action={answerBookingAction} />
        </Section>
      ) : null}
      {session.cancellation && !session.started && OPEN_STATUSES.includes(session.status) ? (
        <Section id="cancel-mine-heading" title={t("cancel")}>
          <p className="mb-3 text-sm">
            {t("cancelTerms", { hours: session.cancellation.windowHours, counts: session.cancellation.countsWhenLate ? "yes" : "no" })}
          </p>
          <CancelSessionForm org={org} sessionId={session.id} action={cancelMySessionAction} />
        </Section>
      ) : null}
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
