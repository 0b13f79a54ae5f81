"use server";

import { refreshOrganisation } from "@/lib/actions/refresh";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";
import { createProgramme, programmeSchema, updateProgramme, updateProgrammeSchema } from "@/lib/programmes/programmes";

export const createProgrammeAction = memberAction("programmes:manage", programmeSchema, async (actor, input) => {
  await createProgramme(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Programmes.server.created", { name: input.name }) };
});

export const updateProgrammeAction = memberAction("programmes:manage", updateProgrammeSchema, async (actor, input) => {
  await updateProgramme(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Programmes.server.saved") };
});
