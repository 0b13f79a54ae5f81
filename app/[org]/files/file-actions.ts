"use server";

import { refreshOrganisation } from "@/lib/actions/refresh";
import { memberAction } from "@/lib/actions/action";
import type { Actor } from "@/lib/authz/actor";
import { db } from "@/lib/db/client";
import { deleteFile, fileIdSchema, shareFile, shareFileSchema } from "@/lib/files/files";
import { msg } from "@/lib/i18n/msg";

// Share, make private and delete a file, for its uploader (a coach from the profile's Files tab, the
// coachee from their Files page); the services check that the actor uploaded it.

async function share(actor: Actor, input: { fileId: string; shared: boolean }) {
  const { visibility } = await shareFile(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: visibility === "SHARED" ? msg("Files.server.shared") : msg("Files.server.madePrivate") };
}

async function remove(actor: Actor, input: { fileId: string }) {
  await deleteFile(db(), actor, input);
  refreshOrganisation();
  return { ok: true as const, message: msg("Files.server.deleted") };
}

const FILES = ["coachees:manage", "goals:own"] as const;

export const shareFileAction = memberAction(FILES, shareFileSchema, share);
export const deleteFileAction = memberAction(FILES, fileIdSchema, remove);
