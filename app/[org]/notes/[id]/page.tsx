import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { viewerClock } from "@/lib/format/dates";
import { NoteDetailView } from "../notes-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Notes.notePage"))("title") };
}

/** One of a participant's own notes: the editor (it saves as they type), sharing, and its comments. */
export default async function NotePage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const t = await getTranslations("Notes.notePage");
  const member = await requireMember(org, "goals:own");
  return (
    <section>
      <PageHeader back={{ href: `/${org}/notes`, label: t("back") }} title={t("title")} />
      <NoteDetailView
        org={org}
        actor={memberActor(member)}
        coacheeId={member.membershipId}
        zone={viewerClock(member.user).zone}
        noteId={id}
      />
    </section>
  );
}
