"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { cohortSchema, createCohort, updateCohort, updateCohortSchema } from "@/lib/programmes/cohorts";

const refresh = () => revalidatePath("/[org]", "layout");

export const createCohortAction = memberAction("programmes:manage", cohortSchema, async (actor, input) => {
  await createCohort(db(), actor, input);
  refresh();
  return { ok: true, message: `Cohort ${input.name} created.` };
});

export const updateCohortAction = memberAction("programmes:manage", updateCohortSchema, async (actor, input) => {
  await updateCohort(db(), actor, input);
  refresh();
  return { ok: true, message: "Cohort saved." };
});
