"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import {
  addUserWithPathway,
  addUserWithPathwaySchema,
  archivePathway,
  archiveSchema,
  scheduleSession,
  sessionSchema,
  sessionStatusSchema,
  setSessionStatus,
  unarchivePathway,
} from "@/lib/pathways/pathways";
import {
  cohortSchema,
  createCohort,
  createProgramme,
  programmeSchema,
  updateCohort,
  updateCohortSchema,
  updateProgramme,
  updateProgrammeSchema,
} from "@/lib/pathways/programmes";
import { pathwayStatusLabel } from "@/lib/labels";
import { idField } from "@/lib/web/form-fields";

const refresh = () => revalidatePath("/[org]", "layout");

export const createProgrammeAction = memberAction("programmes:manage", programmeSchema, async (actor, input) => {
  await createProgramme(db(), actor, input);
  refresh();
  return { ok: true, message: `${input.name} created.` };
});

export const updateProgrammeAction = memberAction("programmes:manage", updateProgrammeSchema, async (actor, input) => {
  await updateProgramme(db(), actor, input);
  refresh();
  return { ok: true, message: "Programme saved." };
});

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

export const addUserWithPathwayAction = memberAction("pathways:manage", addUserWithPathwaySchema, async (actor, input) => {
  const { pathway, invited } = await addUserWithPathway(db(), actor, input);
  refresh();
  return {
    ok: true,
    data: { pathwayId: pathway.id },
    message: invited ? `Pathway created, and ${input.email} is invited: the email is on its way.` : `Pathway created for ${input.email}.`,
  };
});

export const archivePathwayAction = memberAction("pathways:manage", archiveSchema, async (actor, input) => {
  const { credited } = await archivePathway(db(), actor, input);
  refresh();
  return {
    ok: true,
    message: `${pathwayStatusLabel({ status: "ARCHIVED", archiveReason: input.reason })}. ${credited ? `${credited} unused session${credited === 1 ? "" : "s"} credited to the cohort.` : "No sessions credited."}`,
  };
});

export const unarchivePathwayAction = memberAction("pathways:restore", z.strictObject({ pathwayId: idField() }), async (actor, { pathwayId }) => {
  const { reversed } = await unarchivePathway(db(), actor, pathwayId);
  refresh();
  return { ok: true, message: reversed ? `Reopened; the ${reversed} credited session${reversed === 1 ? " was" : "s were"} taken back.` : "Reopened." };
});

// Sessions: programme managers and admins, or the pathway's own coach (the service's pathway reach).
export const scheduleSessionAction = memberAction("sessions:manage", sessionSchema, async (actor, input) => {
  await scheduleSession(db(), actor, input);
  refresh();
  return { ok: true, message: "Session scheduled." };
});

export const sessionStatusAction = memberAction("sessions:manage", sessionStatusSchema, async (actor, input) => {
  await setSessionStatus(db(), actor, input);
  refresh();
  return { ok: true, message: "Session updated." };
});
