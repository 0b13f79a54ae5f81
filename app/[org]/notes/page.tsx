import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { viewerClock } from "@/lib/format/dates";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { NotesListView } from "./notes-view";

export const metadata: Metadata = { title: "Notes" };

/** A participant's own notes: search, pages, and New note. */
export default async function NotesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const member = await requireMember(org, "goals:own");
  return (
    <section>
      <PageHeader
        title="Notes"
        description="Notes for yourself. Share one with your coaches when you want them to read it; stop sharing whenever you like."
      />
      <NotesListView
        org={org}
        actor={memberActor(member)}
        coacheeId={member.membershipId}
        zone={viewerClock(member.user).zone}
        name="you"
        query={firstValues(await searchParams)}
      />
    </section>
  );
}
