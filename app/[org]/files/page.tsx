import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Files.page"))("title") };
}

/** A participant's own files: the ones they uploaded and the ones their coaches shared with them. */
export default async function FilesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { org } = await params;
  const t = await getTranslations("Files.page");
  const member = await requireMember(org, "goals:own");
  const actor = memberActor(member);
  const filter = filesListSchema.parse(firstValues(await searchParams));
  const [list, storage] = await Promise.all([listFiles(db(), actor, member.membershipId, filter), getStorageUsage(db(), actor)]);
  return (
    <section>
      <PageHeader title={t("title")} description={t("description")} />
      <FilesView
        org={org}
        coacheeId={member.membershipId}
        list={list}
        filter={filter}
        zone={viewerClock(member.user).zone}
        maxBytes={fileMaxBytes()}
        storage={storage}
        actions={{ share: shareFileAction, remove: deleteFileAction }}
      />
    </section>
  );
}
