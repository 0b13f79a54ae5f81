"use server";

import { refreshOrganisation } from "@/lib/actions/refresh";
import { msg } from "@/lib/i18n/msg";
import { memberAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { appointmentSchema, scheduleAppointment, startSessionNow, startSessionSchema } from "@/lib/coachees/sessions";
import { sessionStatusSchema, setSessionStatus } from "@/lib/sessions/status";

// The coachee profile's actions (its Sessions tab, Add an appointment, Start a session now): a coach's
// own workspace ("coachees:manage"); each service checks again that the coachee is this coach's.

export const scheduleAppointmentAction = memberAction("coachees:manage", appointmentSchema, async (actor, input) => {
  await scheduleAppointment(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Coachees.server.appointmentAdded") };
});

export const startSessionNowAction = memberAction("coachees:manage", startSessionSchema, async (actor, input) => {
  const session = await startSessionNow(db(), actor, input);
  refreshOrganisation();
  return { ok: true, data: { sessionId: session.id }, message: msg("Coachees.server.sessionStarted") };
});

export const coacheeSessionStatusAction = memberAction("coachees:manage", sessionStatusSchema, async (actor, input) => {
  await setSessionStatus(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg("Coachees.server.sessionUpdated") };
});
