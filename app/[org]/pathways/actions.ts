"use server";

import { refreshOrganisation } from "@/lib/actions/refresh";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { addUserWithPathway, addUserWithPathwaySchema } from "@/lib/pathways/enrol";
import { archivePathway, archiveSchema, unarchivePathway } from "@/lib/pathways/archive";
import { msg } from "@/lib/i18n/msg";
import { idField } from "@/lib/web/form-fields";
import { scheduleSession, sessionSchema } from "@/lib/pathways/sessions";
import { sessionStatusSchema, setSessionStatus } from "@/lib/sessions/status";

export const addUserWithPathwayAction = memberAction("pathways:manage", addUserWithPathwaySchema, async (actor, input) => {
  const { pathway, invited } = await addUserWithPathway(db(), actor, input);
  refreshOrganisation();
  return {
    ok: true,
    data: { pathwayId: pathway.id },
    message: msg(invited ? "Pathways.server.createdInvited" : "Pathways.server.created", { email: input.email }),
  };
});

export const archivePathwayAction = memberAction("pathways:manage", archiveSchema, async (actor, input) => {
  const { credited } = await archivePathway(db(), actor, input);
  refreshOrganisation();
  return {
    ok: true,
    message: msg("Pathways.server.archived", { reason: input.reason, credited }),
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
      message: msg("Pathways.server.reopened", { reversed }),
    };
  },
);

// Sessions: programme managers and admins, or the pathway's own coach (the service's pathway reach).
export const scheduleSessionAction = memberAction("sessions:manage", sessionSchema, async (actor, input) => {
  await scheduleSession(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Pathways.server.sessionScheduled") };
});

export const sessionStatusAction = memberAction("sessions:manage", sessionStatusSchema, async (actor, input) => {
  await setSessionStatus(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Pathways.server.sessionUpdated") };
});
