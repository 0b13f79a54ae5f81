"use server";

import { refreshOrganisation } from "@/lib/actions/refresh";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { addUserWithPathway, addUserWithPathwaySchema } from "@/lib/pathways/enrol";
import { archivePathway, archiveSchema, unarchivePathway } from "@/lib/pathways/archive";
import { pathwayStatusLabel } from "@/lib/labels";
import { idField } from "@/lib/web/form-fields";
import { scheduleSession, sessionSchema, sessionStatusSchema, setSessionStatus } from "@/lib/pathways/sessions";
import { plural } from "@/lib/words";

export const addUserWithPathwayAction = memberAction("pathways:manage", addUserWithPathwaySchema, async (actor, input) => {
  const { pathway, invited } = await addUserWithPathway(db(), actor, input);
  refreshOrganisation();
  return {
    ok: true,
    data: { pathwayId: pathway.id },
    message: invited ? `Pathway created, and ${input.email} is invited: the email is on its way.` : `Pathway created for ${input.email}.`,
  };
});

export const archivePathwayAction = memberAction("pathways:manage", archiveSchema, async (actor, input) => {
  const { credited } = await archivePathway(db(), actor, input);
  refreshOrganisation();
  return {
    ok: true,
    message: `${pathwayStatusLabel({ status: "ARCHIVED", archiveReason: input.reason })}. ${credited ? `${plural(credited, "unused session")} credited to the cohort.` : "No sessions credited."}`,
  };
});

export const unarchivePathwayAction = memberAction(
  "pathways:restore",
  z.strictObject({ pathwayId: idField() }),
  async (actor, { pathwayId }) => {
    const { reversed } = await unarchivePathway(db(), actor, pathwayId);
    refreshOrganisation();
    return {
      ok: true,
      message: reversed ? `Reopened; the ${reversed} credited session${reversed === 1 ? " was" : "s were"} taken back.` : "Reopened.",
    };
  },
);

// Sessions: programme managers and admins, or the pathway's own coach (the service's pathway reach).
export const scheduleSessionAction = memberAction("sessions:manage", sessionSchema, async (actor, input) => {
  await scheduleSession(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: "Session scheduled." };
});

export const sessionStatusAction = memberAction("sessions:manage", sessionStatusSchema, async (actor, input) => {
  await setSessionStatus(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: "Session updated." };
});
