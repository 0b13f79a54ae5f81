import type { Metadata } from "next";
import { FilesView } from "@/components/files/files-view";
import { PageHeader } from "@/components/ui/page-header";
import { memberActor } from "@/lib/auth/member";
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import { viewerClock } from "@/lib/format/dates";
import { filesListSchema, listFiles } from "@/lib/files/files";
import { getStorageUsage } from "@/lib/files/quota";
import { fileMaxBytes } from "@/lib/files/storage";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { deleteFileAction, shareFileAction } from "./file-actions";

export const metadata: Metadata = { title: "Files" };

/** A participant's own files: the ones they uploaded and the ones their coaches shared with them. */
export default async function FilesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const member = await requireMember(org, "goals:own");
  const actor = memberActor(member);
  const filter = filesListSchema.parse(firstValues(await searchParams));
  const [list, storage] = await Promise.all([listFiles(db(), actor, member.membershipId, filter), getStorageUsage(db(), actor)]);
  return (
    <section>
      <PageHeader title="Files" description="Documents, pictures and recordings you and your coaches share, and your own private files." />
      <FilesView
        org={org}
        coacheeId={member.membershipId}
        list={list}
        filter={filter}
        zone={viewerClock(member.user).zone}
        whose="Your"
        sharedLabel="Shared with my coaches"
        maxBytes={fileMaxBytes()}
        storage={storage}
        actions={{ share: shareFileAction, remove: deleteFileAction }}
      />
    </section>
  );
}
