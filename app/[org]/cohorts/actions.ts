"use server";

import { refreshOrganisation } from "@/lib/actions/refresh";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";
import { cohortSchema, createCohort, updateCohort, updateCohortSchema } from "@/lib/programmes/cohorts";

export const createCohortAction = memberAction("programmes:manage", cohortSchema, async (actor, input) => {
  await createCohort(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Cohorts.server.created", { name: input.name }) };
});

export const updateCohortAction = memberAction("programmes:manage", updateCohortSchema, async (actor, input) => {
  await updateCohort(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Cohorts.server.saved") };
});
