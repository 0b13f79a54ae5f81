import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AgendaForm, SessionActionForm, SessionNoteForm } from "@/components/sessions/notepad-forms";
import { SessionActionList, SessionNoteList } from "@/components/sessions/session-material";
import { SessionLocation } from "@/components/sessions/session-location";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { memberActor } from "@/lib/auth/member";
import { orNotFound, requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { displayDay } from "@/lib/format/dates";
import { sessionNotepad } from "@/lib/sessions/notepad";
import { displayName } from "@/lib/users/display-name";
import { addSessionActionItemAction, addSessionNoteAction, setAgendaAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Sessions.notepad"))("title") };
}

// The session's notepad, the coach's own page for working in the session: its agenda, their private
// notes, the notes shared with the coachee and the actions agreed, each written here. Nobody else's:
// the coachee reads what is theirs to read on the session's page.
export default async function NotepadPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const member = await requireMember(org, "coachees:manage");
  const pad = await orNotFound(sessionNotepad(db(), memberActor(member), id));
  if (!pad.canWrite) notFound();
  const { session } = pad;
  const t = await getTranslations("Sessions.notepad");
  const locale = await getLocale();
  const name = displayName(session.coachee);
  const written = { org, sessionId: session.id, coacheeId: session.coacheeMembershipId };
  return (
    <section className="space-y-8">
      <PageHeader
        back={{ href: `/${org}/sessions/${session.id}`, label: t("back") }}
        title={t("title")}
        description={t("description", { title: session.title, name })}
      >
        <SessionLocation location={session.location} />
      </PageHeader>
      <Section id="agenda-heading" title={t("agenda")}>
        <AgendaForm org={org} sessionId={session.id} agenda={pad.agenda} action={setAgendaAction} />
      </Section>
      <Section id="private-notes-heading" title={t("privateNotes")}>
        <p className="mb-3 text-sm text-muted">{t("privateHint")}</p>
        <SessionNoteList notes={pad.privateNotes} empty={t("noPrivateNotes")} />
        <div className="mt-4">
          <SessionNoteForm {...written} shared={false} action={addSessionNoteAction} />
        </div>
      </Section>
      <Section id="shared-notes-heading" title={t("sharedNotes", { name })}>
        <p className="mb-3 text-sm text-muted">{t("sharedHint", { name })}</p>
        <SessionNoteList notes={pad.sharedNotes} empty={t("noSharedNotes")} />
        <div className="mt-4">
          <SessionNoteForm {...written} shared action={addSessionNoteAction} />
        </div>
      </Section>
      <Section id="actions-heading" title={t("actions")}>
        <p className="mb-3 text-sm text-muted">{t("actionsHint", { name })}</p>
        <SessionActionList org={org} actions={pad.actions} empty={t("noActions")} day={(d) => displayDay(d, "–", locale)} />
        <div className="mt-4">
          <SessionActionForm {...written} action={addSessionActionItemAction} />
        </div>
      </Section>
    </section>
  );
}
