import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { filesListSchema, listFiles } from "@/lib/files/files";
import { getStorageUsage } from "@/lib/files/quota";
import { fileMaxBytes } from "@/lib/files/storage";
import { FilesView, type FileActions } from "./files-view";

/** The coachee profile's Files tab (?tab=files): the coach's view of the coachee's files, sorted and paged in the URL. */
export async function CoacheeFilesTab({
  org,
  actor,
  coacheeId,
  name,
  query,
  zone,
  actions,
}: {
  org: string;
  actor: Actor;
  coacheeId: string;
  name: string;
  query: Record<string, string | undefined>;
  zone: string;
  actions: FileActions;
}) {
  const filter = filesListSchema.parse(query);
  const [list, storage] = await Promise.all([listFiles(db(), actor, coacheeId, filter), getStorageUsage(db(), actor)]);
  return (
    <FilesView
      org={org}
      coacheeId={coacheeId}
      list={list}
      filter={filter}
      base={{ tab: "files" }}
      zone={zone}
      whose={`${name}'s`}
      sharedLabel={`Shared with ${name} and their coaches`}
      maxBytes={fileMaxBytes()}
      storage={storage}
      actions={actions}
    />
  );
}
