import { FilesView } from "@/components/files/files-view";
import { db } from "@/lib/db/client";
import { filesListSchema, listFiles } from "@/lib/files/files";
import { getStorageUsage } from "@/lib/files/quota";
import { fileMaxBytes } from "@/lib/files/storage";
import { firstValues, type RawSearchParams } from "@/lib/web/search-params";
import { deleteFileAction, shareFileAction } from "../../../../files/file-actions";
import { coacheeProfile, type ProfileParams } from "../profile";

/** The coach's view of the coachee's files, sorted and paged in the URL. */
export default async function CoacheeFilesPage({ params, searchParams }: ProfileParams & { searchParams: Promise<RawSearchParams> }) {
  const { org, id } = await params;
  const { actor, coacheeId, name, zone } = await coacheeProfile(org, id);
  const filter = filesListSchema.parse(firstValues(await searchParams));
  const [list, storage] = await Promise.all([listFiles(db(), actor, coacheeId, filter), getStorageUsage(db(), actor)]);
  return (
    <FilesView
      org={org}
      coacheeId={coacheeId}
      list={list}
      filter={filter}
      zone={zone}
      name={name}
      maxBytes={fileMaxBytes()}
      storage={storage}
      actions={{ share: shareFileAction, remove: deleteFileAction }}
    />
  );
}
