import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { viewerClock } from "@/lib/format/dates";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { NotesListView } from "./notes-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Notes.page"))("title") };
}

/** A participant's own notes: search, pages, and New note. */
export default async function NotesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const t = await getTranslations("Notes.page");
  const member = await requireMember(org, "goals:own");
  return (
    <section>
      <PageHeader title={t("title")} description={t("description")} />
      <NotesListView
        org={org}
        actor={memberActor(member)}
        coacheeId={member.membershipId}
        zone={viewerClock(member.user).zone}
        query={firstValues(await searchParams)}
      />
    </section>
  );
}
