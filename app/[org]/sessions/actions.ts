"use server";

import { memberAction } from "@/lib/actions/action";
import { refreshOrganisation } from "@/lib/actions/refresh";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";
import { cancelSession, cancelSessionSchema, editSession, editSessionSchema } from "@/lib/sessions/changes";

// A session's own page: change or cancel it ("sessions:manage"; the service decides whether this
// session is the actor's to change, as for every status change).

export const editSessionAction = memberAction("sessions:manage", editSessionSchema, async (actor, input) => {
  const { changed } = await editSession(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg(changed ? "Sessions.server.saved" : "Sessions.server.unchanged") };
});

export const cancelSessionAction = memberAction("sessions:manage", cancelSessionSchema, async (actor, input) => {
  await cancelSession(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Sessions.server.cancelled") };
});
