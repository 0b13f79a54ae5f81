"use server";

import { memberAction } from "@/lib/actions/action";
import { refreshOrganisation } from "@/lib/actions/refresh";
import { db } from "@/lib/db/client";
import { msg } from "@/lib/i18n/msg";
import { availabilitySchema, setAvailability } from "@/lib/sessions/availability";

export const saveAvailabilityAction = memberAction("coachees:manage", availabilitySchema, async (actor, input) => {
  await setAvailability(db(), actor, input);
  refreshOrganisation();
  return { ok: true, message: msg(input.open ? "Availability.saved" : "Availability.closed") };
});
